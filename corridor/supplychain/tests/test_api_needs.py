"""The API of supply needs, introductions, gaps, the taxonomy and facilities' capabilities."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from corridor.core.models import ApiToken
from corridor.core.scoping import system_scope
from corridor.supplychain.models import FacilityCapability, NeedStatus, SupplyNeed
from corridor.supplychain.tests.test_views import region  # noqa: F401  (the fixture)


@pytest.fixture
def api(region: Any) -> Any:  # noqa: F811
    def client(name: str) -> Client:
        _token, raw = ApiToken.issue(getattr(region, name))
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    return client


def test_the_buyer_is_null_for_other_municipalities(region: Any, api: Any) -> None:  # noqa: F811
    w = region
    mine = api("alice").get(f"/api/v1/supply-needs/{w.enclosure.pk}").json()
    assert mine["buyer_id"] == w.buyer.pk and mine["buyer"] == "Lakeside Seating"
    assert mine["description"].startswith("Aluminium") and mine["buyer_visible"] is True
    theirs = api("bob").get(f"/api/v1/supply-needs/{w.enclosure.pk}").json()
    assert theirs["buyer_id"] is None and theirs["buyer"] is None
    assert theirs["description"] is None and theirs["recorded_on"] is None
    assert theirs["municipality"] == "Windsor" and theirs["annual_value"] == 4_000_000
    assert api("dave").get(f"/api/v1/supply-needs/{w.enclosure.pk}").status_code == 404
    listed = api("bob").get("/api/v1/supply-needs", {"page_size": 100}).json()
    assert {n["id"] for n in listed["items"]} == {w.enclosure.pk, w.casting.pk, w.mega.pk}
    assert all(n["buyer_id"] is None for n in listed["items"] if n["organisation_id"] == w.org_a.pk)
    assert api("dave").get("/api/v1/supply-needs").json()["count"] == 0


def test_a_buyer_cannot_be_learnt_through_filters_or_introductions(region: Any, api: Any) -> None:  # noqa: F811
    w = region
    bob = api("bob")
    assert bob.get("/api/v1/supply-needs", {"buyer": w.buyer.pk}).json()["count"] == 0
    assert api("alice").get("/api/v1/supply-needs", {"buyer": w.buyer.pk}).json()["count"] == 2
    assert bob.get(f"/api/v1/supply-needs/{w.casting.pk}/introductions").status_code == 404
    assert bob.get("/api/v1/introductions").json()["count"] == 0
    suppliers = bob.get(f"/api/v1/supply-needs/{w.casting.pk}/suppliers").json()
    assert [s["name"] for s in suppliers] == ["Essex Diecast"]
    assert suppliers[0]["distance_km"] is None
    alice = api("alice").get(f"/api/v1/supply-needs/{w.casting.pk}/suppliers").json()
    assert alice[0]["distance_km"] > 0
    intros = api("alice").get(f"/api/v1/supply-needs/{w.casting.pk}/introductions").json()
    assert [i["supplier"] for i in intros] == ["Essex Diecast"]


def test_record_a_need_introduce_and_win_a_contract(region: Any, api: Any) -> None:  # noqa: F811
    w = region
    alice = api("alice")
    body = {
        "buyer_id": w.oem.pk,
        "capability": "stamping",
        "organisation_id": w.org_a.pk,
        "annual_value": 300_000,
        "sourced_from": "us",
        "radius_km": 80,
    }
    response = alice.post("/api/v1/supply-needs", body, content_type="application/json")
    assert response.status_code == 201, response.content
    need = response.json()
    assert need["buyer"] == "Corridor Assembly" and need["status"] == "open"
    # bob may not record for Windsor; an unknown capability says which field is wrong
    refused = api("bob").post("/api/v1/supply-needs", body, content_type="application/json")
    assert refused.status_code == 403
    wrong = alice.post(
        "/api/v1/supply-needs", {**body, "capability": "nope"}, content_type="application/json"
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "capability"
    bad = alice.post(
        "/api/v1/supply-needs", {**body, "sourced_from": "mars"}, content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "sourced_from"

    intro = alice.post(
        f"/api/v1/supply-needs/{need['id']}/introductions",
        {"supplier_id": w.stamper.pk},
        content_type="application/json",
    )
    assert intro.status_code == 201, intro.content
    again = alice.post(
        f"/api/v1/supply-needs/{need['id']}/introductions",
        {"supplier_id": w.stamper.pk},
        content_type="application/json",
    )
    assert again.status_code == 422
    outcome = alice.post(
        f"/api/v1/introductions/{intro.json()['id']}/outcome",
        {"outcome": "contract", "notes": "PO for 2027"},
        content_type="application/json",
    )
    assert outcome.status_code == 200 and outcome.json()["outcome"] == "contract"
    assert alice.get(f"/api/v1/supply-needs/{need['id']}").json()["status"] == "sourced_locally"
    assert (
        api("erin")
        .post(
            f"/api/v1/introductions/{intro.json()['id']}/outcome",
            {"outcome": "no_fit"},
            content_type="application/json",
        )
        .status_code
        == 403
    )


def test_status_changes_are_for_the_recording_municipality(region: Any, api: Any) -> None:  # noqa: F811
    w = region
    url = f"/api/v1/supply-needs/{w.enclosure.pk}/status"
    assert (
        api("bob").post(url, {"status": "dropped"}, content_type="application/json").status_code
        == 403
    )
    ok = api("carol").post(url, {"status": "dropped"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["status"] == "dropped"
    with system_scope("test"):
        assert SupplyNeed.objects.get(pk=w.enclosure.pk).status == NeedStatus.DROPPED


def test_gaps_for_participants_and_partners(region: Any, api: Any) -> None:  # noqa: F811
    alice = api("alice").get("/api/v1/supply-gaps").json()
    assert [g["capability"] for g in alice["gaps"]] == [
        "battery-enclosure",
        "stamping",
        "die-casting",
    ]
    assert alice["gaps"][0]["unmet_value"] == 4_000_000 and alice["gaps"][0]["buyers"] == 1
    dave = api("dave").get("/api/v1/supply-gaps", {"k": 2}).json()
    assert dave["k"] == 2 and dave["values_suppressed_below"] == 5
    assert all(g["buyers"] is None and g["unmet_value"] is None for g in dave["gaps"])
    assert [g["open_needs"] for g in dave["gaps"]] == [None, None, None]  # fewer than 5 buyers
    risks = {(r["capability"], r["supplier"]) for r in dave["concentration_risks"]}
    assert ("die-casting", "Essex Diecast") in risks
    assert api("dave").get("/api/v1/supply-gaps", {"k": 0}).status_code == 422


def test_taxonomy_and_facility_capabilities(region: Any, api: Any) -> None:  # noqa: F811
    w = region
    found = api("dave").get("/api/v1/capabilities", {"q": "HPDC"}).json()["items"]
    assert [c["key"] for c in found] == ["die-casting"]
    assert found[0]["parent"] == "casting" and "HPDC" in found[0]["synonyms"]
    url = f"/api/v1/facilities/{w.buyer.pk}/capabilities"
    assert (
        api("dave")
        .post(url, {"capability": "painting"}, content_type="application/json")
        .status_code
        == 403
    )
    added = api("bob").post(url, {"capability": "painting"}, content_type="application/json")
    assert added.status_code == 201 and added.json()["source"] == "officer"
    assert [t["capability"] for t in api("dave").get(url).json()] == ["painting"]
    assert api("erin").delete(f"{url}/painting").status_code == 403
    assert api("alice").delete(f"{url}/painting").status_code == 204
    assert api("alice").delete(f"{url}/painting").status_code == 404
    with system_scope("test"):
        assert (
            FacilityCapability.all_objects.filter(
                facility=w.buyer, deleted_at__isnull=False
            ).count()
            == 1
        )
