"""Who sees which contacts and touches, and which of their fields."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls.tests.helpers import facility
from corridor.contacts import services
from corridor.contacts.models import Contact, Touch
from corridor.contacts.tests.helpers import DAY, person, touched
from corridor.core import policy

ROLES = ("alice", "bob", "carol", "dave", "erin")

# The field-level reads are the policy's (``policy.can_read_confidential``).
can_read_consent_note = policy.can_read_confidential
can_read_note = policy.can_read_confidential


def _sees(world: Any, model: Any, pk: int) -> dict[str, bool]:
    return {r: policy.visible(world.users()[r], model).filter(pk=pk).exists() for r in ROLES}


def test_an_unshared_contact_is_the_recording_municipalitys_and_the_coordinators(
    world: Any,
) -> None:
    c = person(world.alice, facility("Lakeshore Dies", world.windsor))
    assert c.owner_organisation == world.org_a
    assert _sees(world, Contact, c.pk) == {
        "alice": True, "erin": True, "carol": True, "bob": False, "dave": False,
    }  # fmt: skip


def test_a_shared_contact_is_seen_by_every_municipality_but_not_by_partners(world: Any) -> None:
    c = person(world.alice, facility("Lakeshore Dies", world.windsor), shared=True, shared_on=DAY)
    assert _sees(world, Contact, c.pk) == {
        "alice": True, "erin": True, "carol": True, "bob": True, "dave": False,
    }  # fmt: skip
    # ... but the consent note stays with Windsor and the coordinator
    readers = {r: can_read_consent_note(world.users()[r], c) for r in ROLES}
    assert readers == {"alice": True, "erin": True, "carol": True, "bob": False, "dave": False}
    hist = {
        r: policy.with_confidential_history(world.users()[r], Contact).filter(pk=c.pk).exists()
        for r in ROLES
    }
    assert hist == readers


def test_sharing_needs_the_day_the_person_agreed(world: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        person(world.alice, facility("Lakeshore Dies", world.windsor), shared=True)
    assert "shared_on" in caught.value.message_dict


def test_a_consent_basis_needs_its_date(world: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        person(world.alice, facility("Lakeshore Dies", world.windsor), consent_on=None)
    assert "consent_on" in caught.value.message_dict


def test_the_facility_must_be_the_companys(world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    other = facility("Other Co", world.windsor)
    with pytest.raises(ValidationError):
        services.create_contact(world.alice, company=plant.company, facility=other, name="X")


def test_only_municipal_editors_and_the_coordinator_add_and_change(world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    for name in ("erin", "dave"):
        with pytest.raises(PermissionDenied):
            services.create_contact(world.users()[name], company=plant.company, name="X")
    c = person(world.alice, plant, shared=True, shared_on=DAY)
    assert policy.can_change(world.alice, c) and policy.can_change(world.carol, c)
    assert not policy.can_change(world.bob, c) and not policy.can_change(world.erin, c)
    with pytest.raises(PermissionDenied):
        services.update_contact(world.bob, c, {"phone": "1"}, c.version)
    services.update_contact(world.alice, c, {"phone": "519-555-0199"}, c.version)
    c.refresh_from_db()
    assert c.phone == "519-555-0199" and c.version == 2


def test_a_stale_edit_is_refused(world: Any) -> None:
    from corridor.core.models import EditConflict

    c = person(world.alice, facility("Lakeshore Dies", world.windsor))
    services.update_contact(world.alice, c, {"phone": "1"}, 1)
    fresh = policy.visible(world.alice, Contact).get(pk=c.pk)
    with pytest.raises(EditConflict):
        services.update_contact(world.alice, fresh, {"phone": "2"}, 1)


def test_the_fact_of_a_touch_is_shared_the_confidential_note_is_not(world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    t = touched(world.alice, plant, [person(world.alice, plant)])
    assert t.organisation == world.org_a and t.recorded_by == world.alice
    assert _sees(world, Touch, t.pk) == {
        "alice": True, "erin": True, "carol": True, "bob": True, "dave": False,
    }  # fmt: skip
    readers = {r: can_read_note(world.users()[r], t) for r in ROLES}
    assert readers == {"alice": True, "erin": True, "carol": True, "bob": False, "dave": False}
    hist = {
        r: policy.with_confidential_history(world.users()[r], Touch).filter(pk=t.pk).exists()
        for r in ROLES
    }
    assert hist == readers


def test_a_note_not_marked_confidential_is_read_by_every_participant(world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    t = touched(world.alice, plant, [], confidential=False)
    readers = {r: can_read_note(world.users()[r], t) for r in ROLES}
    assert readers == {"alice": True, "erin": True, "carol": True, "bob": True, "dave": False}


def test_a_touch_names_only_people_the_officer_may_see_at_that_company(world: Any) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    windsor_only = person(world.alice, plant)
    with pytest.raises(ValidationError) as caught:
        touched(world.bob, plant, [windsor_only])
    assert "contacts" in caught.value.message_dict
    elsewhere = person(world.alice, facility("Other Co", world.windsor))
    with pytest.raises(ValidationError):
        touched(world.alice, plant, [elsewhere])
    with pytest.raises(PermissionDenied):
        touched(world.erin, plant, [])
