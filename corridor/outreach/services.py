"""Outreach operations shared by the pages, the API and the demo: engagements, their
participants and follow-ups, endorsements and fleet pilots.

Engagement follow-ups use the calls' status vocabulary (``FollowUpStatus``) and the
same life: open until done (with an outcome) or cancelled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

# the same owner check as the calls' follow-ups
from corridor.calls.follow_ups import acts_for, close_follow_up
from corridor.calls.models import FollowUpStatus
from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.outreach.models import (
    AGENDA_STATUSES,
    Contact,
    Endorsement,
    Engagement,
    EngagementFollowUp,
    FleetPilot,
    Participant,
    ParticipantRole,
    PolicyAsk,
)
from corridor.outreach.rules import owns


def require_owner(user: Any, organisation: Organisation, what: str) -> None:
    if not owns(policy.actor_for(user), organisation.pk):
        raise PermissionDenied(f"You may not add {what} for {organisation}.")


def _require_municipality(organisation: Organisation, field: str = "organisation") -> None:
    if organisation.kind != OrganisationKind.MUNICIPALITY:
        raise ValidationError({field: f"{organisation} is not a municipality."})


def create_engagement(user: Any, *, organisation: Organisation, **fields: Any) -> Engagement:
    policy.require_create(user, Engagement)
    require_owner(user, organisation, "engagements")
    if not organisation.is_participant:
        raise ValidationError({"organisation": "A municipality or the coordinator office runs it."})
    messages = fields.pop("messages", None)
    asks = fields.pop("asks", None)
    engagement = Engagement(organisation=organisation, **fields)
    if engagement.ends_on and engagement.ends_on < engagement.starts_on:
        raise ValidationError({"ends_on": "It cannot end before it starts."})
    engagement.full_clean()
    with transaction.atomic():
        engagement.save()
        set_links(user, engagement, messages=messages, asks=asks)
    return engagement


def set_links(user: Any, engagement: Engagement, *, messages: Any = None, asks: Any = None) -> None:
    """The messages delivered and the asks raised at an engagement (None: unchanged)."""
    policy.require_change(user, engagement)
    with system_scope("replacing an engagement's links to the library and the agenda"):
        if messages is not None:
            engagement.messages.set(list(messages))
        if asks is not None:
            engagement.asks.set(list(asks))


def add_participant(
    user: Any,
    engagement: Engagement,
    *,
    role: str,
    organisation: Organisation | None = None,
    contact: Contact | None = None,
    name: str = "",
) -> Participant:
    policy.require_change(user, engagement)
    if role not in ParticipantRole.values:
        raise ValidationError({"role": f"Not a participant role: {role}."})
    if organisation is None and contact is None and not name.strip():
        raise ValidationError({"name": "Name the participant, their organisation or a contact."})
    with system_scope("a participant may come from another organisation"):
        return Participant.objects.create(
            engagement=engagement, role=role, organisation=organisation, contact=contact, name=name
        )


def remove_participant(user: Any, participant: Participant) -> None:
    policy.require_change(user, participant)
    participant.delete()


def add_follow_up(
    user: Any,
    engagement: Engagement,
    *,
    owner_organisation: Organisation,
    due_on: dt.date,
    description: str,
    owner: User | None = None,
) -> EngagementFollowUp:
    policy.require_change(user, engagement)
    if not description.strip():
        raise ValidationError({"description": "Say what was promised."})
    if owner is not None and not acts_for(owner, owner_organisation):
        raise ValidationError({"owner": f"{owner} does not act for {owner_organisation}."})
    with system_scope("a follow-up may be owned by another organisation"):
        return EngagementFollowUp.objects.create(
            engagement=engagement,
            owner_organisation=owner_organisation,
            owner=owner,
            due_on=due_on,
            description=description,
        )


def complete_follow_up(user: Any, follow_up: EngagementFollowUp, outcome: str = "") -> Any:
    close_follow_up(user, follow_up, FollowUpStatus.DONE, outcome)
    return follow_up


def cancel_follow_up(user: Any, follow_up: EngagementFollowUp) -> Any:
    close_follow_up(user, follow_up, FollowUpStatus.CANCELLED)
    return follow_up


def endorse(
    user: Any,
    ask: PolicyAsk,
    *,
    organisation: Organisation,
    council_resolution: str,
    resolved_on: dt.date,
    notes: str = "",
) -> Endorsement:
    """A municipality endorses an ask by council resolution (once per ask)."""
    policy.require_create(user, Endorsement)
    require_owner(user, organisation, "endorsements")
    _require_municipality(organisation)
    if ask.status not in AGENDA_STATUSES:
        raise ValidationError({"ask": f"“{ask.title}” is not open for endorsement."})
    if not council_resolution.strip():
        raise ValidationError({"council_resolution": "Name the council resolution."})
    if resolved_on > timezone.localdate():
        raise ValidationError({"resolved_on": "A resolution cannot be dated in the future."})
    with system_scope("one endorsement per municipality and ask"):
        if Endorsement.objects.filter(ask=ask, organisation=organisation).exists():
            raise ValidationError(
                {"organisation": f"{organisation} has already endorsed “{ask.title}”."}
            )
        return Endorsement.objects.create(
            ask=ask,
            organisation=organisation,
            council_resolution=council_resolution,
            resolved_on=resolved_on,
            notes=notes,
        )


def withdraw_endorsement(user: Any, endorsement: Endorsement) -> None:
    policy.require_delete(user, endorsement)
    endorsement.delete()


def record_pilot(user: Any, *, organisation: Organisation, **fields: Any) -> FleetPilot:
    policy.require_create(user, FleetPilot)
    require_owner(user, organisation, "fleet pilots")
    _require_municipality(organisation)
    pilot = FleetPilot(organisation=organisation, **fields)
    if pilot.starts_on and pilot.ends_on and pilot.ends_on < pilot.starts_on:
        raise ValidationError({"ends_on": "It cannot end before it starts."})
    if pilot.vendor is None and not pilot.vendor_name and pilot.status != "offered":
        raise ValidationError({"vendor": "Name the vendor once the pilot is agreed."})
    pilot.full_clean()
    pilot.save()
    return pilot
