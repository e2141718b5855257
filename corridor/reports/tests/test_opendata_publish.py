"""``corridor publish-open-data DIR``: hand-computed tables, suppression, all or nothing."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from corridor.reports.opendata.tables import facilities_by_naics_and_municipality


def _companies(world: Any, place: Any, naics: str, n: int, tag: str) -> None:
    with system_scope("test data"):
        for i in range(n):
            company = Company.objects.create(name=f"{tag} {i}")
            Facility.objects.create(
                company=company, name=f"{tag} {i} plant", municipality=place, naics=naics
            )


@pytest.fixture
def facilities(world: Any) -> None:
    # 336 (transportation equipment): Windsor 7, Oshawa 2; 326 (plastics): Windsor 6, Oshawa 9
    _companies(world, world.windsor, "336370", 7, "W336")
    _companies(world, world.oshawa, "336340", 2, "O336")
    _companies(world, world.windsor, "326193", 6, "W326")
    _companies(world, world.oshawa, "326199", 9, "O326")
    with system_scope("test data"):  # a second plant of one company counts once
        Facility.objects.create(
            company=Company.objects.get(name="W336 0"),
            name="second",
            municipality=world.windsor,
            naics="336390",
        )


def test_facilities_table_by_hand(facilities: None) -> None:
    table = facilities_by_naics_and_municipality()
    assert table.rows == ["326", "336"] and table.columns == ["Oshawa", "Windsor"]
    assert table.counts == [[9, 6], [2, 7]]
    # Oshawa 336 = 2 is primary; row 336 and column Oshawa then hide their next-smallest
    # (Windsor 336 = 7, Oshawa 326 = 9), and row 326 / column Windsor then hide 6.
    assert table.published() == [[None, None, 15], [None, None, 9], [11, 13, 24]]


def test_the_command_writes_csv_json_and_the_dictionary(facilities: None, tmp_path: Path) -> None:
    out = tmp_path / "open"
    call_command("publish_open_data", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "README.md",
        "calls_by_month_and_region.csv",
        "calls_by_month_and_region.json",
        "facilities_by_naics_and_municipality.csv",
        "facilities_by_naics_and_municipality.json",
        "funded_projects_by_program_and_year.csv",
        "funded_projects_by_program_and_year.json",
        "issues_by_category_and_region.csv",
        "issues_by_category_and_region.json",
        "skills_gaps.csv",
        "skills_gaps.json",
    ]
    with (out / "facilities_by_naics_and_municipality.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["naics_subsector", "Oshawa", "Windsor", "total"],
        ["326", "", "", "15"],
        ["336", "", "", "9"],
        ["total", "11", "13", "24"],
    ]
    data = json.loads((out / "facilities_by_naics_and_municipality.json").read_text())
    assert data["rows"][1] == {
        "naics_subsector": "336",
        "Oshawa": None,
        "Windsor": None,
        "total": 9,
    }
    readme = (out / "README.md").read_text()
    assert "1 to 4 companies is suppressed" in readme and "| `Windsor` |" in readme
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp folder left


def test_an_unwritable_directory_is_a_clear_error(world: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot write there"):
        call_command("publish_open_data", str(tmp_path / "missing" / "open"))


def test_a_failure_leaves_the_previous_publication(
    facilities: None, tmp_path: Path, monkeypatch: Any
) -> None:
    out = tmp_path / "open"
    call_command("publish_open_data", str(out))
    before = (out / "facilities_by_naics_and_municipality.csv").read_text()

    def broken() -> Any:
        raise RuntimeError("database went away")

    from corridor.reports.opendata import publish

    monkeypatch.setattr(publish, "TABLES", [facilities_by_naics_and_municipality, broken])
    with pytest.raises(RuntimeError):
        call_command("publish_open_data", str(out))
    assert (out / "facilities_by_naics_and_municipality.csv").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["open"]


def test_calls_table_by_hand(world: Any) -> None:
    import datetime as dt

    from corridor.calls.tests.helpers import facility, planned
    from corridor.reports.opendata.tables import calls_by_month_and_region

    october, november = dt.date(2026, 10, 5), dt.date(2026, 11, 9)
    plants = [facility(f"Windsor plant {i}", world.windsor) for i in range(6)]
    for plant in plants:
        planned(world.alice, plant, world.org_a, october)
    with system_scope("test data"):  # two more plants of the first company
        twins = [
            Facility.objects.create(
                company=plants[0].company, name=f"twin {i}", municipality=world.windsor
            )
            for i in range(2)
        ]
    planned(world.alice, twins[0], world.org_a, october + dt.timedelta(days=3))  # counts once
    planned(world.alice, twins[1], world.org_a, november)
    for i in range(5):
        planned(world.bob, facility(f"Oshawa plant {i}", world.oshawa), world.org_b, november)
    table = calls_by_month_and_region()
    assert table.rows == ["2026-10", "2026-11"]
    assert table.columns == ["Toronto", "Windsor–Sarnia"]
    assert table.counts == [[0, 6], [5, 1]]
    # November Windsor-Sarnia = 1 is hidden. The cheapest circuit of hidden values
    # through it: November's Toronto 5, Toronto's total 5, Windsor-Sarnia's total 7
    # (5 + 5 + 7 = 17; through the row totals it would be 6 + 6 + 6 = 18). November's
    # two hidden cells add up to 6, the two hidden column totals to 12.
    assert table.published() == [[0, 6, 6], [None, None, 6], [None, None, 12]]


def test_issues_table_by_hand(world: Any) -> None:
    import datetime as dt

    from corridor.calls.models.flags import Flag, FlagStatus
    from corridor.calls.tests.helpers import facility
    from corridor.reports.opendata.tables import issues_by_category_and_region

    def flag(plant: Any, category: str, **extra: Any) -> None:
        with system_scope("test data"):
            Flag.objects.create(
                facility=plant, organisation=world.org_a, severity="high", category=category,
                respond_by=dt.date(2026, 12, 1), detail="confidential words", **extra,
            )  # fmt: skip

    windsor = [facility(f"W{i}", world.windsor) for i in range(7)]
    for plant in windsor[:6]:
        flag(plant, "workforce")
    flag(windsor[0], "workforce")  # the same company again counts once
    flag(windsor[6], "workforce", status=FlagStatus.WITHDRAWN)  # not counted
    flag(facility("O1", world.oshawa), "expansion")
    table = issues_by_category_and_region()
    assert table.rows == ["Expansion opportunity", "Workforce shortage"]
    assert table.columns == ["Toronto", "Windsor–Sarnia"]
    assert table.counts == [[1, 0], [0, 6]]
    # 1 is hidden with no non-zero partner: its row and column totals go, and the grand total
    assert table.published() == [[None, 0, None], [0, 6, 6], [None, 6, None]]
