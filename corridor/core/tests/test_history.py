"""Every change is recorded with who, when, before and after; deletion is recoverable."""

from typing import Any

import pytest

from corridor.core import policy, services
from corridor.core.history import change_context, history_of
from corridor.core.models import Action, ChangeRecord, EditConflict, Organisation


def changes_of(user: Any, obj: Any) -> list[ChangeRecord]:
    return list(history_of(user, obj))


def test_creating_an_organisation_is_recorded_with_its_values(world: Any) -> None:
    created = changes_of(world.carol, world.apma)[-1]
    assert created.action == Action.CREATE
    assert created.before is None
    assert (created.after or {})["short_name"] == "APMA"
    assert created.source == "tests"


def test_an_edit_records_before_after_user_and_request(world: Any) -> None:
    with change_context(user=world.alice, source="web") as request_id:
        services.update_versioned(
            world.alice,
            world.org_a,
            {"description": "Windsor-Essex auto cluster"},
            world.org_a.version,
        )
    latest = changes_of(world.alice, world.org_a)[0]
    assert latest.action == Action.UPDATE
    assert latest.user == world.alice
    assert latest.user_name == "alice"
    assert latest.request_id == request_id
    assert latest.changed_fields == ["description"]
    assert (latest.before or {})["description"] == ""
    assert (latest.after or {})["description"] == "Windsor-Essex auto cluster"


def test_saving_without_a_change_records_nothing(world: Any) -> None:
    before = ChangeRecord.objects.all().scoped("test").count()
    world.org_a.save()
    assert ChangeRecord.objects.all().scoped("test").count() == before


def test_a_stale_edit_is_refused_and_writes_nothing(world: Any) -> None:
    version = world.org_a.version
    services.update_versioned(world.alice, world.org_a, {"short_name": "Windsor"}, version)
    stale = Organisation.objects.all().scoped("test").get(pk=world.org_a.pk)
    with pytest.raises(EditConflict, match="changed by someone else"):
        services.update_versioned(world.carol, stale, {"short_name": "YQG"}, version)
    assert Organisation.objects.all().scoped("test").get(pk=world.org_a.pk).short_name == "Windsor"


def test_deleting_is_soft_recorded_and_restorable(world: Any) -> None:
    services.delete_organisation(world.carol, world.org_b)
    assert not policy.visible(world.carol, Organisation).filter(pk=world.org_b.pk).exists()
    services.restore_organisation(world.carol, world.org_b)
    assert policy.visible(world.alice, Organisation).filter(pk=world.org_b.pk).exists()
    actions = [c.action for c in changes_of(world.carol, world.org_b)]
    assert actions[:2] == [Action.RESTORE, Action.DELETE]


def test_passwords_never_reach_the_history(world: Any) -> None:
    world.alice.set_password("another-long-password")
    world.alice.first_name = "Alicia"
    world.alice.save()
    change = changes_of(world.carol, world.alice)[0]
    assert change.changed_fields == ["first_name"]
    assert "password" not in (change.after or {})


def test_history_follows_the_visibility_of_its_object(world: Any) -> None:
    world.org_b.delete()
    assert changes_of(world.carol, world.org_b)
    alice_sees = policy.visible(world.alice, ChangeRecord).filter(object_id=world.org_b.pk)
    assert not alice_sees.filter(content_type__model="organisation").exists()


def test_the_person_who_is_not_allowed_cannot_edit(world: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.update_versioned(world.bob, world.org_a, {"name": "Mine now"}, world.org_a.version)


@pytest.mark.django_db(transaction=True)
def test_a_row_is_not_saved_without_its_change_record(monkeypatch: Any) -> None:
    from corridor.core import history

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the process died before the change record was written")

    monkeypatch.setattr(history, "record", fail)
    with pytest.raises(RuntimeError):
        Organisation.objects.create(name="Half-written Economic Development")
    assert not Organisation.objects.filter(name__startswith="Half-written").scoped("test").exists()
