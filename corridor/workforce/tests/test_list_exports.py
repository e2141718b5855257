"""The occupation and training program list exports: the page's rows and filters."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.workforce.tests import test_views
from corridor.workforce.tests.helpers import program
from tests.export_files import csv_rows

figures = test_views.figures  # the skills-map pages' fixture: a Windsor welding program


def test_the_occupation_export_lists_what_the_page_lists(figures: Any) -> None:
    client = client_for(figures.dave)
    rows = csv_rows(client.get("/workforce/occupations/", {"format": "csv"}))
    assert rows[0] == ["noc_2021", "occupation", "teer", "also_called"]
    page = client.get("/workforce/occupations/").content.decode()
    assert len(rows) > 1 and all(f'mono">{r[0]}<' in page for r in rows[1:])
    assert "72106" in {r[0] for r in rows[1:]}


def test_the_training_program_export_follows_the_filters(figures: Any) -> None:
    program("Machining Fundamentals", 12, [figures.oshawa], ["72106"])
    client = client_for(figures.erin)
    rows = csv_rows(client.get("/workforce/programs/", {"format": "csv"}))
    assert {r[1] for r in rows[1:]} == {"Welding Techniques", "Machining Fundamentals"}
    welding = next(r for r in rows[1:] if r[1] == "Welding Techniques")
    assert welding[3] == "Windsor" and welding[8] == "20"
    diplomas = csv_rows(
        client.get("/workforce/programs/", {"credential": "diploma", "format": "csv"})
    )
    assert len(diplomas) == 3
    none = csv_rows(
        client.get("/workforce/programs/", {"credential": "certificate", "format": "csv"})
    )
    assert none == [rows[0]]  # the header alone, as the page shows none
