"""Benchmark of supplier search at national scale (`corridor bench search`).

Generates establishments across Canada (weighted to the Ontario corridor) with
realistic names, capability text, tags, certifications and coordinates into a
separate database (SQLite: ``var/bench/search-<n>-<seed>.sqlite3``; PostgreSQL:
``corridor_bench`` on 127.0.0.1), builds the search index (timed), runs mixed
queries (text + radius + filters), prints latency percentiles, index build time
and database size, and checks a sample of queries against the brute-force scan.

The benchmark runs in a child process whose default database is the benchmark
database, so the code measured is exactly the code Corridor runs.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from corridor.bench.benchdata import bulk_insert, ensure_pg_database

# the PostgreSQL benchmark database (``CORRIDOR_BENCH_PG_URL`` names another one)
PG_URL = os.environ.get(
    "CORRIDOR_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/corridor_bench"
)
TODAY = dt.date(2026, 11, 22)

# (place, latitude, longitude, weight, scatter in degrees)
PLACES = [
    ("Toronto", 43.6532, -79.3832, 20, 0.25),
    ("Mississauga", 43.5890, -79.6441, 8, 0.10),
    ("Brampton", 43.7315, -79.7624, 6, 0.08),
    ("Vaughan", 43.8361, -79.4983, 5, 0.08),
    ("Oshawa", 43.8971, -78.8658, 4, 0.10),
    ("Windsor", 42.3149, -83.0364, 6, 0.12),
    ("London", 42.9849, -81.2453, 5, 0.12),
    ("Kitchener", 43.4516, -80.4925, 6, 0.12),
    ("Guelph", 43.5448, -80.2482, 3, 0.08),
    ("Hamilton", 43.2557, -79.8711, 6, 0.12),
    ("St. Catharines", 43.1594, -79.2469, 3, 0.10),
    ("Woodstock", 43.1315, -80.7467, 2, 0.06),
    ("Ingersoll", 43.0390, -80.8830, 1, 0.04),
    ("Sarnia", 42.9745, -82.4066, 2, 0.08),
    ("Chatham", 42.4048, -82.1910, 1, 0.08),
    ("Alliston", 44.1535, -79.8680, 1, 0.05),
    ("Barrie", 44.3894, -79.6903, 2, 0.08),
    ("Peterborough", 44.3091, -78.3197, 1, 0.06),
    ("Kingston", 44.2312, -76.4860, 1, 0.06),
    ("Ottawa", 45.4215, -75.6972, 5, 0.15),
    ("Sudbury", 46.4917, -80.9930, 1, 0.08),
    ("Thunder Bay", 48.3809, -89.2477, 1, 0.06),
    ("Montréal", 45.5017, -73.5673, 14, 0.25),
    ("Québec", 46.8139, -71.2080, 4, 0.12),
    ("Sherbrooke", 45.4042, -71.8929, 1, 0.06),
    ("Winnipeg", 49.8951, -97.1384, 5, 0.12),
    ("Regina", 50.4452, -104.6189, 2, 0.08),
    ("Saskatoon", 52.1332, -106.6700, 2, 0.08),
    ("Calgary", 51.0447, -114.0719, 9, 0.15),
    ("Edmonton", 53.5461, -113.4938, 8, 0.15),
    ("Vancouver", 49.2827, -123.1207, 12, 0.20),
    ("Victoria", 48.4284, -123.3656, 2, 0.06),
    ("Kelowna", 49.8880, -119.4960, 1, 0.06),
    ("Halifax", 44.6488, -63.5752, 3, 0.10),
    ("Moncton", 46.0878, -64.7782, 1, 0.06),
    ("St. John's", 47.5615, -52.7126, 1, 0.05),
]

FIRST = [
    "Maple", "Northern", "Great Lakes", "Huron", "Erie", "Laurentian", "Pioneer", "Summit",
    "Precision", "Apex", "Atlas", "Beacon", "Cardinal", "Dominion", "Eagle", "Frontier",
    "Granite", "Harbour", "Keystone", "Lakeshore", "Meridian", "Niagara", "Oakridge",
    "Prairie", "Royal", "Superior", "Trillium", "Vanguard", "Westport", "Yukon", "Essex",
    "Durham", "Grand River", "Thames", "Algoma", "Cobalt", "Stellar", "Unity", "Zenith",
]  # fmt: skip
SECOND = [
    "Stamping", "Tool & Die", "Plastics", "Castings", "Machining", "Metal Works",
    "Manufacturing", "Automation", "Mould", "Forge", "Fabrication", "Industries",
    "Technologies", "Components", "Systems", "Coatings", "Logistics", "Engineering",
    "Electronics", "Rubber", "Composites", "Precision", "Assemblies", "Springs",
]  # fmt: skip
SUFFIX = ["Inc.", "Ltd.", "Limited", "Corp.", "Co.", "ULC", "Group", ""]
FILLER = [
    "for automotive OEMs", "brackets", "housings", "small to medium runs", "high volume",
    "prototype to production", "for Tier 1 suppliers", "JIT delivery", "since 1978",
    "family owned", "export to US and Mexico", "heavy truck", "agricultural equipment",
]  # fmt: skip
TIERS = ["tier1"] * 2 + ["tier2"] * 4 + ["tier3"] * 4 + ["tooling"] * 2 + ["service"] * 2 + [""] * 6
STANDARDS = [("IATF 16949", 3), ("ISO 9001", 5), ("ISO 14001", 2), ("ISO 45001", 1)]
TYPOS = {
    "stamping": "stampng", "aluminium": "alumnium", "machining": "machning",
    "welding": "weldng", "injection": "injecton", "harness": "harnes", "casting": "castng",
    "extrusion": "extrusoin", "forging": "forgng", "plating": "platting",
}  # fmt: skip


# --- the parent: run the child on the benchmark database -----------------------------------
def bench_url(database: str, facilities: int, seed: int) -> str:
    if database == "postgres":
        return PG_URL
    from django.conf import settings

    folder = Path(settings.VAR_DIR) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / f'search-{facilities}-{seed}.sqlite3').resolve()}"


def run_benchmark(
    facilities: int, queries: int = 1000, database: str = "sqlite", seed: int = 1, check: int = 25
) -> dict[str, Any]:
    url = bench_url(database, facilities, seed)
    if database == "postgres":
        ensure_pg_database(PG_URL)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "corridor.settings"}
    args = [sys.executable, "-m", "corridor.supplychain.bench"]
    args += [str(facilities), str(queries), database, str(seed), str(check)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the search benchmark failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the child: generate, index, query, check -----------------------------------------------
def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _phrases() -> dict[str, list[str]]:
    from corridor.supplychain.taxonomy import Taxonomy

    taxonomy = Taxonomy.from_csv()
    return {
        key: [node.label, *node.synonyms]
        for key, node in taxonomy.nodes.items()
        if node.parent  # the roots only group
    }


def generate(facilities: int, seed: int) -> None:
    """Write ``facilities`` establishments with companies, tags and certifications."""
    from django.db import transaction

    from corridor.registry.models import Certification, Company, Facility
    from corridor.supplychain.models import Capability, FacilityCapability

    rng = random.Random(seed)
    phrases = _phrases()
    keys = sorted(phrases)
    capability_ids = dict(Capability._base_manager.values_list("key", "pk"))
    weights = [p[3] for p in PLACES]
    chunk = 20_000
    next_id = 1
    with transaction.atomic():
        for start in range(0, facilities, chunk):
            companies: list[dict[str, Any]] = []
            plants: list[dict[str, Any]] = []
            tags: list[dict[str, Any]] = []
            certs: list[dict[str, Any]] = []
            for _ in range(min(chunk, facilities - start)):
                fid = next_id
                next_id += 1
                name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {rng.choice(SUFFIX)}".strip()
                place = rng.choices(PLACES, weights)[0]
                chosen = rng.sample(keys, rng.choice([1, 1, 2, 2, 3]))
                words = [rng.choice(phrases[k]) for k in chosen]
                if rng.random() < 0.5:
                    words.append(rng.choice(FILLER))
                if rng.random() < 0.05:
                    words = [" ".join(TYPOS.get(w, w) for w in text.split()) for text in words]
                has_point = rng.random() > 0.02
                companies.append({"id": fid, "name": name})
                plants.append(
                    {
                        "id": fid,
                        "company_id": fid,
                        "name": name,
                        "city": place[0],
                        "province": "ON",
                        "latitude": rng.gauss(place[1], place[4]) if has_point else None,
                        "longitude": rng.gauss(place[2], place[4]) if has_point else None,
                        "tier": rng.choice(TIERS),
                        "employees": (
                            None
                            if rng.random() < 0.15
                            else max(1, int(math.exp(rng.gauss(3.5, 1.2))))
                        ),
                        "products": ", ".join(words),
                        "is_fictional": True,
                    }
                )
                tags.extend(
                    {"facility_id": fid, "capability_id": capability_ids[k], "source": "products"}
                    for k in chosen
                )
                for standard, weight in STANDARDS:
                    if rng.random() < weight / 12:
                        expires = TODAY + dt.timedelta(days=rng.randint(-365, 3 * 365))
                        certs.append(
                            {"facility_id": fid, "standard": standard, "expires_on": expires}
                        )
            bulk_insert(Company, companies)
            bulk_insert(Facility, plants)
            bulk_insert(FacilityCapability, tags)
            if certs:
                bulk_insert(Certification, certs)
            _log(f"generated {start + len(plants):,} facilities")


def make_queries(count: int, seed: int) -> list[Any]:
    """Mixed queries: text (synonyms, names, typos), radius around a city, filters."""
    from corridor.supplychain.search import SupplierQuery

    rng = random.Random(seed + 1000)
    phrases = _phrases()
    keys = sorted(phrases)
    out = []
    for _ in range(count):
        place = rng.choices(PLACES, [p[3] for p in PLACES])[0]
        kind = rng.random()
        text = ""
        if kind < 0.85:
            parts = [rng.choice(phrases[rng.choice(keys)])]
            if rng.random() < 0.2:
                parts.append(rng.choice(FIRST))
            if rng.random() < 0.1:
                parts = [TYPOS.get(p.lower(), p) for p in parts]
            text = " ".join(parts)
        query = SupplierQuery(
            text=text,
            lat=place[1] + rng.uniform(-0.1, 0.1),
            lon=place[2] + rng.uniform(-0.1, 0.1),
            radius_km=rng.choice([10, 25, 50, 50, 100, 150]),
            on=TODAY,
            limit=50,
        )
        if kind >= 0.85:
            query.capabilities = [rng.choice(keys)]
        if rng.random() < 0.25:
            query.certifications = [rng.choice(["IATF 16949", "ISO 9001", "ISO 14001"])]
        if rng.random() < 0.25:
            query.tiers = rng.sample(["tier1", "tier2", "tier3", "tooling"], 2)
        if rng.random() < 0.2:
            query.min_employees = rng.choice([20, 50, 100])
        out.append(query)
    return out


def _database_size() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = Path(connection.settings_dict["NAME"])
    return sum(p.stat().st_size for p in name.parent.glob(name.name + "*"))


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def query_kind(query: Any) -> str:
    """The kind a query's latency is reported under."""
    if query.certifications:
        return "certification"
    if not query.text:
        return "capability"
    return "text"


