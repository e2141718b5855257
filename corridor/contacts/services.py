"""What officers do with contacts and touches; pages, the API, imports and the demo call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.contacts.models import Contact, Touch
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.core.services import update_versioned
from corridor.registry.models import Facility

CONTACT_FIELDS = (
    "company",
    "facility",
    "name",
    "role",
    "title",
    "phone",
    "email",
    "language",
    "consent_basis",
    "consent_on",
    "consent_note",
    "shared",
    "shared_on",
)
TOUCH_FIELDS = ("kind", "happened_on", "note", "confidential")


def acting_organisations(user: Any) -> list[Organisation]:
    """The participants in whose name ``user`` records contacts and touches."""
    actor = policy.actor_for(user)
    if not actor.is_authenticated:
        return []
    ids = [
        m.organisation_id
        for m in actor.memberships
        if m.organisation_kind in ("municipality", "coordinator_office")
        and m.role in ("editor", "coordinator")
    ]
    found = {o.pk: o for o in policy.visible(user, Organisation).filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


def _organisation_for(user: Any, organisation: Organisation | None) -> Organisation:
    mine = acting_organisations(user)
    if organisation is None:
        if not mine:
            raise PermissionDenied("You record contacts for no municipality.")
        return mine[0]
    if organisation.pk not in {o.pk for o in mine}:
        raise ValidationError({"organisation": "You do not record for this organisation."})
    return organisation


def check_place(contact: Contact) -> None:
    if contact.facility is not None and contact.facility.company_id != contact.company_id:
        raise ValidationError({"facility": "This facility is not one of the company's plants."})
    if contact.shared and contact.shared_on is None:
        raise ValidationError(
            {"shared_on": "Give the day the person agreed that their details may be shared."}
        )
    if contact.consent_basis != "none" and contact.consent_on is None:
        raise ValidationError({"consent_on": "Give the day the consent was given."})


def create_contact(
    user: Any, *, owner_organisation: Organisation | None = None, **values: Any
) -> Contact:
    policy.require_create(user, Contact)
    owner = _organisation_for(user, owner_organisation)
    unknown = set(values) - set(CONTACT_FIELDS) - {"is_fictional"}
    if unknown:
        raise ValueError(f"not contact fields: {sorted(unknown)}")
    contact = Contact(owner_organisation=owner, **values)
    check_place(contact)
    contact.full_clean()
    contact.save()
    return contact


def update_contact(
    user: Any, contact: Contact, changes: dict[str, Any], expected_version: int
) -> Contact:
    update_versioned(
        user, contact, changes, expected_version, allowed=CONTACT_FIELDS, check=check_place
    )
    return contact


def contacts_at(user: Any, facility: Facility) -> Any:
    """The people the user may see at the facility's company (the facility's own first)."""
    return (
        policy.visible(user, Contact)
        .filter(company_id=facility.company_id)
        .select_related("owner_organisation", "facility")
        .order_by("name", "pk")
    )


def log_touch(
    user: Any,
    facility: Facility,
    *,
    kind: str,
    happened_on: dt.date,
    contacts: Iterable[Contact] = (),
    note: str = "",
    confidential: bool = True,
    organisation: Organisation | None = None,
) -> Touch:
    """Record that someone of ``organisation`` was in touch with the facility."""
    policy.require_create(user, Touch)
    recorder = _organisation_for(user, organisation)
    people = list(contacts)
    visible = set(contacts_at(user, facility).values_list("pk", flat=True))
    if any(c.pk not in visible for c in people):
        raise ValidationError({"contacts": "Choose people at this facility's company."})
    if happened_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError({"happened_on": "A touch is logged once it has happened."})
    with transaction.atomic():
        touch = Touch(
            facility=facility,
            kind=kind,
            happened_on=happened_on,
            organisation=recorder,
            recorded_by=user if getattr(user, "pk", None) else None,
            note=note,
            confidential=confidential,
        )
        touch.full_clean()
        touch.save()
        if people:
            with system_scope("linking a touch to people the officer may see"):
                touch.contacts.set(people)
    return touch


def update_touch(user: Any, touch: Touch, changes: dict[str, Any], expected_version: int) -> Touch:
    unknown = set(changes) - set(TOUCH_FIELDS)
    if unknown:
        raise ValueError(f"not touch fields: {sorted(unknown)}")
    day = changes.get("happened_on")
    if day is not None and day > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError({"happened_on": "A touch is logged once it has happened."})
    return update_versioned(user, touch, changes, expected_version)  # type: ignore[return-value]


def _seen(user: Any, items: list[Any], field: str) -> None:
    """Refuse, in the same words for every case, an item the officer may not see."""
    for item in items:
        if not policy.visible(user, type(item)).filter(pk=item.pk).exists():
            raise ValidationError({field: "No such item that you may see."})


def link(user: Any, contact: Contact, *, calls: Iterable[Any] = (), follow_ups: Iterable[Any] = (),
         referrals: Iterable[Any] = ()) -> None:  # fmt: skip
    """Link the contact to calls (met there), follow-ups and referrals about them."""
    policy.require_change(user, contact)
    calls, follow_ups, referrals = list(calls), list(follow_ups), list(referrals)
    _seen(user, calls, "calls")
    _seen(user, follow_ups, "follow_ups")
    _seen(user, referrals, "referrals")
    for call in calls:
        if call.facility.company_id != contact.company_id:
            raise ValidationError({"calls": "That call was on another company."})
    for item in [*follow_ups, *referrals]:
        if item.facility.company_id != contact.company_id:
            raise ValidationError({"follow_ups": "That is about another company."})
    with system_scope("linking a person the officer may change"):
        contact.calls.add(*calls)
        contact.follow_ups.add(*follow_ups)
        contact.referrals.add(*referrals)


def set_links(
    user: Any, contact: Contact, *, calls: Iterable[Any], follow_ups: Iterable[Any],
    referrals: Iterable[Any], offered_calls: Iterable[Any], offered_follow_ups: Iterable[Any],
    offered_referrals: Iterable[Any],
) -> None:  # fmt: skip
    """Keep exactly ``calls``, ``follow_ups`` and ``referrals`` linked among those the
    officer was offered; links to items the officer was not offered (another
    municipality's call they may not see, an older one) stay as they are."""
    calls, follow_ups, referrals = list(calls), list(follow_ups), list(referrals)
    with transaction.atomic():
        link(user, contact, calls=calls, follow_ups=follow_ups, referrals=referrals)
        with system_scope("unlinking a person the officer may change"):
            contact.calls.remove(*[c for c in offered_calls if c not in calls])
            contact.follow_ups.remove(*[f for f in offered_follow_ups if f not in follow_ups])
            contact.referrals.remove(*[r for r in offered_referrals if r not in referrals])
