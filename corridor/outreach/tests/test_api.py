"""The outreach API: the shapes and the errors that matter to callers."""

from __future__ import annotations

from typing import Any

from conftest import client_for


def test_a_message_with_an_unknown_evidence_key_is_refused_naming_the_field(ow: Any) -> None:
    response = client_for(ow.carol).post(
        "/api/v1/messages",
        {"theme": "trade_policy", "title": "T", "summary": "S", "talking_points": "P",
         "evidence": ["registry.jobs", "workforce.nothing"]},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "evidence"
    assert "workforce.nothing" in response.json()["error"]["message"]


def test_a_double_booked_mayor_is_a_422_naming_the_municipalities(ow: Any) -> None:
    response = client_for(ow.alice).post(
        f"/api/v1/tours/{ow.tour.pk}/visits",
        {"head_office_id": ow.gm_na.pk, "starts_on": ow.visit.starts_on.isoformat(),
         "municipality_ids": [ow.org_a.pk]},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "municipalities"


def test_the_briefing_pack_api_hides_the_directory_from_partners(ow: Any) -> None:
    url = f"/api/v1/visits/{ow.visit.pk}/briefing-pack"
    alice = client_for(ow.alice).get(url).json()
    dave = client_for(ow.dave).get(url).json()
    assert alice["contacts"] == ["Pat Example, Vice-president, manufacturing (fictional)"]
    assert dave["contacts"] == []
    assert alice["plant_jobs"] == dave["plant_jobs"] == 3000
    jobs = {f["key"]: f["value"] for f in dave["figures"]}["registry.jobs"]
    assert jobs is None  # one company: suppressed for a partner


def test_an_edit_from_a_stale_version_is_a_conflict(ow: Any) -> None:
    response = client_for(ow.alice).patch(
        f"/api/v1/engagements/{ow.event_a.pk}",
        {"version": ow.event_a.version + 5, "outcomes": "late"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "edit_conflict"
