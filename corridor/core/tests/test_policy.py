"""The core access rules, role by role."""

from typing import Any

import pytest

from corridor.core import policy
from corridor.core.models import ApiToken, Membership, Municipality, Organisation, User


def names(qs: Any) -> set[str]:
    return {str(o) for o in qs}


def test_anonymous_visitors_see_nothing(world: Any) -> None:
    for model in (Organisation, Municipality, Membership, User, ApiToken):
        assert not policy.visible(None, model).exists(), model


def test_everyone_signed_in_sees_the_organisation_directory(world: Any) -> None:
    for user in (world.alice, world.bob, world.carol, world.dave, world.erin):
        assert policy.visible(user, Organisation).count() == 4


def test_an_editor_may_change_only_their_own_organisation(world: Any) -> None:
    assert policy.can_change(world.alice, world.org_a)
    assert not policy.can_change(world.alice, world.org_b)
    assert not policy.can_change(world.alice, world.office)


def test_a_viewer_may_not_change_their_own_organisation(world: Any) -> None:
    assert not policy.can_change(world.erin, world.org_a)


def test_the_coordinator_may_change_and_delete_any_organisation(world: Any) -> None:
    for org in (world.org_a, world.org_b, world.apma):
        assert policy.can_change(world.carol, org)
        assert policy.can_delete(world.carol, org)
    assert policy.can_create(world.carol, Organisation)


def test_only_the_coordinator_may_delete_or_add_organisations(world: Any) -> None:
    assert not policy.can_delete(world.alice, world.org_a)
    assert not policy.can_create(world.alice, Organisation)
    assert not policy.can_create(world.dave, Organisation)


def test_municipal_officers_see_the_people_of_municipalities_and_the_office(world: Any) -> None:
    seen = {m.user.username for m in policy.visible(world.alice, Membership)}
    assert seen == {"alice", "bob", "carol", "erin"}


def test_partners_see_their_colleagues_and_the_coordinator_office_only(world: Any) -> None:
    seen = {m.user.username for m in policy.visible(world.dave, Membership)}
    assert seen == {"dave", "carol"}
    assert {u.username for u in policy.visible(world.dave, User)} == {"dave", "carol"}


def test_deleted_organisations_are_visible_only_to_the_coordinator(world: Any) -> None:
    world.org_b.delete()
    assert "Oshawa Economic Development" not in names(
        policy.visible(world.alice, Organisation, include_deleted=True)
    )
    assert "Oshawa Economic Development" in names(
        policy.visible(world.carol, Organisation, include_deleted=True)
    )
    assert "Oshawa Economic Development" not in names(policy.visible(world.carol, Organisation))


def test_tokens_are_visible_to_their_owner_alone(world: Any) -> None:
    ApiToken.issue(world.alice)
    assert policy.visible(world.alice, ApiToken).count() == 1
    assert policy.visible(world.carol, ApiToken).count() == 0
    assert policy.visible(world.bob, ApiToken).count() == 0


def test_only_the_coordinator_uses_the_admin(world: Any) -> None:
    assert policy.can_use_admin(world.carol)
    for user in (world.alice, world.bob, world.dave, world.erin, None):
        assert not policy.can_use_admin(user)


def test_a_deactivated_user_may_do_nothing(world: Any) -> None:
    world.alice.is_active = False
    world.alice.save()
    fresh = User.objects.get(pk=world.alice.pk)
    assert not policy.visible(fresh, Organisation).exists()
    assert not policy.can_change(fresh, world.org_a)


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_membership_in_a_deleted_organisation_grants_nothing(world: Any, role: str) -> None:
    world.org_a.delete()
    fresh = User.objects.get(pk=world.alice.pk)
    actor = policy.actor_for(fresh)
    assert world.org_a.pk not in actor.organisation_ids
    assert not policy.can_change(fresh, world.org_a)