def child(facilities: int, queries: int, database: str, seed: int, check: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from corridor.core.models import Membership, Organisation, User
    from corridor.core.scoping import system_scope
    from corridor.registry.models import Facility
    from corridor.supplychain.search import load_documents, make_plan, scan, search_suppliers
    from corridor.supplychain.search_index import INDEX_VERSION, rebuild_index
    from corridor.supplychain.taxonomy import load_taxonomy

    os.environ["CORRIDOR_DEFER_SEARCH_INDEX"] = "1"  # the index is built below, timed
    call_command("migrate", verbosity=0)
    marker = f"{facilities}:{seed}"
    with system_scope("search benchmark"):
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS corridor_bench_meta (marker text)")
            cursor.execute("SELECT marker FROM corridor_bench_meta")
            row = cursor.fetchone()
        generated_seconds = 0.0
        built_seconds = None
        if row is None or row[0] != marker:
            if Facility._base_manager.exists():
                raise RuntimeError("the benchmark database holds other data: delete it first")
            started = time.perf_counter()
            generate(facilities, seed)
            generated_seconds = time.perf_counter() - started
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("ANALYZE")  # statistics for the index build's look-ups
                cursor.execute("DELETE FROM corridor_bench_meta")
                cursor.execute("INSERT INTO corridor_bench_meta (marker) VALUES (%s)", [marker])
        with connection.cursor() as cursor:  # the index is rebuilt when its format changed
            cursor.execute("CREATE TABLE IF NOT EXISTS corridor_bench_index (version text)")
            cursor.execute("SELECT version FROM corridor_bench_index")
            built = cursor.fetchone()
        if built is None or built[0] != INDEX_VERSION:
            _log("building the index")
            started = time.perf_counter()
            rebuild_index(
                progress=lambda d, t: _log(f"indexed {d:,}") if d % 200_000 < 2000 else None
            )
            built_seconds = time.perf_counter() - started
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM corridor_bench_index")
                cursor.execute(
                    "INSERT INTO corridor_bench_index (version) VALUES (%s)", [INDEX_VERSION]
                )
        user = User.objects.filter(username="bench").first()
        if user is None:
            user = User.objects.create_user("bench", "bench@example.org", None)
            office = Organisation.objects.create(name="Bench Office", kind="coordinator_office")
            Membership.objects.create(user=user, organisation=office, role="viewer")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = _database_size()
    mix = make_queries(queries, seed)
    for query in mix[:20]:  # warm the caches
        search_suppliers(user, query)
    latencies = []
    totals = []
    by_kind: dict[str, list[float]] = {}
    for query in mix:
        started = time.perf_counter()
        result = search_suppliers(user, query)
        latencies.append((time.perf_counter() - started) * 1000)
        by_kind.setdefault(query_kind(query), []).append(latencies[-1])
        totals.append(result.total)
    checked = mismatches = 0
    if check:
        _log("loading every facility for the brute-force check")
        taxonomy = load_taxonomy()
        docs = load_documents(user, taxonomy)
        rng = random.Random(seed + 7)
        for query in rng.sample(mix, min(check, len(mix))):
            expected = scan(docs, make_plan(query, taxonomy), taxonomy)
            checked += 1
            if search_suppliers(user, query) != expected:
                mismatches += 1
    with system_scope("search benchmark"):
        indexed = Facility._base_manager.filter(deleted_at__isnull=True).count()
    return {
        "database": connection.vendor,
        "facilities": indexed,
        "seed": seed,
        "queries": len(mix),
        "generate_seconds": round(generated_seconds, 1),
        "index_build_seconds": round(built_seconds, 1) if built_seconds is not None else "reused",
        "database_mib": round(size / 2**20, 1),
        "p50_ms": round(_percentile(latencies, 50), 2),
        "p95_ms": round(_percentile(latencies, 95), 2),
        "p99_ms": round(_percentile(latencies, 99), 2),
        "max_ms": round(max(latencies), 2),
        **{
            f"{kind}_p50_p95_p99_ms (n={len(values)})": " / ".join(
                f"{_percentile(values, p):.1f}" for p in (50, 95, 99)
            )
            for kind, values in sorted(by_kind.items())
        },
        "median_results": int(_percentile([float(t) for t in totals], 50)),
        "brute_force_checked": checked,
        "brute_force_mismatches": mismatches,
    }


if __name__ == "__main__":
    n, q, db, s, c = sys.argv[1:6]
    print(json.dumps(child(int(n), int(q), db, int(s), int(c))))
