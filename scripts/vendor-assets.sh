#!/usr/bin/env bash
# Refreshes the vendored front-end files from the npm registry, at the versions
# pinned in package.json / package-lock.json. Run by developers (make vendor) when
# a version changes; the app and the tests only ever read the copies in the repo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
nm="$work/node_modules"
vendor="$root/corridor/static/vendor"
rm -rf "$vendor" && mkdir -p "$vendor/htmx" "$vendor/leaflet" "$vendor/chartjs"
cp "$nm/htmx.org/dist/htmx.min.js" "$nm/htmx.org/LICENSE" "$vendor/htmx/"
cp -r "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/dist/images" \
      "$nm/leaflet/LICENSE" "$vendor/leaflet/"
# the source map is not vendored, so its reference goes too (collectstatic would look for it)
sed '/sourceMappingURL/d' "$nm/chart.js/dist/chart.umd.min.js" > "$vendor/chartjs/chart.umd.min.js"
cp "$nm/chart.js/LICENSE.md" "$vendor/chartjs/"
mkdir -p "$root/tests/browser/vendor"
cp "$nm/axe-core/axe.min.js" "$root/tests/browser/vendor/axe.min.js"
cp "$nm/axe-core/LICENSE" "$root/tests/browser/vendor/axe-core.LICENSE"
for p in htmx.org leaflet chart.js axe-core; do
  printf '%s %s\n' "$p" "$(node -p "require('$nm/$p/package.json').version")"
done > "$vendor/VERSIONS.txt"
echo "vendored: $(tr '\n' ' ' < "$vendor/VERSIONS.txt")"
