"""A change to a follow-up shows on its call's history page, to whoever may see it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import client_for
from corridor.calls import follow_ups
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core import policy
from corridor.core.history import change_context, history_of
from corridor.core.scoping import system_scope


def _call_with_a_follow_up(world: Any) -> tuple[Any, Any]:
    plant = facility("History Castings", world.windsor)
    call = planned(world.alice, plant, world.org_a)
    with change_context(user=world.alice, source="web"):
        follow_up = follow_ups.add_follow_up(
            world.alice, facility=plant, call=call, owner_organisation=world.org_a,
            owner=world.alice, due_on=DAY + dt.timedelta(days=14), category="other",
            description="Send the skills-fund contact",
        )  # fmt: skip
        follow_ups.complete_follow_up(world.alice, follow_up, "Sent on Monday")
    return call, follow_up


def test_a_calls_history_lists_its_follow_ups_changes(world: Any) -> None:
    call, follow_up = _call_with_a_follow_up(world)
    records = list(history_of(world.carol, call))
    kinds = {(r.content_type.model, r.object_id, r.action) for r in records}
    assert ("call", call.pk, "create") in kinds
    assert ("followup", follow_up.pk, "create") in kinds
    assert ("followup", follow_up.pk, "update") in kinds

    page = client_for(world.alice).get(f"/history/calls/call/{call.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert f"/history/calls/followup/{follow_up.pk}/" in text
    assert "Sent on Monday" in text  # Windsor reads its follow-ups' outcomes
    assert "Every change to this call and its follow-ups" in text


def test_another_calls_follow_ups_are_not_listed(world: Any) -> None:
    call, _ = _call_with_a_follow_up(world)
    _, theirs = _call_with_a_follow_up(world)
    shown = {(r.content_type.model, r.object_id) for r in history_of(world.carol, call)}
    assert ("followup", theirs.pk) not in shown


def test_the_follow_ups_changes_are_shown_as_their_own_history_would_show_them(
    world: Any,
) -> None:
    call, follow_up = _call_with_a_follow_up(world)
    for user in (world.alice, world.bob, world.carol, world.dave, world.erin):
        on_call = {r.pk for r in history_of(user, call) if r.content_type.model == "followup"}
        own = set(history_of(user, follow_up).values_list("pk", flat=True))
        assert on_call == own, user
    with system_scope("the test's own check of who may read"):
        assert not policy.with_confidential_history(world.bob, type(follow_up)).filter(
            pk=follow_up.pk
        )
    text = client_for(world.bob).get(f"/history/calls/call/{call.pk}/").content.decode()
    assert "Sent on Monday" not in text
