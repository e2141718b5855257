"""Outreach operations shared by the pages, the API and the demo: engagements, their
participants and follow-ups, endorsements, fleet pilots, and the records kept whole
(messages, asks, contacts, relationships, working groups, partnerships, tours).

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
from corridor.core.services import update_versioned
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
    Relationship,
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


def _check_pilot(user: Any, pilot: FleetPilot) -> None:
    require_owner(user, pilot.organisation, "fleet pilots")
    _require_municipality(pilot.organisation)
    check_dates(pilot)
    if pilot.vendor is None and not pilot.vendor_name and pilot.status != "offered":
        raise ValidationError({"vendor": "Name the vendor once the pilot is agreed."})


def record_pilot(user: Any, *, organisation: Organisation, **fields: Any) -> FleetPilot:
    policy.require_create(user, FleetPilot)
    pilot = FleetPilot(organisation=organisation, **fields)
    _check_pilot(user, pilot)
    pilot.full_clean()
    pilot.save()
    return pilot


def update_pilot(
    user: Any, pilot: FleetPilot, changes: dict[str, Any], expected_version: int
) -> FleetPilot:
    """Change a pilot; it stays with a municipality the user edits for."""
    return update_record(user, pilot, changes, expected_version, check=_check_pilot)


# Records kept whole: the library, the agenda, the directory, the centre, tours


def check_dates(obj: Any) -> None:
    starts, ends = getattr(obj, "starts_on", None), getattr(obj, "ends_on", None)
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": "It cannot end before it starts."})


def _set_many(obj: Any, many: dict[str, Any] | None) -> None:
    with system_scope("setting a record's members, partners or other links"):
        for name, values in (many or {}).items():
            getattr(obj, name).set(list(values))


def create_record(
    user: Any, model: type[Any], *, many: dict[str, Any] | None = None, **fields: Any
) -> Any:
    """Add a record ``user`` may create; ``many``: its many-to-many links by field."""
    policy.require_create(user, model)
    obj = model(**fields)
    check_dates(obj)
    obj.full_clean()
    with transaction.atomic():
        obj.save()
        _set_many(obj, many)
    return obj


def update_record(
    user: Any,
    obj: Any,
    changes: dict[str, Any],
    expected_version: int,
    *,
    many: dict[str, Any] | None = None,
    check: Any = None,
) -> Any:
    """Change a record if nobody saved it since ``expected_version`` (else EditConflict);
    ``check(user, obj)`` validates the changed record before anything is written."""
    policy.require_change(user, obj)
    with transaction.atomic():
        for name, value in changes.items():
            setattr(obj, name, value)
        check_dates(obj)
        if check is not None:
            check(user, obj)
        update_versioned(user, obj, {}, expected_version)
        _set_many(obj, many)
    return obj


def add_relationship(user: Any, *, organisation: Organisation, **fields: Any) -> Relationship:
    """Someone of ``organisation`` (the user, unless another person is named) knows a contact."""
    require_owner(user, organisation, "relationships")
    person = None if fields.get("person_name") else user
    return create_record(user, Relationship, organisation=organisation, person=person, **fields)


def update_relationship(
    user: Any, relationship: Relationship, changes: dict[str, Any], expected_version: int
) -> Relationship:
    def check(user: Any, rel: Relationship) -> None:
        require_owner(user, rel.organisation, "relationships")

    return update_record(user, relationship, changes, expected_version, check=check)
