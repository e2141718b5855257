"""The calls list exports: the rows of the page, and only the text the calls rules allow."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import client_for
from tests.export_files import csv_rows
from tests.matrix_calls import build_calls


@pytest.fixture
def w(world: Any) -> Any:
    build_calls(world)
    return world


def _column(rows: list[list[str]], name: str) -> list[str]:
    at = rows[0].index(name)
    return [r[at] for r in rows[1:]]


def test_alice_exports_her_follow_ups_with_their_text(w: Any) -> None:
    client = client_for(w.alice)
    page = client.get("/calls/follow-ups/").content.decode()
    rows = csv_rows(client.get("/calls/follow-ups/", {"format": "csv"}))
    shown = re.search(r"<caption>(\d+) follow-up", page)
    assert shown is not None and len(rows) - 1 == int(shown.group(1)) >= 2
    described = _column(rows, "description")
    assert "Introduce to APMA's workforce committee" in described
    assert any(d.startswith("Respond to the red flag") for d in described)
    assert 'href="?format=csv"' in page and 'href="?format=xlsx"' in page


def test_another_municipality_exports_the_fact_but_not_the_description(w: Any) -> None:
    query = {"whose": "all", "status": "all"}
    client = client_for(w.bob)
    rows = csv_rows(client.get("/calls/follow-ups/", {**query, "format": "csv"}))
    assert "Matrix Mouldings" in _column(rows, "facility")
    text = " ".join(_column(rows, "description") + _column(rows, "outcome"))
    assert "Introduce to APMA" not in text and "Respond to the red flag" not in text
    assert "confidential" in text
    sheet = load_workbook(
        io.BytesIO(client.get("/calls/follow-ups/", {**query, "format": "xlsx"}).content)
    ).active
    assert sheet is not None
    cells = " ".join(str(v) for r in sheet.iter_rows(values_only=True) for v in r if v)
    assert "Matrix Mouldings" in cells and "Introduce to APMA" not in cells


def test_a_partner_exports_only_the_referrals_addressed_to_it(w: Any) -> None:
    rows = csv_rows(client_for(w.dave).get("/calls/follow-ups/", {"format": "csv"}))
    assert _column(rows, "description") == ["Introduce to APMA's workforce committee"]
    assert _column(rows, "owner_organisation") == ["Windsor Economic Development"]


def test_the_lead_export_follows_the_page_and_is_not_for_partners(w: Any) -> None:
    client = client_for(w.bob)
    rows = csv_rows(client.get("/calls/leads/", {"format": "csv"}))
    how = dict(zip(_column(rows, "facility_id"), _column(rows, "how"), strict=True))
    assert how[str(w.windsor_plant_2.pk)] == "Assigned by the coordinator"
    assert "The municipality it is in" in how.values()
    page = client.get("/calls/leads/").content.decode()
    assert all(name in page for name in _column(rows, "facility"))
    assert client_for(w.dave).get("/calls/leads/", {"format": "csv"}).status_code == 403


def test_the_campaign_export_carries_coverage(w: Any) -> None:
    rows = csv_rows(client_for(w.alice).get("/calls/campaigns/", {"format": "csv"}))
    assert rows[0][:2] == ["campaign_id", "campaign"]
    line = rows[1]
    assert line[1] == "Automotive focus"
    assert line[5:8] == ["2", "2", "100"]
    assert client_for(w.dave).get("/calls/campaigns/", {"format": "csv"}).status_code == 403


def test_the_call_export_follows_the_planner_filters_and_holds_no_answers(w: Any) -> None:
    client = client_for(w.bob)
    rows = csv_rows(
        client.get("/calls/", {"organisation": w.org_b.pk, "status": "completed", "format": "csv"})
    )
    assert _column(rows, "facility") == ["Matrix Mouldings Oshawa"]
    everything = csv_rows(client.get("/calls/", {"format": "csv"}))
    assert {"Matrix Mouldings East", "Matrix Mouldings Oshawa"} <= set(
        _column(everything, "facility")
    )
    assert "Waiting for approval" in _column(everything, "approval")  # bob's pending plan
    text = client.get("/calls/", {"format": "csv"}).content.decode()
    assert "Ohio" not in text and "Millwright" not in text  # alice's confidential answers
    assert client_for(w.dave).get("/calls/", {"format": "csv"}).status_code == 302


def test_the_template_export_lists_versions_and_their_use(w: Any) -> None:
    rows = csv_rows(client_for(w.alice).get("/calls/templates/", {"format": "csv"}))
    assert rows[0][-1] == "calls_on_it"
    assert _column(rows, "version") == [str(w.template.number)]
    assert int(_column(rows, "calls_on_it")[0]) >= 2
    partner = csv_rows(client_for(w.dave).get("/calls/templates/", {"format": "csv"}))
    assert "calls_on_it" not in partner[0]  # the partner's page shows no use counts
