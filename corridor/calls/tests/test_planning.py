"""Deconfliction: nobody silently calls on another municipality's company."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from corridor.calls import planning
from corridor.calls.leads import assign_lead, lead_for
from corridor.calls.models import Approval, Call, CallStatus
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core.scoping import system_scope


def test_the_lead_municipality_plans_without_approval(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    assert lead_for(plant).organisation == world.org_a
    call = planned(world.alice, plant, world.org_a)
    assert (call.approval, call.status, call.holds_facility) == (
        Approval.NOT_NEEDED,
        "planned",
        True,
    )
    assert call.template.number == 1


def test_another_municipality_waits_for_the_lead_or_the_coordinator(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    call = planned(world.bob, plant, world.org_b)
    assert call.approval == Approval.PENDING and not call.holds_facility
    assert planning.can_decide(world.alice, call)  # the lead
    assert planning.can_decide(world.carol, call)  # the coordinator
    assert not planning.can_decide(world.bob, call)  # not the one asking
    assert not planning.can_decide(world.erin, call)  # a viewer of the lead
    with pytest.raises(PermissionDenied):
        planning.approve_call(world.bob, call)
    planning.approve_call(world.alice, call, "Go ahead, we called in spring")
    call.refresh_from_db()
    assert (call.approval, call.decided_by) == (Approval.LEAD, world.alice)


def test_a_declined_plan_is_cancelled(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    call = planned(world.bob, plant, world.org_b)
    planning.decline_call(world.alice, call, "We visit them next week")
    call.refresh_from_db()
    assert (call.approval, call.status) == (Approval.DECLINED, CallStatus.CANCELLED)
    with pytest.raises(ValidationError):
        planning.approve_call(world.carol, call)


def test_a_second_holding_plan_needs_the_coordinator(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    planned(world.alice, plant, world.org_a)  # the lead holds the facility
    second = planned(world.bob, plant, world.org_b)
    assert second.approval == Approval.PENDING
    with pytest.raises(PermissionDenied, match="only the coordinator"):
        planning.approve_call(world.alice, second)
    planning.approve_call(world.carol, second)
    second.refresh_from_db()
    assert second.approval == Approval.COORDINATOR


def test_the_lead_cannot_plan_over_a_call_it_let_through(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    bobs = planned(world.bob, plant, world.org_b)
    planning.approve_call(world.alice, bobs)
    alices = planned(world.alice, plant, world.org_a)
    assert alices.approval == Approval.PENDING  # bob holds it now; the coordinator decides


def test_one_municipality_does_not_plan_twice(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    planned(world.alice, plant, world.org_a)
    with pytest.raises(ValidationError, match="already has a call planned"):
        planned(world.alice, plant, world.org_a, DAY + dt.timedelta(days=3))


def test_the_coordinator_clears_its_own_plans(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    planned(world.alice, plant, world.org_a)
    call = planned(world.carol, plant, world.office)
    assert (call.approval, call.decided_by) == (Approval.COORDINATOR, world.carol)


def test_nobody_plans_for_another_municipality_or_as_a_viewer(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    with pytest.raises(PermissionDenied):
        planned(world.bob, plant, world.org_a)
    for viewer in (world.erin, world.dave):
        with pytest.raises(PermissionDenied):
            planned(viewer, plant, world.org_a)


def test_a_facility_without_a_member_municipality_waits_for_a_lead(world: Any) -> None:
    with system_scope("tests"):
        toronto = type(world.windsor).objects.get(name="Toronto")
    plant = facility("Harbour Castings", toronto)
    assert lead_for(plant).organisation is None
    assert planned(world.alice, plant, world.org_a).approval == Approval.PENDING
    assign_lead(world.carol, plant, world.org_b, "closest member")
    assert lead_for(plant).organisation == world.org_b
    assert planned(world.bob, plant, world.org_b).approval == Approval.NOT_NEEDED


def test_only_the_coordinator_assigns_leads(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    with pytest.raises(PermissionDenied):
        assign_lead(world.alice, plant, world.org_b)
    with pytest.raises(ValidationError):
        assign_lead(world.carol, plant, world.apma)


def test_the_database_refuses_two_holding_plans(world: Any) -> None:
    plant = facility("Apex Stamping", world.windsor)
    first = planned(world.alice, plant, world.org_a)
    with system_scope("tests"), pytest.raises(IntegrityError), transaction.atomic():
        Call.objects.create(
            facility=plant,
            organisation=world.org_b,
            scheduled_on=DAY,
            template=first.template,
            approval=Approval.LEAD,
        )


def _second_windsor_editor(world: Any) -> Any:
    from corridor.core.models import Membership, Role, User

    with system_scope("tests"):
        frank = User.objects.create_user("frank", "frank@example.org", "pw-frank-123456")
        Membership.objects.create(user=frank, organisation=world.org_a, role=Role.EDITOR)
    return frank


def test_a_plan_that_loses_the_race_waits_for_approval(world: Any, monkeypatch: Any) -> None:
    """Two Windsor officers both passed the check before either wrote: the database decides."""
    plant = facility("Apex Stamping", world.windsor)
    first = planned(world.alice, plant, world.org_a)
    monkeypatch.setattr(planning, "holding_calls", lambda facility, exclude=None: [])
    second = planned(_second_windsor_editor(world), plant, world.org_a, DAY + dt.timedelta(days=1))
    assert first.approval == Approval.NOT_NEEDED
    assert second.approval == Approval.PENDING
    with system_scope("tests"):
        assert Call.objects.filter(facility=plant, approval__in=["not_needed", "lead"]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_officers_planning_at_the_same_moment(world: Any) -> None:
    """Real threads with their own connections: exactly one plan holds the facility."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite's in-memory test database cannot take two writers; "
            "test_a_plan_that_loses_the_race_waits_for_approval covers the same path"
        )
    plant = facility("Apex Stamping", world.windsor)
    frank = _second_windsor_editor(world)
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def plan(user: Any) -> None:
        try:
            barrier.wait(timeout=10)
            results[user.username] = planned(user, plant, world.org_a).approval
        except ValidationError as refused:
            results[user.username] = refused
        finally:
            connection.close()

    threads = [threading.Thread(target=plan, args=(u,)) for u in (world.alice, frank)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    outcomes = sorted(
        "refused" if isinstance(r, ValidationError) else str(r) for r in results.values()
    )
    assert outcomes in (["not_needed", "refused"], ["not_needed", "pending"]), results
    with system_scope("tests"):
        holding = Call.objects.filter(
            facility=plant, status="planned", approval__in=["not_needed", "lead"]
        )
        assert holding.count() == 1
