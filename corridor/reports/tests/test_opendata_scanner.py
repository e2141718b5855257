"""Every published open-data file, read as the public reads it: no small count of
companies can be read off or worked out by subtraction (``opendata_audit``).

The corridor here is full of small counts, in every table: a region called on 4 times
over three months (its total, 4, is itself a small count), a region with a month of 3
beside a month of 10 (the 3 would be its total minus the 10), a region called once,
small NAICS cells, a lone issue category, two companies referred to a program.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.calls.models.flags import Flag
from corridor.calls.tests.helpers import facility, planned
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.programs.models import Referral
from corridor.programs.tests.helpers import program, project
from corridor.reports.opendata import publish as publishing
from corridor.reports.opendata.publish import publish
from corridor.reports.opendata.tables import Table
from corridor.reports.tests.opendata_audit import audit

JAN, FEB, MAR = dt.date(2026, 1, 12), dt.date(2026, 2, 9), dt.date(2026, 3, 16)
NAICS = ["336390", "326199", "332118"]


def _place(name: str, region: str) -> Municipality:
    with system_scope("test data"):
        return Municipality.objects.create(
            name=name,
            census_division=name,
            economic_region=region,
            latitude=Decimal("43"),
            longitude=Decimal("-80"),
        )


def _flag(plant: Any, organisation: Any, category: str) -> None:
    with system_scope("test data"):
        Flag.objects.create(
            facility=plant, organisation=organisation, severity="high", category=category,
            respond_by=dt.date(2026, 12, 1), detail="confidential words",
        )  # fmt: skip


@pytest.fixture
def small_corridor(world: Any) -> None:
    london = _place("London", "London")
    kitchener = _place("Kitchener", "Kitchener–Waterloo–Barrie")
    made = 0

    def calls(place: Any, on: dt.date, n: int) -> list[Any]:
        nonlocal made
        plants = []
        for _ in range(n):
            plant = facility(f"Plant {made}", place, naics=NAICS[made % 3])
            made += 1
            planned(world.carol, plant, world.office, on)
            plants.append(plant)
        return plants

    # Windsor-Sarnia: 1 + 1 + 2 = 4 companies over three months, each month suppressed
    windsor = calls(world.windsor, JAN, 1) + calls(world.windsor, FEB, 1)
    windsor += calls(world.windsor, MAR, 2)
    # Toronto: 3 in January beside 10 in February (the 3 is the total minus the 10)
    toronto = calls(world.oshawa, JAN, 3) + calls(world.oshawa, FEB, 10)
    # London: large cells; Kitchener-Waterloo-Barrie: a single call
    london_plants = calls(london, JAN, 6) + calls(london, FEB, 7) + calls(london, MAR, 8)
    kitchener_plants = calls(kitchener, MAR, 1)

    for plant in windsor[:2] + toronto[:3] + london_plants[:9]:
        _flag(plant, world.office, "workforce")
    _flag(london_plants[10], world.office, "expansion")
    for plant in toronto[3:10] + kitchener_plants:
        _flag(plant, world.office, "local_supplier")

    parts = program("parts")
    project(parts, "Press line", contribution=100_000, total_value=400_000)
    project(parts, "Paint shop", contribution=30_000, approved_on=dt.date(2025, 6, 1))
    with system_scope("test data"):
        for plant, day in [
            *((p, dt.date(2024, 3, 1)) for p in toronto[:2]),
            *((p, dt.date(2025, 2, 1)) for p in london_plants[:6]),
        ]:
            Referral.objects.create(
                facility=plant, program=parts, organisation=world.office, referred_on=day
            )


def test_no_published_file_discloses_a_small_count(small_corridor: None, tmp_path: Path) -> None:
    out = tmp_path / "open"
    publish(out)  # what ``corridor publish-open-data DIR`` runs
    # the data really is full of small counts, in more than one file
    calls = json.loads((out / "calls_by_month_and_region.json").read_text())
    assert any(v is None for row in calls["rows"] for v in row.values())
    assert audit(out) == []


def test_the_auditor_finds_what_the_defect_published(tmp_path: Path) -> None:
    """The auditor itself: a region total of 4 over suppressed months, a lone suppressed
    cell, a recoverable cell, all spotted."""
    out = tmp_path / "open"
    out.mkdir()
    (out / "t.csv").write_text(
        "month,A,B,total\n2026-01,,,4\n2026-02,,,11\n2026-03,0,,\ntotal,13,4,\n"
    )
    (out / "t.json").write_text(
        json.dumps(
            {
                "table": "t",
                "company_counts": ["A", "B", "total"],
                "rows": [
                    {"month": "2026-01", "A": None, "B": None, "total": 4},
                    {"month": "2026-02", "A": None, "B": None, "total": 11},
                    {"month": "2026-03", "A": 0, "B": None, "total": None},
                    {"month": "total", "A": 13, "B": 4, "total": None},
                ],
            }
        )
    )
    problems = audit(out)
    assert "t.csv: row '2026-01', column 'total': 4 published" in problems
    assert "t.csv: row 'total', column 'B': 4 published" in problems
    # 13 + 4 is the grand total, so March's hidden total (and cell) is 17 - 4 - 11 = 2
    assert "t.csv: ('2026-03', 'B'): suppressed, but the published totals pin it down" in problems


grids = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 12) | st.integers(0, 4), min_size=width, max_size=width),
        min_size=1,
        max_size=5,
    )
)


@settings(max_examples=60, deadline=None)
@given(st.lists(grids, min_size=1, max_size=3))
def test_random_tables_published_through_the_command_disclose_nothing(
    counts: list[list[list[int]]],
) -> None:
    """The whole path (suppression, totals, CSV and JSON) on random grids of small counts."""
    tables = [
        Table(
            f"random_{i}",
            "random counts",
            "row",
            [f"c{j}" for j in range(len(grid[0]))],
            [f"r{k}" for k in range(len(grid))],
            grid,
        )
        for i, grid in enumerate(counts)
    ]
    saved = publishing.TABLES
    publishing.TABLES = [lambda t=t: t for t in tables]  # type: ignore[misc]
    try:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "open"
            publish(out)
            assert audit(out) == [], counts
    finally:
        publishing.TABLES = saved
