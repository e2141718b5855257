"""Answers, drafts, completion, flags that follow the answers, consent, template versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls import recording
from corridor.calls.models import CallAnswers, CallStatus, Flag, FollowUp
from corridor.calls.template_versions import current_template, publish_template
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core import policy
from corridor.core.scoping import system_scope


@pytest.fixture
def call(world: Any) -> Any:
    return planned(world.alice, facility("Apex Stamping", world.windsor), world.org_a)


def can_read_answers(user: Any, call: Any) -> bool:
    """What the company said on ``call``: the policy decides (``Rule.confidential_readable``)."""
    return policy.can_read_confidential(user, call)


def _flags(call: Any) -> dict[str, Flag]:
    with system_scope("tests"):
        return {f.rule: f for f in Flag.objects.filter(call=call)}


def test_bad_answers_store_nothing(world: Any, call: Any) -> None:
    errors = recording.save_answers(
        world.alice,
        call,
        {"snapshot.employees_now": "lots", "risks.relocation": "yes"},
        complete=True,
    )
    assert set(errors) == {"snapshot.employees_now"}
    call.refresh_from_db()
    assert call.status == CallStatus.PLANNED
    assert recording.answers_of(world.alice, call).answers == {}
    assert _flags(call) == {}


def test_completing_a_call_raises_its_flags_and_a_follow_up_for_each_red_one(
    world: Any, call: Any
) -> None:
    raw = {"risks.relocation": "yes", "outlook.expansion_plans": "yes"}
    assert recording.save_answers(world.alice, call, raw, complete=True, today=DAY) == {}
    call.refresh_from_db()
    assert call.status == CallStatus.COMPLETED and call.completed_at is not None
    flags = _flags(call)
    assert set(flags) == {"relocation", "expansion"}
    assert flags["relocation"].respond_by == DAY + dt.timedelta(days=7)
    assert flags["expansion"].respond_by == DAY + dt.timedelta(days=30)
    with system_scope("tests"):
        follow_up = FollowUp.objects.get(flag=flags["relocation"])
        assert not FollowUp.objects.filter(flag=flags["expansion"]).exists()
    assert (follow_up.owner, follow_up.owner_organisation, follow_up.due_on) == (
        world.alice,
        world.org_a,
        flags["relocation"].respond_by,
    )


def test_flags_follow_corrected_answers(world: Any, call: Any) -> None:
    recording.save_answers(world.alice, call, {"risks.relocation": "yes"}, complete=True)
    recording.save_answers(world.alice, call, {"risks.relocation": "no"})
    assert _flags(call)["relocation"].status == "withdrawn"
    recording.save_answers(world.alice, call, {"risks.relocation": "yes"})
    assert _flags(call)["relocation"].status == "open"
    with system_scope("tests"):
        assert Flag.objects.filter(call=call).count() == 1  # the same flag, reopened


def test_a_pending_plan_cannot_be_completed(world: Any) -> None:
    pending = planned(world.bob, facility("Apex Stamping", world.windsor), world.org_b)
    with pytest.raises(ValidationError, match="waits for approval"):
        recording.save_answers(world.bob, pending, {}, complete=True)


def test_a_draft_keeps_what_was_typed_unchecked(world: Any, call: Any) -> None:
    recording.autosave_draft(world.alice, call, {"snapshot.employees_now": "about 40"})
    answers = recording.answers_of(world.alice, call)
    assert answers.draft == {"snapshot.employees_now": "about 40"}
    assert answers.draft_saved_at is not None
    recording.save_answers(world.alice, call, {"snapshot.employees_now": "40"})
    answers.refresh_from_db()
    assert (answers.draft, answers.answers) == ({}, {"snapshot.employees_now": 40})


@pytest.mark.parametrize("reader", ["bob", "dave"])
def test_answers_are_confidential_to_the_visitors_and_the_coordinator(
    world: Any, call: Any, reader: str
) -> None:
    recording.save_answers(world.alice, call, {"risks.relocation": "yes"}, complete=True)
    outsider = getattr(world, reader)
    assert not can_read_answers(outsider, call)
    assert not policy.visible(outsider, CallAnswers).filter(call=call).exists()
    with pytest.raises(PermissionDenied):
        recording.answers_of(outsider, call)
    with pytest.raises(PermissionDenied):
        recording.autosave_draft(outsider, call, {"notes.notes": "overwritten"})
    for insider in (world.alice, world.erin, world.carol):
        assert recording.answers_of(insider, call).answers == {"risks.relocation": "yes"}
    with pytest.raises(PermissionDenied):  # erin reads Windsor's answers but does not edit them
        recording.save_answers(world.erin, call, {})


def test_consent_needs_a_scope_of_partner_kinds(world: Any, call: Any) -> None:
    with pytest.raises(ValidationError):
        recording.record_consent(world.alice, call, DAY, [])
    with pytest.raises(ValidationError):
        recording.record_consent(world.alice, call, DAY, ["municipality"])
    with pytest.raises(PermissionDenied):
        recording.record_consent(world.bob, call, DAY, ["college"])
    recording.record_consent(world.alice, call, DAY, ["college", "association"], "verbal")
    call.refresh_from_db()
    assert call.consent_scope == ["association", "college"]
    assert call.consents_to(world.apma) and call.consent_on == DAY


def test_a_new_template_version_leaves_old_calls_on_theirs(world: Any, call: Any) -> None:
    recording.save_answers(world.alice, call, {"risks.relocation": "yes"}, complete=True)
    sections = [
        *current_template().sections,
        {
            "key": "ev",
            "title": "Electric vehicles",
            "questions": [{"key": "battery_work", "label": "Battery work?", "type": "yesno"}],
        },
    ]
    with pytest.raises(PermissionDenied):
        publish_template(world.alice, "Version 2", sections)
    with pytest.raises(ValidationError):
        publish_template(world.carol, "Broken", [{"key": "x"}])
    second = publish_template(world.carol, "Version 2", sections, "Adds EV questions")
    assert second.number == 2 and current_template() == second
    call.refresh_from_db()
    assert call.template.number == 1
    assert (
        "ev.battery_work" in recording.parse_answers(second.parsed, {"ev.battery_work": "yes"})[0]
    )
    # the old call still reads and saves against version 1
    errors = recording.save_answers(world.alice, call, {"ev.battery_work": "yes"})
    assert errors == {"ev.battery_work": "This template has no such question."}
    newer = planned(world.bob, facility("Lakeshore Plastics", world.oshawa), world.org_b)
    assert newer.template == second
