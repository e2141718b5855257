"""The program, funded-project and referral exports: the rows each role's page shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.programs.models import FundingProgram
from corridor.programs.tests import test_views
from corridor.programs.tests.helpers import project
from tests.export_files import csv_rows

pytestmark = pytest.mark.django_db
scene = test_views.scene  # the program pages' fixture: plants, programs, a partner


def test_the_program_export_lists_each_program_with_who_may_apply(scene: Any) -> None:
    with system_scope("test"):
        FundingProgram.objects.filter(pk=scene.parts.pk).update(ends_on=dt.date(2027, 3, 31))
    rows = csv_rows(client_for(scene.erin).get("/programs/", {"format": "csv"}))
    by_name = {r[1]: r for r in rows[1:]}
    assert set(by_name) >= {scene.parts.label, scene.big.label}
    assert rows[0][5:] == ["closes_on", "who_may_apply"]
    assert "1,000 employees" in by_name[scene.big.label][6]
    assert (by_name[scene.parts.label][5], by_name[scene.big.label][5]) == ("2027-03-31", "")
    assert "2027-03-31" in client_for(scene.erin).get("/programs/").content.decode()
    page = client_for(scene.erin).get("/programs/").content.decode()
    assert 'href="?format=xlsx"' in page


def test_the_project_export_follows_the_filters(scene: Any) -> None:
    project(
        scene.parts,
        "Robotic welding cell",
        municipality=scene.windsor,
        contribution=100000,
        total_value=250000,
    )
    project(scene.big, "Paint line", municipality=scene.oshawa)
    client = client_for(scene.bob)
    rows = csv_rows(client.get("/programs/projects/", {"program": scene.parts.pk, "format": "csv"}))
    assert [r[1] for r in rows[1:]] == ["Robotic welding cell"]
    assert rows[1][7] == "2.5"  # leverage, as on the page
    everything = csv_rows(client.get("/programs/projects/", {"format": "csv"}))
    assert {r[1] for r in everything[1:]} == {"Robotic welding cell", "Paint line"}


@pytest.mark.parametrize(
    ("role", "sees"),
    [("alice", True), ("erin", True), ("carol", True), ("dave", True), ("bob", False)],
)
def test_the_referral_export_holds_only_the_referrals_the_page_shows(
    scene: Any, role: str, sees: bool
) -> None:
    test_views._refer(scene)
    rows = csv_rows(client_for(scene.users()[role]).get("/programs/referrals/", {"format": "csv"}))
    assert rows[0][1] == "company"
    assert ("Lakeside Stamping" in {r[1] for r in rows[1:]}) is sees
