"""Access-matrix rows of the list exports (``?format=csv|xlsx`` on a list URL)."""

from __future__ import annotations

from tests.access_rows import Row, everyone

EXPORT_PAGES: list[Row] = [
    Row("facility-list", lambda w: "/registry/?format=csv", everyone(200)),
    Row("facility-list", lambda w: "/registry/?format=xlsx&tier=tier1", everyone(200)),
    Row("organisation-list", lambda w: "/organisations/?format=csv", everyone(200)),
    Row(
        "organisation-list",
        lambda w: "/organisations/?format=xlsx&kind=municipality",
        everyone(200),
    ),
]
