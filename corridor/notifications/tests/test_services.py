"""notify(): once per event and person, as each person's settings say, only to those who
may see what it is about; marking read; settings."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls import follow_ups
from corridor.core.history import change_context
from corridor.notifications import services
from corridor.notifications.kinds import Delivery
from corridor.notifications.services import notify
from corridor.notifications.tests.helpers import KIND, told
from tests.matrix_calls import build_calls


@pytest.fixture
def calls(world: Any) -> Any:
    build_calls(world)
    return world


def test_one_event_tells_each_person_once(world: Any) -> None:
    first = notify([world.alice, world.alice, world.bob], KIND, "News", key="event-1")
    again = notify([world.alice, world.bob], KIND, "News again", key="event-1")
    assert {n.recipient_id for n in first} == {world.alice.pk, world.bob.pk}
    assert again == []
    assert [n.title for n in told(world.alice)] == ["News"]


def test_off_means_nothing_and_the_setting_decides_the_e_mail(world: Any) -> None:
    services.set_preferences(world.alice, {KIND: Delivery.OFF})
    services.set_preferences(world.bob, {KIND: Delivery.APP})
    services.set_preferences(world.erin, {KIND: Delivery.DIGEST})
    made = notify([world.alice, world.bob, world.erin, world.carol], KIND, "News", key="e")
    by_person = {n.recipient_id: n.email for n in made}
    assert world.alice.pk not in by_person
    assert by_person[world.bob.pk] == ""  # in Corridor only
    assert by_person[world.erin.pk] == Delivery.DIGEST
    assert by_person[world.carol.pk] == Delivery.AT_ONCE  # the kind's default


def test_only_those_who_may_see_the_subject_are_told(calls: Any) -> None:
    # a flag is for participants: dave (a partner) may not see it
    made = notify([calls.alice, calls.dave], KIND, "Flag", subject=calls.flag_a, key="flag")
    assert [n.recipient_id for n in made] == [calls.alice.pk]
    assert told(calls.dave, KIND) == []


def test_inactive_people_and_unknown_kinds(world: Any) -> None:
    world.bob.is_active = False
    world.bob.save()
    assert notify([world.bob], KIND, "News", key="x") == []
    with pytest.raises(LookupError):
        notify([world.alice], "no.such-kind", "News", key="x")
    with pytest.raises(ValueError):
        notify([world.alice], KIND, "News")


def test_text_is_written_as_each_recipient_may_read_it(calls: Any) -> None:
    # Oshawa raises a red flag on a Windsor plant: Windsor's people are told of it, but
    # what the company said stays with Oshawa.
    with change_context(user=calls.bob, source="tests"):
        flag = follow_ups.raise_flag(
            calls.bob, facility=calls.windsor_plant, organisation=calls.org_b,
            severity="red", category="downsizing", detail="SECRET-DETAIL-77",
        )  # fmt: skip
    [to_alice] = [n for n in told(calls.alice, KIND) if n.subject_id == flag.pk]
    assert "SECRET-DETAIL-77" not in to_alice.title + to_alice.body
    assert "Downsizing" in to_alice.title
    assert "stays with Oshawa Economic Development" in to_alice.body
    # the coordinator may read it
    made = notify([calls.carol], KIND, "T", lambda u: flag.detail, subject=flag, key="c")
    assert made[0].body == "SECRET-DETAIL-77"


def test_long_titles_are_cut_and_one_line(world: Any) -> None:
    [made] = notify([world.alice], KIND, "A  very\nlong " + "x" * 300, key="long")
    assert len(made.title) == services.TITLE_MAX and "\n" not in made.title
    assert made.title.endswith("…")


def test_mark_read_unread_and_all(world: Any) -> None:
    [one] = notify([world.alice], KIND, "One", key="1")
    notify([world.alice], KIND, "Two", key="2")
    notify([world.bob], KIND, "Bob's", key="3")
    assert services.unread_count(world.alice) == 2
    services.mark_read(world.alice, one)
    assert services.unread_count(world.alice) == 1
    services.mark_unread(world.alice, one)
    assert services.unread_count(world.alice) == 2
    assert services.mark_all_read(world.alice) == 2
    assert services.unread_count(world.alice) == 0
    assert services.unread_count(world.bob) == 1  # only one's own
    with pytest.raises(PermissionDenied):
        services.mark_read(world.bob, one)
    with pytest.raises(PermissionDenied):
        services.mark_all_read(None)


def test_settings_are_each_persons_own(world: Any) -> None:
    assert services.preferences(world.alice)[KIND] == Delivery.AT_ONCE
    services.set_preferences(world.alice, {KIND: Delivery.DIGEST})
    services.set_preferences(world.alice, {KIND: Delivery.APP})
    assert services.preferences(world.alice)[KIND] == Delivery.APP
    assert services.preferences(world.bob)[KIND] == Delivery.AT_ONCE
    with pytest.raises(ValidationError):
        services.set_preferences(world.alice, {"no.such-kind": Delivery.APP})
    with pytest.raises(ValidationError):
        services.set_preferences(world.alice, {KIND: "sometimes"})
    with pytest.raises(PermissionDenied):
        services.set_preferences(None, {KIND: Delivery.APP})
