"""The retention early warning's daily assessment at the corridor's scale (docs/benchmarks.md).

    .venv/bin/python benchmarks/risk_assessment.py [FACILITIES] [CALLS]

Builds (or reuses) the web benchmark's dataset in its own PostgreSQL database,
``corridor_risk_bench`` (100,000 facilities with capability tags and coordinates,
500,000 calls with their flags: ``corridor.bench.webbench.data``), makes 15 of the plants
OEM assembly plants, and adds 2,000 announcements naming 1,000 of the companies (half of
them in a jurisdiction other than Ontario, a tenth saying cuts). Then it runs
``assess_all`` twice, the first listing and a refresh as the worker's daily run finds
it, and prints the time, the peak memory and the counts.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
URL = "postgres://postgres@127.0.0.1:5432/corridor_risk_bench"
os.environ.setdefault("DATABASE_URL", URL)
os.environ["DJANGO_SETTINGS_MODULE"] = "corridor.settings"

ANNOUNCEMENTS = 2_000
PLACES = ["Tennessee", "Michigan", "Ohio", "Mexico", "Ontario", "Ontario", "Quebec"]


def _announcements(seed: int) -> int:
    from corridor.bench.benchdata import bulk_insert
    from corridor.intel.models import Document, Fact, Jurisdiction
    from corridor.registry.models import Company

    if Fact._base_manager.filter(sentence__startswith="Benchmark:").exists():
        return 0
    rng = random.Random(seed)
    places = {j.name: j.pk for j in Jurisdiction._base_manager.filter(name__in=PLACES)}
    companies = list(Company._base_manager.values_list("pk", "name")[:50_000])
    chosen = rng.sample(companies, 1_000)
    today = dt.date(2026, 11, 22)
    documents, facts = [], []
    first = (Document._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for n in range(ANNOUNCEMENTS):
        company_id, name = chosen[n % len(chosen)]
        place = rng.choice(PLACES)
        cuts = n % 10 == 0
        sentence = (
            f"Benchmark: {name} will cut 200 jobs and close a line."
            if cuts
            else f"Benchmark: {name} will invest $50 million in a plant in {place}."
        )
        day = today - dt.timedelta(days=rng.randrange(0, 900))
        documents.append(
            {"id": first + n, "title": f"News {n}", "date": day, "text": sentence,
             "content_hash": f"bench-{seed}-{n}", "raw": sentence.encode(), "is_demo": True}
        )  # fmt: skip
        facts.append(
            {"document_id": first + n, "kind": "investment", "funder": name, "recipient": name,
             "amount_cad": 50_000_000, "date": day, "sentence": sentence,
             "jurisdiction_id": places.get(place), "recipient_company_id": company_id,
             "extracted": {}}
        )  # fmt: skip
    bulk_insert(Document, documents)
    bulk_insert(Fact, facts)
    return len(facts)


def main() -> None:
    facilities = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    from corridor.bench.benchdata import ensure_pg_database

    if os.environ["DATABASE_URL"].startswith("postgres"):
        ensure_pg_database(os.environ["DATABASE_URL"])
    from corridor.bench.webbench.data import prepare

    started = time.perf_counter()
    prepare(facilities, calls, seed=1)
    from django.db import connection

    from corridor.attraction.assessment import assess_all
    from corridor.attraction.models import FacilityRisk
    from corridor.core.scoping import system_scope
    from corridor.registry.models import Facility, Tier

    with system_scope("risk benchmark data"):
        oems = list(Facility._base_manager.order_by("pk").values_list("pk", flat=True)[:15])
        Facility._base_manager.filter(pk__in=oems).update(tier=Tier.OEM, employees=4_000)
        added = _announcements(seed=1)
        FacilityRisk._base_manager.all().delete()
    print(f"data_ready_s        {time.perf_counter() - started:.0f} (announcements added: {added})")
    for label in ("first", "refresh"):
        connection.queries_log.clear()
        began = time.perf_counter()
        run = assess_all()
        took = time.perf_counter() - began
        print(f"assess_{label:<8}    {took:.1f} s  {run}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with system_scope("risk benchmark counts"):
        listed = FacilityRisk._base_manager.count()
        total = Facility._base_manager.count()
    print(f"facilities          {total}")
    print(f"listed              {listed}")
    print(f"peak_rss_mb         {peak:.0f}")


if __name__ == "__main__":
    main()
