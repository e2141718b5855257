"""People recorded twice: found by e-mail, phone or a close name, merged by the coordinator
only (touches and links move, history kept), and undone exactly."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from corridor.calls.tests.helpers import facility, planned
from corridor.contacts import merging, services
from corridor.contacts.models import Contact, ContactMerge
from corridor.contacts.tests.helpers import person, touched
from corridor.core import policy
from corridor.core.models import ChangeRecord


@pytest.fixture
def plant(world: Any) -> Any:
    return facility("Lakeshore Dies", world.windsor)


def _pairs(world: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(p.first.name, p.second.name, p.reasons) for p in merging.find_duplicates(world.carol)]


def test_the_same_person_is_found_by_email_phone_or_a_close_name(world: Any, plant: Any) -> None:
    person(world.alice, plant, name="Pat Example", email="pat@example.com", phone="519-555-0101")
    person(world.bob, plant, name="Patricia Example", email="PAT@example.com", phone="")
    person(world.bob, plant, name="Robin Sample", email="", phone="(519) 555-0101")
    person(world.alice, plant, name="Jordan Specimen", email="", phone="")
    person(world.bob, plant, name="Jordan Specimenn", email="", phone="")
    pairs = _pairs(world)
    assert ("Pat Example", "Patricia Example", ("same e-mail (pat@example.com)",)) in pairs
    assert any(p[:2] == ("Jordan Specimen", "Jordan Specimenn") for p in pairs)
    # a plant's switchboard is many people's number: Robin is not Pat
    assert not any("Robin Sample" in p[:2] for p in pairs)
    other = facility("Other Co", world.windsor)
    person(world.bob, other, name="Pat Exampel", email="", phone="519-555-0101")
    assert any(p[1] == "Pat Exampel" and "same phone" in p[2][0] for p in _pairs(world))


def test_only_the_coordinator_looks_and_merges(world: Any, plant: Any) -> None:
    a = person(world.alice, plant, name="Pat Example")
    b = person(world.bob, plant, name="Pat Example", email="")
    for name in ("alice", "bob", "erin", "dave"):
        user = world.users()[name]
        with pytest.raises(PermissionDenied):
            merging.find_duplicates(user)
        with pytest.raises(PermissionDenied):
            merging.merge_contacts(user, a, b)
    assert policy.visible(world.carol, Contact).count() == 2


def test_a_merge_moves_touches_and_links_and_is_undone_exactly(world: Any, plant: Any) -> None:
    kept = person(world.alice, plant, name="Pat Example", phone="", title="")
    folded = person(world.bob, plant, name="Pat Exampel", email="pat2@example.com", title="GM")
    touch = touched(world.bob, plant, [folded], note="Oshawa's touch")
    both = touched(world.carol, plant, [kept, folded], note="Both named")
    call = planned(world.bob, plant, world.org_b)
    services.link(world.bob, folded, calls=[call])
    merge = merging.merge_contacts(world.carol, kept, folded)
    kept.refresh_from_db()
    assert kept.phone == "519-555-0101" and kept.title == "GM" and kept.email == "pat@example.com"
    assert merge.moved["filled"] == ["phone", "title"]
    assert not policy.visible(world.carol, Contact).filter(pk=folded.pk).exists()
    gone = policy.visible(world.carol, Contact, include_deleted=True).get(pk=folded.pk)
    assert gone.merged_into_id == kept.pk and gone.is_deleted
    people = policy.visible(world.carol, Contact)
    assert list(people.filter(touches=touch)) == [kept]
    assert list(people.filter(touches=both)) == [kept]
    assert list(people.filter(calls=call)) == [kept]
    changes = policy.visible(world.carol, ChangeRecord).filter(object_id=folded.pk)
    assert changes.filter(action="delete").exists()
    assert (
        policy.visible(world.carol, ChangeRecord)
        .filter(content_type__model="contactmerge", object_id=merge.pk)
        .exists()
    )

    merging.undo_merge(world.carol, merge)
    kept.refresh_from_db()
    assert kept.phone == "" and kept.title == ""
    back = policy.visible(world.carol, Contact).get(pk=folded.pk)
    assert back.merged_into_id is None
    assert list(people.filter(touches=touch)) == [back]
    assert set(people.filter(touches=both)) == {kept, back}
    assert list(people.filter(calls=call)) == [back]
    merge.refresh_from_db()
    assert merge.undone_by == world.carol
    with pytest.raises(Exception, match="already undone"):
        merging.undo_merge(world.carol, merge)


def test_the_duplicates_page_is_the_coordinators(as_user: Any, world: Any, plant: Any) -> None:
    kept = person(world.alice, plant, name="Pat Example")
    folded = person(world.bob, plant, name="Pat Example", email="other@example.com")
    for name in ("alice", "bob", "erin", "dave"):
        assert as_user(name).get("/contacts/duplicates/").status_code == 403
        refused = as_user(name).post(
            "/contacts/duplicates/merge/", {"keep": kept.pk, "fold": folded.pk}
        )
        assert refused.status_code == 403
    carol = as_user("carol")
    page = carol.get("/contacts/duplicates/").content.decode()
    assert "close names at the same company" in page and "Recorded by two organisations" in page
    assert "Oshawa Economic Development" in page and "Windsor Economic Development" in page
    done = carol.post(
        "/contacts/duplicates/merge/", {"keep": kept.pk, "fold": folded.pk}, follow=True
    ).content.decode()
    assert "Merged Pat Example (Oshawa Economic Development) into Pat Example" in done
    assert "No one looks recorded twice." in done
    merge = policy.visible(world.carol, ContactMerge).get()
    # the folded record's page leads to the kept one, for whoever may see it
    moved = carol.get(f"/contacts/{folded.pk}/")
    assert moved.status_code == 302 and moved.url == f"/contacts/{kept.pk}/"
    assert as_user("bob").get(f"/contacts/{folded.pk}/").status_code == 404
    assert as_user("bob").get(f"/history/contacts/contact/{folded.pk}/").status_code == 200
    undone = carol.post(f"/contacts/merges/{merge.pk}/undo/", follow=True).content.decode()
    assert "is a record of their own again" in undone and "close names" in undone
    assert as_user("alice").post(f"/contacts/merges/{merge.pk}/undo/").status_code == 403
