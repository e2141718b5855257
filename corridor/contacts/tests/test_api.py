"""The contacts API shows what the pages show: people by the same rules, the consent note
and a confidential note as null to those who may not read them, versioned edits."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from corridor.calls.tests.helpers import facility
from corridor.contacts.models import Contact, Touch
from corridor.contacts.tests.helpers import DAY, person, touched
from corridor.core import policy
from corridor.core.models import ApiToken

JSON = "application/json"
PEOPLE = "/api/v1/company-contacts"


@pytest.fixture
def api(world: Any) -> Any:
    def make(name: str) -> Client:
        _, token = ApiToken.issue(world.users()[name])
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


@pytest.fixture
def plant(world: Any) -> Any:
    return facility("Lakeshore Dies", world.windsor)


def _names(body: dict[str, Any]) -> set[str]:
    return {item["name"] for item in body["items"]}


def test_the_list_shows_each_role_the_people_the_page_shows(
    api: Any, world: Any, plant: Any
) -> None:
    person(world.alice, plant, name="Pat Unshared")
    person(world.alice, plant, name="Sam Shared", shared=True, shared_on=DAY, role="hr")
    both = {"Pat Unshared", "Sam Shared"}
    assert _names(api("alice").get(PEOPLE).json()) == both
    assert _names(api("carol").get(PEOPLE).json()) == both
    assert _names(api("bob").get(PEOPLE).json()) == {"Sam Shared"}
    partner = api("dave").get(PEOPLE).json()
    assert partner["items"] == [] and partner["count"] == 0
    assert _names(api("alice").get(f"{PEOPLE}?role=hr").json()) == {"Sam Shared"}
    assert _names(api("alice").get(f"{PEOPLE}?q=lakeshore pat").json()) == {"Pat Unshared"}
    by_place = api("alice").get(f"{PEOPLE}?company={plant.company_id}&facility={plant.pk}")
    assert len(by_place.json()["items"]) == 2


def test_the_consent_note_is_null_for_another_municipality(
    api: Any, world: Any, plant: Any
) -> None:
    sam = person(world.alice, plant, name="Sam Shared", shared=True, shared_on=DAY)
    mine = api("alice").get(f"{PEOPLE}/{sam.pk}").json()
    assert mine["consent_note"] == "Business card at the plant tour"
    assert mine["phone"] == "519-555-0101" and mine["owner_organisation_id"] == world.org_a.pk
    theirs = api("bob").get(f"{PEOPLE}/{sam.pk}").json()
    assert theirs["name"] == "Sam Shared" and theirs["consent_note"] is None
    assert api("dave").get(f"{PEOPLE}/{sam.pk}").status_code == 403
    pat = person(world.alice, plant, name="Pat Unshared")
    assert api("bob").get(f"{PEOPLE}/{pat.pk}").status_code == 404


def test_create_and_update_with_versions(api: Any, world: Any, plant: Any) -> None:
    client = api("alice")
    body = {
        "company_id": plant.company_id, "facility_id": plant.pk, "name": "New Person",
        "role": "purchasing", "email": "new@example.com", "consent_basis": "express",
        "consent_on": "2026-09-01",
    }  # fmt: skip
    created = client.post(PEOPLE, body, content_type=JSON)
    assert created.status_code == 201, created.content
    made = created.json()
    assert made["owner_organisation_id"] == world.org_a.pk and made["version"] == 1
    url = f"{PEOPLE}/{made['id']}"
    changed = client.patch(url, {"version": 1, "phone": "519-555-0188"}, content_type=JSON)
    assert changed.status_code == 200 and changed.json()["phone"] == "519-555-0188"
    stale = client.patch(url, {"version": 1, "phone": "1"}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "edit_conflict"
    cleared = client.patch(url, {"version": 2, "facility_id": 0}, content_type=JSON)
    assert cleared.json()["facility_id"] is None
    # consent needs its day; a control character is refused by the one input rule
    bad = client.post(PEOPLE, {**body, "consent_on": None}, content_type=JSON)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "consent_on"
    nul = client.post(PEOPLE, {**body, "name": "A\x00B"}, content_type=JSON)
    assert nul.status_code == 422 and nul.json()["error"]["field"] == "name"
    assert api("erin").post(PEOPLE, body, content_type=JSON).status_code == 403
    assert api("bob").patch(url, {"version": 3, "title": "x"}, content_type=JSON).status_code == 404
    other = facility("Other Co", world.windsor)
    elsewhere = {**body, "facility_id": other.pk}
    wrong = client.post(PEOPLE, elsewhere, content_type=JSON)
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "facility_id"


def test_touches_share_the_fact_and_keep_the_confidential_note(
    api: Any, world: Any, plant: Any
) -> None:
    pat = person(world.alice, plant)
    touch = touched(world.alice, plant, [pat], note="Secret plans")
    mine = api("alice").get(f"/api/v1/touches/{touch.pk}").json()
    assert mine["note"] == "Secret plans" and mine["contact_ids"] == [pat.pk]
    theirs = api("bob").get(f"/api/v1/touches/{touch.pk}").json()
    assert theirs["note"] is None and theirs["contact_ids"] == [] and theirs["kind"] == "phone"
    assert api("dave").get(f"/api/v1/touches/{touch.pk}").status_code == 403
    assert api("dave").get("/api/v1/touches").json()["count"] == 0
    listed = api("bob").get(f"/api/v1/touches?facility={plant.pk}").json()
    assert [t["note"] for t in listed["items"]] == [None]
    # Bob cannot single out the touches of a person he may not see
    assert api("bob").get(f"/api/v1/touches?contact={pat.pk}").json()["count"] == 0
    assert api("alice").get(f"/api/v1/touches?contact={pat.pk}").json()["count"] == 1


def test_log_and_update_a_touch(api: Any, world: Any, plant: Any) -> None:
    pat = person(world.alice, plant)
    client = api("alice")
    body = {"facility_id": plant.pk, "kind": "meeting", "happened_on": DAY.isoformat(),
            "contact_ids": [pat.pk], "note": "Met at the plant", "confidential": False}  # fmt: skip
    created = client.post("/api/v1/touches", body, content_type=JSON)
    assert created.status_code == 201, created.content
    touch_id = created.json()["id"]
    assert api("bob").get(f"/api/v1/touches/{touch_id}").json()["note"] == "Met at the plant"
    url = f"/api/v1/touches/{touch_id}"
    patched = client.patch(url, {"version": 1, "confidential": True}, content_type=JSON)
    assert patched.status_code == 200 and patched.json()["confidential"] is True
    assert client.patch(url, {"version": 1, "note": "x"}, content_type=JSON).status_code == 409
    later = client.patch(url, {"version": 2, "happened_on": "2099-01-01"}, content_type=JSON)
    assert later.status_code == 422 and later.json()["error"]["field"] == "happened_on"
    assert api("bob").patch(url, {"version": 2, "note": "x"}, content_type=JSON).status_code == 403
    # Bob may not name Windsor's unshared person
    refused = api("bob").post("/api/v1/touches", body, content_type=JSON)
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "contact_ids"
    touch = policy.visible(world.alice, Touch).get(pk=touch_id)
    assert touch.version == 2
    assert list(policy.visible(world.alice, Contact).filter(touches=touch)) == [pat]
    assert policy.visible(world.alice, Contact).count() == 1
