"""The open-data listings by hand: funded projects per program and year, skills gaps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.scoping import system_scope
from corridor.programs.models import Referral
from corridor.programs.tests.helpers import facility, program, project
from corridor.reports.opendata.listings import funded_projects_by_program_and_year, skills_gaps
from corridor.workforce.tests.helpers import ON, postings, recorded_call, region, supply
from corridor.workforce.tests.helpers import program as training_program


def _refer(world: Any, prog: Any, plant: Any, day: dt.date) -> None:
    with system_scope("test data"):
        Referral.objects.create(
            facility=plant, program=prog, organisation=world.org_a, referred_on=day
        )


def test_funded_projects_by_program_and_year_by_hand(world: Any) -> None:
    parts = program("parts")
    may_2024, june_2025 = dt.date(2024, 5, 1), dt.date(2025, 6, 1)
    project(
        parts,
        "Press line",
        contribution=100_000,
        total_value=400_000,
        jobs_created_expected=10,
        jobs_retained_expected=20,
        approved_on=may_2024,
    )
    project(
        parts, "Robot cell", contribution=50_000, jobs_created_expected=5, approved_on=may_2024
    )  # total value not known: left out of the sum
    project(parts, "Scrapped", contribution=999_000, status="cancelled", approved_on=may_2024)
    project(parts, "Paint shop", contribution=30_000, total_value=90_000, approved_on=june_2025)
    project(parts, "Undated", contribution=7_000, approved_on=None)
    # 2024: two companies referred (suppressed); 2025: five companies, one referred twice
    for i in range(2):
        _refer(world, parts, facility(f"R24 {i}", world.windsor), dt.date(2024, 3, 1))
    plants = [facility(f"R25 {i}", world.windsor) for i in range(5)]
    for plant in [*plants, plants[0]]:
        _refer(world, parts, plant, dt.date(2025, 2, 1))

    listing = funded_projects_by_program_and_year()
    assert listing.header() == [
        "program",
        "year",
        "funded_projects",
        "contribution",
        "total_value",
        "jobs_created_expected",
        "jobs_retained_expected",
        "companies_referred",
    ]
    name = parts.name
    assert listing.lines() == [
        [name, "2024", 2, 150_000, 400_000, 15, 20, None],
        [name, "2025", 1, 30_000, 90_000, 0, 0, 5],
        [name, "year not known", 1, 7_000, 0, 0, 0, 0],
    ]


def _welders(world: Any, companies: int) -> list[Any]:
    """Welders of Windsor-Sarnia: 100 postings, ``companies`` companies reporting 3 openings
    each on calls, 30 unemployed, 20 graduates a year."""
    windsor = region("Windsor–Sarnia")
    postings(windsor, "72106", 100)
    supply(windsor, "72106", unemployed=30)
    training_program("Welding", 20, [world.windsor], ["72106"])
    for _ in range(companies):
        recorded_call(world.alice, world.org_a, world.windsor, "Welder, 3")
    (line,) = [
        line for line in skills_gaps(ON).lines() if (line[0], line[2]) == ("72106", windsor.name)
    ]
    return line


def test_skills_gaps_leave_out_call_openings_of_fewer_than_five_companies(world: Any) -> None:
    # demand = 100 postings only, available = 30 + 20 = 50, gap 50, index 100 / 50
    assert _welders(world, 4)[3:] == [100, None, 100, 50.0, 50.0, 2.0]


def test_skills_gaps_count_call_openings_of_five_companies(world: Any) -> None:
    # demand = 100 + 5 * 3 = 115, gap 65, index 115 / 50 = 2.3
    assert _welders(world, 5)[3:] == [100, 15, 115, 50.0, 65.0, 2.3]


def test_the_command_writes_both_listings_and_their_dictionary(world: Any, tmp_path: Any) -> None:
    import csv
    import json

    from django.core.management import call_command

    parts = program("parts")
    project(parts, "Press line", contribution=100_000, total_value=400_000)
    _refer(world, parts, facility("Lone referral", world.windsor), dt.date(2024, 3, 1))
    out = tmp_path / "open"
    call_command("publish_open_data", str(out))
    with (out / "funded_projects_by_program_and_year.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1] == [parts.name, "2024", "1", "100000", "400000", "0", "0", ""]
    data = json.loads((out / "skills_gaps.json").read_text())
    assert data["table"] == "skills_gaps" and isinstance(data["rows"], list)
    readme = (out / "README.md").read_text()
    assert "## funded_projects_by_program_and_year" in readme and "## skills_gaps" in readme
    assert "| `companies_referred` | companies referred" in readme
    assert "| `call_openings` | openings reported on calls; empty when fewer than 5" in readme
