"""Planning calls without stepping on each other (deconfliction).

The rule: nobody silently calls on another municipality's company.

* A plan by the facility's lead municipality, with no other municipality holding
  a planned call there, needs no approval.
* A plan by anyone else waits for approval. The coordinator may approve it;
  the lead municipality's editors may approve it too, unless another
  municipality already holds a planned call on the facility: then only the
  coordinator can clear a second one.
* A plan by the coordinator is approved by the coordinator.

A planned call "holds" its facility unless the coordinator cleared it; the
database refuses two holding calls on one facility
(``one_uncleared_planned_call_per_facility``), so two officers planning at the
same moment cannot both get through: the second plan waits for approval.
Planning locks the facility row so that the check and the write are one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from corridor.calls.leads import lead_for
from corridor.calls.models import HOLDING, Approval, Call, CallAnswers, CallStatus, Campaign
from corridor.calls.template_versions import current_template
from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility


def planning_organisations(user: Any) -> list[Organisation]:
    """The organisations ``user`` may plan calls for."""
    actor = policy.actor_for(user)
    with system_scope("listing the organisations a user plans calls for"):
        municipal = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        if actor.is_coordinator:
            return list(
                Organisation.objects.filter(
                    kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]
                )
            )
        return list(municipal.filter(pk__in=actor.editor_organisation_ids))


def _lock(facility: Facility) -> Facility:
    with system_scope("locking a facility while planning a call on it"):
        locked: Facility = Facility.objects.select_for_update().get(pk=facility.pk)
        return locked


def holding_calls(facility: Facility, exclude: Call | None = None) -> list[Call]:
    """Planned calls that hold the facility (not cleared by the coordinator)."""
    with system_scope("deconfliction sees every planned call on a facility"):
        calls = Call.objects.filter(
            facility=facility, status=CallStatus.PLANNED, approval__in=HOLDING
        ).select_related("organisation")
        if exclude is not None:
            calls = calls.exclude(pk=exclude.pk)
        return list(calls)


def plan_call(
    user: Any,
    facility: Facility,
    organisation: Organisation,
    scheduled_on: dt.date,
    *,
    starts_at: dt.time | None = None,
    purpose: str = "",
    campaign: Campaign | None = None,
    participants: Iterable[User] = (),
    partner_organisations: Iterable[Organisation] = (),
    other_participants: str = "",
) -> Call:
    """Plan a call; it waits for approval when the deconfliction rule says so."""
    actor = policy.actor_for(user)
    if not actor.edits_municipal_work:  # municipal editors, or the coordinator for anyone
        raise PermissionDenied("You may not plan calls.")
    if organisation.pk not in {o.pk for o in planning_organisations(user)}:
        raise PermissionDenied(f"You may not plan calls for {organisation}.")
    if facility.is_deleted:
        raise ValidationError("This facility has been removed from the registry.")
    with transaction.atomic():
        facility = _lock(facility)
        holders = holding_calls(facility)
        ours = [c for c in holders if c.organisation_id == organisation.pk]
        if ours:
            raise ValidationError(
                f"{organisation.label} already has a call planned on {facility.name} for "
                f"{ours[0].scheduled_on:%Y-%m-%d}: change that one instead."
            )
        lead = lead_for(facility)
        needs_approval = (
            bool(holders) or lead.organisation is None or (lead.organisation.pk != organisation.pk)
        )
        approval = Approval.NOT_NEEDED
        if needs_approval:
            approval = Approval.COORDINATOR if actor.is_coordinator else Approval.PENDING
        call = Call(
            facility=facility,
            organisation=organisation,
            scheduled_on=scheduled_on,
            starts_at=starts_at,
            purpose=purpose,
            campaign=campaign,
            other_participants=other_participants,
            template=current_template(),
            planned_by=user,
            approval=approval,
        )
        if approval == Approval.COORDINATOR:
            call.decided_by, call.decided_at = user, timezone.now()
        try:
            with transaction.atomic():
                call.save()
        except IntegrityError:
            # Someone else's plan got there first: this one waits for the coordinator.
            call.pk = None
            call._state.adding = True
            call.approval = Approval.PENDING
            call.save()
        with system_scope("a new call's participants and its (confidential) answers row"):
            call.participants.set(list(participants))
            call.partner_organisations.set(list(partner_organisations))
            CallAnswers.objects.create(call=call)
        return call


def _decide(user: Any, call: Call, approve: bool) -> Approval:
    """Which approval ``user`` can give to ``call`` (or raise why not)."""
    if call.status != CallStatus.PLANNED or call.approval != Approval.PENDING:
        raise ValidationError("This call is not waiting for approval.")
    actor = policy.actor_for(user)
    if actor.is_coordinator:
        return Approval.COORDINATOR
    lead = lead_for(call.facility)
    if lead.organisation is None or lead.organisation.pk not in actor.editor_organisation_ids:
        raise PermissionDenied(
            "Only the lead municipality or the coordinator decides on this call."
        )
    if approve and holding_calls(call.facility, exclude=call):
        raise PermissionDenied(
            "Another municipality already holds a planned call on this facility: "
            "only the coordinator can clear a second one."
        )
    return Approval.LEAD


def approve_call(user: Any, call: Call, note: str = "") -> Call:
    with transaction.atomic():
        _lock(call.facility)
        call.refresh_from_db()
        call.approval = _decide(user, call, approve=True)
        call.approval_note = note
        call.decided_by, call.decided_at = user, timezone.now()
        try:
            with transaction.atomic():
                call.save()
        except IntegrityError:
            raise PermissionDenied(
                "Another municipality now holds a planned call on this facility: "
                "only the coordinator can clear a second one."
            ) from None
        return call


def decline_call(user: Any, call: Call, note: str = "") -> Call:
    with transaction.atomic():
        call.refresh_from_db()
        _decide(user, call, approve=False)
        call.approval = Approval.DECLINED
        call.status = CallStatus.CANCELLED
        call.approval_note = note
        call.decided_by, call.decided_at = user, timezone.now()
        call.save()
        return call


def cancel_call(user: Any, call: Call) -> Call:
    policy.require_change(user, call)
    if call.status != CallStatus.PLANNED:
        raise ValidationError("Only a planned call can be cancelled.")
    call.status = CallStatus.CANCELLED
    call.save()
    return call


def can_decide(user: Any, call: Call) -> bool:
    """Whether ``user`` may approve or decline this pending call."""
    try:
        _decide(user, call, approve=False)
    except (PermissionDenied, ValidationError):
        return False
    return True
