"""The intelligence API: documents, facts with their corrections, the tracker."""

from __future__ import annotations

from typing import Any

from django.test import Client

from corridor.core.models import ApiToken
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact
from corridor.intel.tests.helpers import ANNOUNCEMENT, add_text


def _api(user: Any) -> Client:
    _, secret = ApiToken.issue(user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_posting_a_text_adds_a_document_once(world: Any) -> None:
    client = _api(world.alice)
    first = client.post(
        "/api/v1/intel/documents",
        {"text": ANNOUNCEMENT, "source": "Ontario"},
        content_type="application/json",
    )
    assert first.status_code == 201
    body = first.json()
    assert body["facts"][0]["amount_cad"] == 3500000
    assert body["facts"][0]["jobs"] == 45
    again = client.post(
        "/api/v1/intel/documents", {"text": ANNOUNCEMENT}, content_type="application/json"
    )
    assert (again.status_code, again.json()["id"]) == (200, body["id"])


def test_a_correction_through_the_api_is_listed_with_the_fact(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    client = _api(world.bob)
    response = client.post(
        f"/api/v1/intel/facts/{fact.pk}/correct",
        {"version": fact.version, "jobs": 50, "trends": ["electrification"], "note": "checked"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = client.get(f"/api/v1/intel/facts/{fact.pk}").json()
    assert body["status"] == "corrected"
    assert body["extracted"]["jobs"] == 45
    assert [(c["field"], c["before"], c["after"]) for c in body["corrections"]] == [
        ("jobs", 45, 50),
        ("trends", ["automation-industry-4.0", "electrification"], ["electrification"]),
    ]


def test_a_stale_version_is_an_edit_conflict(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    response = _api(world.alice).post(
        f"/api/v1/intel/facts/{fact.pk}/correct",
        {"version": fact.version + 5, "jobs": 1},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"]


def test_the_tracker_api_gives_each_government_its_totals(world: Any) -> None:
    add_text(world.alice)
    body = _api(world.dave).get("/api/v1/intel/tracker").json()
    [ontario] = body["governments"]
    assert ontario["jurisdiction"] == "Ontario"
    assert ontario["amounts"] == {"CAD": 3500000.0}
    assert ontario["jobs"] == 45
    assert body["years"] == [2022]


def test_the_tracker_refuses_a_government_id_out_of_range(world: Any) -> None:
    response = _api(world.dave).get(
        "/api/v1/intel/tracker", {"jurisdiction": ["-335536146387125796864", "4049"]}
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"]


def test_search_through_the_api_matches_the_page(world: Any) -> None:
    document = add_text(world.alice)
    found = _api(world.erin).get("/api/v1/intel/documents", {"q": "Tecumseh welding"}).json()
    assert [d["id"] for d in found["items"]] == [document.pk]
    assert _api(world.erin).get("/api/v1/intel/documents", {"q": "lidar"}).json()["count"] == 0
