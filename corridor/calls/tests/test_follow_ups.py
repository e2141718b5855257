"""Follow-ups: owners and due dates, referrals only with consent, flags acted on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls import follow_ups, recording
from corridor.calls.models import Flag, FollowUp
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core import policy
from corridor.core.scoping import system_scope


@pytest.fixture
def call(world: Any) -> Any:
    call = planned(world.alice, facility("Apex Stamping", world.windsor), world.org_a)
    recording.save_answers(world.alice, call, {"risks.relocation": "yes"}, complete=True, today=DAY)
    return call


def _referral(world: Any, call: Any) -> FollowUp:
    return follow_ups.add_follow_up(
        world.alice,
        facility=call.facility,
        call=call,
        owner_organisation=world.org_a,
        owner=world.alice,
        due_on=DAY + dt.timedelta(days=14),
        category="referral",
        description="Introduce to APMA",
        referral_to=world.apma,
    )


def test_a_referral_needs_the_companys_consent(world: Any, call: Any) -> None:
    with pytest.raises(ValidationError, match="not consented"):
        _referral(world, call)
    recording.record_consent(world.alice, call, DAY, ["college"])
    with pytest.raises(ValidationError, match="not consented"):
        _referral(world, call)  # APMA is an association, outside the scope
    recording.record_consent(world.alice, call, DAY, ["college", "association"])
    referral = _referral(world, call)
    assert referral.referral_to == world.apma
    # the partner sees the referral addressed to it, and nothing else
    assert list(policy.visible(world.dave, FollowUp)) == [referral]


def test_referrals_go_to_partners_from_a_call(world: Any, call: Any) -> None:
    recording.record_consent(world.alice, call, DAY, ["association"])
    with pytest.raises(ValidationError, match="partner organisations"):
        follow_ups.add_follow_up(
            world.alice,
            facility=call.facility,
            call=call,
            owner_organisation=world.org_a,
            due_on=DAY,
            category="referral",
            referral_to=world.org_b,
        )
    with pytest.raises(ValidationError, match="from a call"):
        follow_ups.add_follow_up(
            world.alice,
            facility=call.facility,
            owner_organisation=world.org_a,
            due_on=DAY,
            category="referral",
            referral_to=world.apma,
        )


def test_an_owner_acts_for_the_owning_organisation(world: Any, call: Any) -> None:
    with pytest.raises(ValidationError, match="does not act for"):
        follow_ups.add_follow_up(
            world.alice,
            facility=call.facility,
            call=call,
            owner_organisation=world.org_a,
            owner=world.bob,
            due_on=DAY,
            category="information",
        )


def test_a_red_flag_closes_when_its_follow_up_is_done(world: Any, call: Any) -> None:
    with system_scope("tests"):
        flag = Flag.objects.get(call=call, rule="relocation")
        follow_up = FollowUp.objects.get(flag=flag)
    with pytest.raises(ValidationError, match="follow-up on it is done"):
        follow_ups.close_flag(world.alice, flag)
    with pytest.raises(PermissionDenied):
        follow_ups.complete_follow_up(world.bob, follow_up)
    follow_ups.complete_follow_up(world.alice, follow_up, "Met the plant manager and the owner")
    flag.refresh_from_db()
    assert flag.status == "closed" and flag.closed_at is not None


def test_deadlines_mark_flags_and_follow_ups_overdue(world: Any, call: Any) -> None:
    with system_scope("tests"):
        flag = Flag.objects.get(call=call, rule="relocation")
        follow_up = FollowUp.objects.get(flag=flag)
    assert not flag.is_overdue(DAY + dt.timedelta(days=7))
    assert flag.is_overdue(DAY + dt.timedelta(days=8))
    assert follow_up.is_overdue(DAY + dt.timedelta(days=8))
    follow_ups.complete_follow_up(world.alice, follow_up)
    assert not follow_up.is_overdue(DAY + dt.timedelta(days=30))


def test_a_red_flag_raised_by_hand_gets_its_follow_up(world: Any) -> None:
    plant = facility("Lakeshore Plastics", world.oshawa)
    with pytest.raises(PermissionDenied):
        follow_ups.raise_flag(
            world.alice, facility=plant, organisation=world.org_b, severity="red",
            category="downsizing", detail="Heard at the chamber lunch",
        )  # fmt: skip
    flag = follow_ups.raise_flag(
        world.bob, facility=plant, organisation=world.org_b, severity="red",
        category="downsizing", detail="Heard at the chamber lunch", today=DAY,
    )  # fmt: skip
    assert flag.respond_by == DAY + dt.timedelta(days=7)
    with system_scope("tests"):
        assert FollowUp.objects.get(flag=flag).owner == world.bob
