"""The contacts' pages: find a person, whom to call, log a touch from the facility page."""

from __future__ import annotations

from typing import Any

from corridor.calls.tests.helpers import facility
from corridor.contacts.models import Touch
from corridor.contacts.tests.helpers import DAY, person, touched
from corridor.core import policy


def test_the_facility_page_shows_whom_to_call_with_tel_and_mailto(as_user: Any, world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    person(world.alice, plant, name="Pat Example")
    page = as_user("alice").get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert "Pat Example" in page
    assert 'href="tel:519-555-0101"' in page and 'href="mailto:pat@example.com"' in page
    assert f"/contacts/facilities/{plant.pk}/touch/" in page
    # Oshawa does not see Windsor's unshared person; the partner sees no People panel
    assert (
        "Pat Example"
        not in as_user("bob").get(f"/registry/facilities/{plant.pk}/").content.decode()
    )
    partner = as_user("dave").get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert "facility-people-heading" not in partner


def test_log_a_touch_in_one_short_form(as_user: Any, world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    pat = person(world.alice, plant)
    client = as_user("alice")
    form = client.get(f"/contacts/facilities/{plant.pk}/touch/").content.decode()
    assert 'type="date"' in form and "Pat Example" in form and 'type="checkbox"' in form
    response = client.post(
        f"/contacts/facilities/{plant.pk}/touch/",
        {"kind": "meeting", "happened_on": DAY.isoformat(), "contacts": [str(pat.pk)],
         "note": "Talked about the new line", "confidential": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    touch = policy.visible(world.alice, Touch).get(facility=plant)
    assert touch.kind == "meeting" and touch.confidential
    assert list(policy.visible(world.alice, type(pat)).filter(touches=touch)) == [pat]
    page = client.get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert "Talked about the new line" in page
    other = as_user("bob").get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert "Meeting" in other and "Talked about the new line" not in other


def test_a_bad_touch_is_explained_on_the_form(as_user: Any, world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    response = as_user("alice").post(
        f"/contacts/facilities/{plant.pk}/touch/", {"kind": "phone", "happened_on": "soon"}
    )
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()


def test_the_list_finds_people_by_name_company_and_role(as_user: Any, world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    person(world.alice, plant, name="Pat Example")
    person(world.alice, plant, name="Robin Sample", role="hr")
    client = as_user("alice")
    assert "Robin Sample" in client.get("/contacts/?q=lakeshore").content.decode()
    by_role = client.get("/contacts/?role=hr").content.decode()
    assert "Robin Sample" in by_role and "Pat Example" not in by_role
    assert "Pat Example" not in client.get("/contacts/?q=robin").content.decode()
    assert as_user("dave").get("/contacts/").status_code == 403


def test_the_contact_page_hides_the_consent_note_from_other_municipalities(
    as_user: Any, world: Any
) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    pat = person(world.alice, plant, shared=True, shared_on=DAY)
    touched(world.alice, plant, [pat], note="Secret plans")
    mine = as_user("alice").get(f"/contacts/{pat.pk}/").content.decode()
    assert "Business card at the plant tour" in mine and "Secret plans" in mine
    theirs = as_user("bob").get(f"/contacts/{pat.pk}/").content.decode()
    assert "Pat Example" in theirs
    assert "Business card" not in theirs and "Secret plans" not in theirs


def test_add_and_edit_a_person(as_user: Any, world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    client = as_user("alice")
    assert client.get(f"/contacts/add/?at={plant.pk}").status_code == 200
    data = {
        "at": plant.pk,
        "name": "Sam Person",
        "role": "purchasing",
        "facility": plant.pk,
        "phone": "519-555-0102",
        "language": "fr",
        "consent_basis": "none",
    }
    response = client.post("/contacts/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    sam = policy.visible(world.alice, type(person(world.alice, plant, name="x"))).get(
        name="Sam Person"
    )
    edit = {**data, "phone": "519-555-0103", "loaded_version": sam.version}
    assert client.post(f"/contacts/{sam.pk}/edit/", edit).status_code == 302
    stale = client.post(f"/contacts/{sam.pk}/edit/", {**edit, "phone": "9"})
    assert "changed by someone else" in stale.content.decode()
    assert as_user("bob").get(f"/contacts/{sam.pk}/edit/").status_code == 404
