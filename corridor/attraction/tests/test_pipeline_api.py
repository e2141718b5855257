"""The pipeline's API shows what the pages show: prospects by the same rules, what the
company said as null to those who may not read it, versioned edits, stage moves."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from corridor.attraction.tests.test_pipeline_services import TODAY, prospect
from corridor.core.models import ApiToken

JSON = "application/json"
PROSPECTS = "/api/v1/prospects"


@pytest.fixture
def api(world: Any) -> Any:
    def make(name: str) -> Client:
        _, token = ApiToken.issue(world.users()[name])
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


def test_the_list_shows_each_role_what_the_board_shows(api: Any, world: Any) -> None:
    prospect(world.alice, name="Shared Casting", shared=True)
    prospect(world.alice, name="Private Casting")
    names = {
        role: {p["name"] for p in api(role).get(PROSPECTS).json()["items"]}
        for role in ("alice", "bob", "carol", "dave", "erin")
    }
    assert (
        names["alice"] == names["carol"] == names["erin"] == {"Shared Casting", "Private Casting"}
    )
    assert names["bob"] == {"Shared Casting"} and names["dave"] == set()
    filtered = api("alice").get(PROSPECTS, {"q": "private", "stage": "open"}).json()
    assert [p["name"] for p in filtered["items"]] == ["Private Casting"]
    assert api("alice").get(PROSPECTS, {"stage": "nonsense"}).status_code == 422
    assert Client().get(PROSPECTS).status_code == 401


def test_confidential_fields_are_null_for_other_municipalities(api: Any, world: Any) -> None:
    p = prospect(world.alice, shared=True)
    mine = api("alice").get(f"{PROSPECTS}/{p.pk}").json()
    assert mine["summary"] == "Wants a site near the rail line"
    assert mine["competing_jurisdictions"] == "Michigan; Tennessee"
    theirs = api("bob").get(f"{PROSPECTS}/{p.pk}").json()
    assert theirs["name"] == "Example Die Casting" and theirs["estimated_jobs"] == 120
    for name in ("summary", "competing_jurisdictions", "next_step", "outcome_note"):
        assert theirs[name] is None
    api("alice").post(
        f"{PROSPECTS}/{p.pk}/stage", json.dumps({"to_stage": "contacted", "note": "Secret call"}),
        content_type=JSON,
    )  # fmt: skip
    notes = [c["note"] for c in api("bob").get(f"{PROSPECTS}/{p.pk}/stage-changes").json()["items"]]
    assert notes == [None, None]
    own = [c["note"] for c in api("carol").get(f"{PROSPECTS}/{p.pk}/stage-changes").json()["items"]]
    assert own == ["", "Secret call"]
    assert api("dave").get(f"{PROSPECTS}/{p.pk}").status_code == 403


def test_create_patch_and_conflict(api: Any, world: Any) -> None:
    made = api("bob").post(
        PROSPECTS,
        json.dumps(
            {"name": "Api Casting", "capability": "battery-enclosure", "estimated_jobs": 60}
        ),
        content_type=JSON,
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["organisation_id"] == world.org_b.pk and body["stage"] == "identified"
    assert body["capability"] == "battery-enclosure" and body["owner"] == "bob"
    url = f"{PROSPECTS}/{body['id']}"
    bad = api("bob").post(
        PROSPECTS, json.dumps({"name": "X", "capability": "nope"}), content_type=JSON
    )
    assert bad.status_code == 422
    assert (
        api("erin").post(PROSPECTS, json.dumps({"name": "X"}), content_type=JSON).status_code == 403
    )
    patched = api("bob").patch(
        url,
        json.dumps({"version": 1, "next_step": "Visit", "estimated_jobs": None}),
        content_type=JSON,
    )
    assert patched.status_code == 200
    assert patched.json()["next_step"] == "Visit" and patched.json()["estimated_jobs"] is None
    stale = api("bob").patch(url, json.dumps({"version": 1, "name": "Stale"}), content_type=JSON)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "edit_conflict"
    assert api("alice").patch(url, json.dumps({"version": 2}), content_type=JSON).status_code == 404


def test_stage_moves_follow_the_rules(api: Any, world: Any) -> None:
    p = prospect(world.alice)
    url = f"{PROSPECTS}/{p.pk}/stage"
    lost = api("alice").post(url, json.dumps({"to_stage": "lost"}), content_type=JSON)
    assert lost.status_code == 422 and lost.json()["error"]["field"] == "outcome_reason"
    won = api("alice").post(
        url, json.dumps({"to_stage": "won", "won_jobs": 70, "won_investment": 9_000_000}),
        content_type=JSON,
    )  # fmt: skip
    assert won.status_code == 200
    assert won.json()["stage"] == "won" and won.json()["decided_on"] == TODAY.isoformat()
    stale = api("alice").post(
        url, json.dumps({"to_stage": "decision", "version": 1}), content_type=JSON
    )
    assert stale.status_code == 409
    assert (
        api("erin").post(url, json.dumps({"to_stage": "visit"}), content_type=JSON).status_code
        == 403
    )
    changes = api("alice").get(f"{PROSPECTS}/{p.pk}/stage-changes").json()["items"]
    assert [(c["from_stage"], c["to_stage"]) for c in changes] == [
        ("", "identified"),
        ("identified", "won"),
    ]
