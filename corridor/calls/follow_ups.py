"""Follow-ups and flags raised by hand: owners, due dates, referrals with consent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corridor.calls import flagging
from corridor.calls.models import (
    Call,
    Flag,
    FlagStatus,
    FollowUp,
    FollowUpCategory,
    FollowUpStatus,
)
from corridor.core import policy
from corridor.core.models import Organisation, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility


def _check_referral(call: Call | None, referral_to: Organisation) -> None:
    if referral_to.is_participant:
        raise ValidationError(
            {"referral_to": "Referrals go to partner organisations; assign a municipality instead."}
        )
    if call is None:
        raise ValidationError(
            {"referral_to": "A referral comes from a call, where the company's consent is kept."}
        )
    if not call.consents_to(referral_to):
        kind = referral_to.get_kind_display().lower()
        raise ValidationError(
            {
                "referral_to": (
                    f"The company has not consented to be referred to a {kind}: record its "
                    "consent on the call (date and scope) first."
                )
            }
        )


def acts_for(user: User, organisation: Organisation) -> bool:
    with system_scope("checking that a follow-up's owner acts for its organisation"):
        return user.memberships.filter(organisation=organisation).exists()


def add_follow_up(
    user: Any,
    *,
    facility: Facility,
    owner_organisation: Organisation,
    due_on: dt.date,
    category: str,
    description: str = "",
    owner: User | None = None,
    call: Call | None = None,
    flag: Flag | None = None,
    referral_to: Organisation | None = None,
) -> FollowUp:
    if not policy.can_create(user, FollowUp):
        raise PermissionDenied("You may not add follow-ups.")
    if call is not None:
        policy.require_change(user, call)
        if call.facility_id != facility.pk:
            raise ValidationError("The call is on another facility.")
    if flag is not None:
        policy.require_change(user, flag)
    if category not in FollowUpCategory.values:
        raise ValidationError({"category": f"Not a follow-up category: {category}."})
    if referral_to is not None:
        _check_referral(call, referral_to)
        category = FollowUpCategory.REFERRAL
    elif category == FollowUpCategory.REFERRAL:
        raise ValidationError({"referral_to": "Name the partner the company is referred to."})
    if owner is not None and not acts_for(owner, owner_organisation):
        raise ValidationError({"owner": f"{owner} does not act for {owner_organisation}."})
    with system_scope("a follow-up may be owned by another organisation"):
        return FollowUp.objects.create(
            facility=facility,
            call=call,
            flag=flag,
            owner_organisation=owner_organisation,
            owner=owner,
            due_on=due_on,
            category=category,
            description=description,
            referral_to=referral_to,
        )


def close_follow_up(user: Any, follow_up: Any, status: str, outcome: str = "") -> None:
    """Close an open follow-up, a call's or an engagement's (``corridor/outreach``), as done
    (with its outcome) or cancelled."""
    policy.require_change(user, follow_up)
    if follow_up.status != FollowUpStatus.OPEN:
        raise ValidationError("This follow-up is not open.")
    follow_up.status = status
    if status == FollowUpStatus.DONE:
        follow_up.outcome = outcome
        follow_up.done_at = timezone.now()
    follow_up.save()


def complete_follow_up(user: Any, follow_up: FollowUp, outcome: str = "") -> FollowUp:
    """Mark it done; a flag whose follow-ups are all done closes."""
    with transaction.atomic():
        close_follow_up(user, follow_up, FollowUpStatus.DONE, outcome)
        flag = follow_up.flag
        if flag is not None and flag.status == FlagStatus.OPEN:
            with system_scope("closing a flag once its follow-ups are done"):
                still_open = FollowUp.objects.filter(flag=flag, status=FollowUpStatus.OPEN)
                if not still_open.exists():
                    flag.status = FlagStatus.CLOSED
                    flag.closed_at = timezone.now()
                    flag.save()
    return follow_up


def cancel_follow_up(user: Any, follow_up: FollowUp) -> FollowUp:
    close_follow_up(user, follow_up, FollowUpStatus.CANCELLED)
    return follow_up


def raise_flag(
    user: Any,
    *,
    facility: Facility,
    organisation: Organisation,
    severity: str,
    category: str,
    detail: str,
    call: Call | None = None,
    today: dt.date | None = None,
) -> Flag:
    """A flag raised by hand (no rule): from a call or straight on a facility."""
    if not policy.can_create(user, Flag):
        raise PermissionDenied("You may not raise flags.")
    actor = policy.actor_for(user)
    if not actor.is_coordinator and organisation.pk not in actor.editor_organisation_ids:
        raise PermissionDenied(f"You may not raise flags for {organisation}.")
    if call is not None:
        policy.require_change(user, call)
    day = today or timezone.localdate()
    with system_scope("raising a flag"), transaction.atomic():
        flag = Flag.objects.create(
            facility=facility,
            call=call,
            organisation=organisation,
            severity=severity,
            category=category,
            detail=detail,
            respond_by=flagging.respond_by(severity, day),
            raised_by=user,
        )
        if severity == "red":  # every red flag has a follow-up with an owner and a due date
            FollowUp.objects.create(
                facility=facility,
                call=call,
                flag=flag,
                owner_organisation=organisation,
                owner=user,
                due_on=flag.respond_by,
                category=FollowUpCategory.RETENTION,
                description=f"Respond to the red flag: {detail}",
            )
        return flag


def close_flag(user: Any, flag: Flag) -> Flag:
    """Close a flag. A red flag needs a follow-up that is done before it can be closed."""
    policy.require_change(user, flag)
    if flag.status != FlagStatus.OPEN:
        raise ValidationError("This flag is not open.")
    with system_scope("checking a flag's follow-ups"):
        done = FollowUp.objects.filter(flag=flag, status=FollowUpStatus.DONE).exists()
    if flag.severity == "red" and not done:
        raise ValidationError("A red flag closes when a follow-up on it is done.")
    flag.status = FlagStatus.CLOSED
    flag.closed_at = timezone.now()
    flag.save()
    return flag
