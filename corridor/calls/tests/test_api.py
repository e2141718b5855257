"""The calls API: shared facts, confidential answers, deconfliction, flags and follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from corridor.core.models import ApiToken
from tests.matrix_calls import DAY, build_calls

JSON = "application/json"


@pytest.fixture
def calls(world: Any) -> Any:
    build_calls(world)
    return world


@pytest.fixture
def api(world: Any) -> Any:
    """api('alice') -> a Client sending alice's bearer token."""

    def make(name: str) -> Client:
        _, token = ApiToken.issue(world.users()[name])
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


def _ids(body: dict[str, Any]) -> set[int]:
    return {item["id"] for item in body["items"]}


# What is shared and what is not


def test_participants_list_every_call_and_the_partner_none(calls: Any, api: Any) -> None:
    everything = {calls.call_a.pk, calls.call_b.pk, calls.pending_call.pk, calls.planned_call.pk}
    assert _ids(api("bob").get("/api/v1/calls").json()) == everything
    assert _ids(api("dave").get("/api/v1/calls").json()) == set()
    assert api("dave").get(f"/api/v1/calls/{calls.call_a.pk}").status_code == 404


def test_calls_filter(calls: Any, api: Any) -> None:
    bob = api("bob")
    assert _ids(bob.get("/api/v1/calls", {"approval": "pending"}).json()) == {calls.pending_call.pk}
    assert _ids(bob.get("/api/v1/calls", {"organisation": calls.org_b.pk}).json()) == {
        calls.call_b.pk,
        calls.pending_call.pk,
    }
    window = {"from_date": "2026-10-06", "to_date": "2026-10-20", "status": "planned"}
    assert _ids(bob.get("/api/v1/calls", window).json()) == {calls.planned_call.pk}
    assert _ids(bob.get("/api/v1/calls", {"campaign": calls.campaign.pk}).json()) == {
        calls.call_a.pk
    }
    bad = bob.get("/api/v1/calls", {"status": "maybe"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "status"


def test_bob_cannot_read_alices_answers_by_id(calls: Any, api: Any) -> None:
    url = f"/api/v1/calls/{calls.call_a.pk}/answers"
    for name in ("bob", "dave"):
        response = api(name).get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
        put = api(name).put(url, {"answers": {}}, content_type=JSON)
        assert put.status_code == 404
    # the call itself is shared with bob, without the company's consent details
    call = api("bob").get(f"/api/v1/calls/{calls.call_a.pk}").json()
    assert call["status"] == "completed" and call["answers_readable"] is False
    assert call["consent_on"] is None and call["consent_note"] is None
    assert "answers" not in call


def test_the_visiting_municipality_reads_its_answers(calls: Any, api: Any) -> None:
    for name in ("alice", "erin", "carol"):
        body = api(name).get(f"/api/v1/calls/{calls.call_a.pk}/answers").json()
        assert body["template_number"] == 1
        assert body["answers"]["risks.relocation"] == "yes"
        assert body["answers"]["snapshot.employees_now"] == 240
        assert body["answers"]["workforce.hard_to_fill"][0] == {
            "occupation": "Millwright",
            "count": 4,
        }
    call = api("alice").get(f"/api/v1/calls/{calls.call_a.pk}").json()
    assert call["answers_readable"] is True
    assert call["consent_on"] == DAY.isoformat() and call["consent_scope"] == ["association"]


def test_flag_detail_only_for_those_who_may_read_it(calls: Any, api: Any) -> None:
    def flag_a(name: str) -> dict[str, Any]:
        items = api(name).get("/api/v1/flags", {"severity": "red"}).json()["items"]
        return next(f for f in items if f["id"] == calls.flag_a.pk)

    assert "Ohio" in flag_a("alice")["detail"]
    assert "Ohio" in flag_a("carol")["detail"]
    shared = flag_a("bob")
    assert shared["detail"] is None
    assert shared["category"] == "relocation_closure" and shared["status"] == "open"
    assert api("dave").get("/api/v1/flags").json()["count"] == 0


def test_the_partner_lists_only_the_referrals_to_it(calls: Any, api: Any) -> None:
    body = api("dave").get("/api/v1/follow-ups").json()
    assert _ids(body) == {calls.referral_a.pk}
    [referral] = body["items"]
    assert referral["referral_to"] == "APMA"
    assert referral["description"] == "Introduce to APMA's workforce committee"
    # bob sees both follow-ups' status, not what they say
    items = {f["id"]: f for f in api("bob").get("/api/v1/follow-ups").json()["items"]}
    assert set(items) == {calls.follow_up_a.pk, calls.referral_a.pk}
    assert all(f["description"] is None and f["outcome"] is None for f in items.values())


def test_follow_ups_filter(calls: Any, api: Any) -> None:
    alice = api("alice")
    overdue = _ids(alice.get("/api/v1/follow-ups", {"overdue": True}).json())
    assert overdue == {calls.follow_up_a.pk, calls.referral_a.pk}  # DAY is in the past
    assert _ids(alice.get("/api/v1/follow-ups", {"overdue": False}).json()) == set()
    assert _ids(alice.get("/api/v1/follow-ups", {"owner_organisation": calls.org_b.pk}).json()) == (
        set()
    )


# Answers


def test_a_bad_answer_is_refused_naming_the_field(calls: Any, api: Any) -> None:
    url = f"/api/v1/calls/{calls.planned_call.pk}/answers"
    response = api("alice").put(
        url,
        {"answers": {"snapshot.employees_now": "about forty"}, "complete": True},
        content_type=JSON,
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error == {
        "code": "invalid",
        "message": "Enter a whole number.",
        "field": "answers.snapshot.employees_now",
    }
    unknown = api("alice").put(url, {"answers": {"snapshot.shoe_size": "9"}}, content_type=JSON)
    assert unknown.json()["error"]["field"] == "answers.snapshot.shoe_size"
    call = api("alice").get(f"/api/v1/calls/{calls.planned_call.pk}").json()
    assert call["status"] == "planned"  # nothing stored


def test_saving_answers_completes_the_call_and_raises_flags(calls: Any, api: Any) -> None:
    alice = api("alice")
    url = f"/api/v1/calls/{calls.planned_call.pk}/answers"
    answers = {
        "snapshot.employees_now": "120",
        "snapshot.employees_3y": "90",
        "workforce.hard_to_fill": [
            {"occupation": "Industrial mechanic (millwright)", "count": 3},
            {"occupation": "CNC machinist", "count": 2},
        ],
    }
    read = alice.get(url).json()
    response = alice.put(
        url,
        {"answers": answers, "complete": True, "version": read["version"]},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    assert response.json()["call_status"] == "completed"
    assert response.json()["answers"]["snapshot.employees_3y"] == 90
    flags = alice.get("/api/v1/flags", {"facility": calls.windsor_plant_2.pk}).json()["items"]
    assert {f["category"] for f in flags} == {"downsizing", "workforce"}
    stale = alice.put(url, {"answers": answers, "version": read["version"]}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "edit_conflict"


def test_a_viewer_reads_but_cannot_save_answers(calls: Any, api: Any) -> None:
    url = f"/api/v1/calls/{calls.call_a.pk}/answers"
    response = api("erin").put(url, {"answers": {}}, content_type=JSON)
    assert response.status_code == 403


def test_a_pending_call_cannot_be_completed(calls: Any, api: Any) -> None:
    url = f"/api/v1/calls/{calls.pending_call.pk}/answers"
    response = api("bob").put(url, {"answers": {}, "complete": True}, content_type=JSON)
    assert response.status_code == 422
    assert "waits for approval" in response.json()["error"]["message"]


# Planning and deconfliction


def _plan(client: Client, facility: Any, organisation: Any, **extra: Any) -> Any:
    body = {
        "facility_id": facility.pk,
        "organisation_id": organisation.pk,
        "scheduled_on": (DAY + dt.timedelta(days=40)).isoformat(),
        **extra,
    }
    return client.post("/api/v1/calls", body, content_type=JSON)


def test_the_lead_plans_without_approval_others_wait(calls: Any, api: Any) -> None:
    ours = _plan(api("bob"), calls.oshawa_plant, calls.org_b, starts_at="10:30")
    assert ours.status_code == 201, ours.content
    assert ours.json()["approval"] == "not_needed"
    assert ours.json()["starts_at"] == "10:30:00"
    theirs = _plan(api("alice"), calls.oshawa_plant, calls.org_a)
    assert theirs.status_code == 201
    assert theirs.json()["approval"] == "pending"
    twice = _plan(api("bob"), calls.oshawa_plant, calls.org_b)
    assert twice.status_code == 422  # bob already has a call planned there
    assert _plan(api("bob"), calls.oshawa_plant, calls.org_a).status_code == 403
    assert _plan(api("erin"), calls.oshawa_plant, calls.org_a).status_code == 403


def test_planning_names_an_unknown_field(calls: Any, api: Any) -> None:
    response = _plan(api("alice"), calls.windsor_plant, calls.org_a, campaign_id=999999)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "campaign_id"
    zoned = _plan(api("alice"), calls.windsor_plant, calls.org_a, starts_at="10:30+02:00")
    assert zoned.status_code == 422 and zoned.json()["error"]["field"] == "starts_at"


def test_the_lead_or_the_coordinator_approves(calls: Any, api: Any) -> None:
    url = f"/api/v1/calls/{calls.pending_call.pk}/approve"
    assert api("bob").post(url, content_type=JSON).status_code == 403  # the planner is not the lead
    assert (
        api("erin").post(url, content_type=JSON).status_code == 403
    )  # a viewer of the lead municipality
    assert api("dave").post(url, content_type=JSON).status_code == 404
    response = api("alice").post(url, {"note": "Go ahead"}, content_type=JSON)
    assert response.status_code == 200
    assert response.json()["approval"] == "lead"
    assert response.json()["decided_by"] == "alice"
    assert response.json()["approval_note"] == "Go ahead"
    again = api("carol").post(url, content_type=JSON)
    assert again.status_code == 422  # no longer waiting


def test_only_the_coordinator_clears_a_second_plan(calls: Any, api: Any) -> None:
    # alice holds a planned call on her second plant; bob's plan there must wait for carol
    pending = _plan(api("bob"), calls.windsor_plant_2, calls.org_b).json()
    url = f"/api/v1/calls/{pending['id']}/approve"
    assert api("alice").post(url, content_type=JSON).status_code == 403
    cleared = api("carol").post(url, content_type=JSON)
    assert cleared.status_code == 200 and cleared.json()["approval"] == "coordinator"


def test_declining_and_cancelling(calls: Any, api: Any) -> None:
    declined = api("carol").post(
        f"/api/v1/calls/{calls.pending_call.pk}/decline", content_type=JSON
    )
    assert declined.json()["approval"] == "declined"
    assert declined.json()["status"] == "cancelled"
    url = f"/api/v1/calls/{calls.planned_call.pk}/cancel"
    assert api("bob").post(url, content_type=JSON).status_code == 403
    assert api("alice").post(url, content_type=JSON).json()["status"] == "cancelled"
    assert api("alice").post(url, content_type=JSON).status_code == 422


# Follow-ups, leads, campaigns, templates


def test_adding_a_referral_needs_consent(calls: Any, api: Any) -> None:
    body = {
        "facility_id": calls.oshawa_plant.pk,
        "owner_organisation_id": calls.org_b.pk,
        "due_on": (DAY + dt.timedelta(days=10)).isoformat(),
        "category": "referral",
        "call_id": calls.call_b.pk,
        "referral_to_id": calls.apma.pk,
    }
    refused = api("bob").post("/api/v1/follow-ups", body, content_type=JSON)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "referral_to"
    body["category"], body["referral_to_id"] = "information", None
    body["owner_id"] = calls.bob.pk
    added = api("bob").post("/api/v1/follow-ups", body, content_type=JSON)
    assert added.status_code == 201
    assert added.json()["owner"] == "bob" and added.json()["status"] == "open"
    assert api("dave").post("/api/v1/follow-ups", body, content_type=JSON).status_code == 403


def test_completing_the_red_flags_follow_up_closes_the_flag(calls: Any, api: Any) -> None:
    url = f"/api/v1/follow-ups/{calls.follow_up_a.pk}/complete"
    assert api("bob").post(url, content_type=JSON).status_code == 403
    done = api("alice").post(url, {"outcome": "Met the owners"}, content_type=JSON)
    assert done.status_code == 200
    assert done.json()["status"] == "done" and done.json()["outcome"] == "Met the owners"
    flags = api("bob").get("/api/v1/flags", {"status": "closed"}).json()["items"]
    assert [f["id"] for f in flags] == [calls.flag_a.pk]
    assert api("alice").post(url, content_type=JSON).status_code == 422


def test_the_coordinator_assigns_leads(calls: Any, api: Any) -> None:
    url = f"/api/v1/facilities/{calls.oshawa_plant.pk}/lead"
    body = {"organisation_id": calls.org_a.pk, "reason": "Windsor knows the owners"}
    assert api("bob").put(url, body, content_type=JSON).status_code == 403
    response = api("carol").put(url, body, content_type=JSON)
    assert response.status_code == 200
    assert response.json()["organisation_id"] == calls.org_a.pk
    assert response.json()["assigned_by"] == "carol"
    listed = api("bob").get("/api/v1/lead-assignments").json()["items"]
    assert {a["facility_id"] for a in listed} == {calls.windsor_plant_2.pk, calls.oshawa_plant.pk}
    partner = api("carol").put(url, {"organisation_id": calls.apma.pk}, content_type=JSON)
    assert partner.status_code == 422 and partner.json()["error"]["field"] == "organisation"


def test_a_campaign_shows_its_coverage(calls: Any, api: Any) -> None:
    assert _ids(api("alice").get("/api/v1/campaigns").json()) == {calls.campaign.pk}
    body = api("alice").get(f"/api/v1/campaigns/{calls.campaign.pk}").json()
    assert body["target_count"] == 2
    assert set(body["target_ids"]) == {calls.windsor_plant.pk, calls.oshawa_plant.pk}
    assert body["coverage"] == {
        "organisation_id": None,
        "label": "All municipalities",
        "targets": 2,
        "called": 2,
        "percent": 100,
    }
    assert {row["organisation_id"] for row in body["coverage_by_municipality"]} == {
        calls.org_a.pk,
        calls.org_b.pk,
    }
    assert api("dave").get(f"/api/v1/campaigns/{calls.campaign.pk}").status_code == 404


def test_templates_are_public_to_everyone_signed_in(calls: Any, api: Any) -> None:
    listed = api("dave").get("/api/v1/call-templates").json()
    assert [t["number"] for t in listed["items"]] == [1]
    assert listed["items"][0]["questions"] > 30
    one = api("dave").get("/api/v1/call-templates/1").json()
    assert [s["key"] for s in one["sections"]][:2] == ["snapshot", "outlook"]
    assert api("dave").get("/api/v1/call-templates/99").status_code == 404


def test_the_calls_list_does_not_read_the_templates_questions(calls: Any, api: Any) -> None:
    # each call names its template by number; the questions (a large JSON document
    # decoded per row) were half the CPU of a page of 50 calls
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bob = api("bob")
    with CaptureQueriesContext(connection) as read:
        listed = bob.get("/api/v1/calls").json()
        one = bob.get(f"/api/v1/calls/{calls.call_a.pk}").json()
    assert listed["items"] and all(item["template_number"] >= 1 for item in listed["items"])
    assert one["template_number"] >= 1
    assert not [q["sql"] for q in read.captured_queries if '"sections"' in q["sql"]]
