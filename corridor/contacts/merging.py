"""The same person recorded twice: finding the pairs, merging one into the other, undoing it.

Two records are offered as one person when they share an e-mail address, or a phone
number (unless the names are clearly different: a plant's switchboard is many people's
number), or when their names are close (rapidfuzz) at the same company. Only the
coordinator sees the pairs and merges: the two records are often unshared people of two
municipalities, and the list must not tell one municipality whom the other recorded.

A merge keeps one record and folds the other into it: the touches, calls, follow-ups and
referrals of the folded record move to the kept one, the kept one's empty phone, e-mail,
title and facility are filled from it, and the folded record is marked ``merged_into`` and
removed (soft). ``ContactMerge`` remembers exactly what moved, so undoing brings it back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz

from corridor.contacts.models import Contact, ContactMerge, Touch
from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.resolution.contacts import parse_phones
from corridor.registry.resolution.text import alnum_tokens

# Names at least this close (rapidfuzz token-sort ratio, 0-100) at one company are offered.
CLOSE_NAME = 85
# A shared phone number is offered only when the names are not clearly different.
PHONE_NAME_FLOOR = 50
FILLED_FIELDS = ("phone", "email", "title", "facility")
LINKS = ("calls", "follow_ups", "referrals")


@dataclass(frozen=True, slots=True)
class Pair:
    first: Contact
    second: Contact
    reasons: tuple[str, ...]

    @property
    def across_organisations(self) -> bool:
        return self.first.owner_organisation_id != self.second.owner_organisation_id


def _name(contact: Contact) -> str:
    return " ".join(alnum_tokens(contact.name))


def _phone(contact: Contact) -> str | None:
    phones = parse_phones(contact.phone) if contact.phone else ()
    return phones[0] if phones else None


def _closeness(a: Contact, b: Contact) -> float:
    return float(fuzz.token_sort_ratio(_name(a), _name(b)))


def _reasons(a: Contact, b: Contact) -> list[str]:
    found = []
    if a.email and a.email.strip().lower() == b.email.strip().lower():
        found.append(f"same e-mail ({a.email.strip().lower()})")
    phone = _phone(a)
    if phone and phone == _phone(b) and _closeness(a, b) >= PHONE_NAME_FLOOR:
        found.append(f"same phone ({a.phone})")
    if a.company_id == b.company_id:
        score = _closeness(a, b)
        if score >= CLOSE_NAME:
            found.append(f"close names at the same company ({score:.0f}/100)")
    return found


def find_duplicates(user: Any, contacts: Iterable[Contact] | None = None) -> list[Pair]:
    """The pairs of live records that look like one person (the coordinator only)."""
    if not policy.can_view(user, ContactMerge):
        raise PermissionDenied("Only the coordinator looks for people recorded twice.")
    people = list(
        contacts
        if contacts is not None
        else policy.visible(user, Contact)
        .select_related("company", "facility", "owner_organisation")
        .order_by("pk")
    )
    # Only records sharing an e-mail, a phone or a company are compared (blocking).
    blocks: dict[tuple[str, Any], list[Contact]] = defaultdict(list)
    for c in people:
        if c.email:
            blocks[("email", c.email.strip().lower())].append(c)
        phone = _phone(c)
        if phone:
            blocks[("phone", phone)].append(c)
        blocks[("company", c.company_id)].append(c)
    seen: set[tuple[int, int]] = set()
    pairs = []
    for members in blocks.values():
        for a, b in combinations(members, 2):
            key = (min(a.pk, b.pk), max(a.pk, b.pk))
            if key in seen:
                continue
            seen.add(key)
            reasons = _reasons(a, b)
            if reasons:
                first, second = (a, b) if a.pk < b.pk else (b, a)
                pairs.append(Pair(first, second, tuple(reasons)))
    pairs.sort(key=lambda p: (not p.across_organisations, p.first.name.lower(), p.first.pk))
    return pairs


def _require_merging(user: Any) -> None:
    if not policy.can_create(user, ContactMerge):
        raise PermissionDenied("Only the coordinator merges people recorded twice.")


def merge_contacts(user: Any, survivor: Contact, merged: Contact) -> ContactMerge:
    """Fold ``merged`` into ``survivor`` (the coordinator only); recorded, and undoable."""
    _require_merging(user)
    if survivor.pk == merged.pk:
        raise ValidationError("A person cannot be merged into their own record.")
    if survivor.is_deleted or merged.is_deleted:
        raise ValidationError("Both records must be live to merge them: one was merged already.")
    reasons = _reasons(survivor, merged)
    with system_scope("merging a person recorded twice"), transaction.atomic():
        moved: dict[str, Any] = {"touches": [], "touches_added": []}
        for touch in Touch.objects.filter(contacts=merged).order_by("pk"):
            moved["touches"].append(touch.pk)
            if not touch.contacts.filter(pk=survivor.pk).exists():
                touch.contacts.add(survivor)
                moved["touches_added"].append(touch.pk)
            touch.contacts.remove(merged)
        for name in LINKS:
            theirs = set(getattr(merged, name).values_list("pk", flat=True))
            ours = set(getattr(survivor, name).values_list("pk", flat=True))
            moved[name] = sorted(theirs)
            moved[f"{name}_added"] = sorted(theirs - ours)
            getattr(survivor, name).add(*(theirs - ours))
            getattr(merged, name).clear()
        filled = []
        for name in FILLED_FIELDS:
            if not getattr(survivor, name) and getattr(merged, name):
                plant = merged.facility
                elsewhere = plant is not None and plant.company_id != survivor.company_id
                if name == "facility" and elsewhere:
                    continue
                setattr(survivor, name, getattr(merged, name))
                filled.append(name)
        moved["filled"] = filled
        if filled:
            survivor.save()
        merged.merged_into = survivor
        merged.save()
        merged.delete()
        return ContactMerge.objects.create(
            survivor=survivor, merged=merged, moved=moved, reasons=reasons, merged_by=user
        )


def undo_merge(user: Any, merge: ContactMerge) -> Contact:
    """The folded record comes back with exactly the links it brought (the coordinator)."""
    _require_merging(user)
    if merge.undone_at is not None:
        raise ValidationError("This merge was already undone.")
    with system_scope("undoing a merge of people"), transaction.atomic():
        survivor = Contact.all_objects.get(pk=merge.survivor_id)
        merged = Contact.all_objects.get(pk=merge.merged_id)
        moved = merge.moved
        for touch in Touch.all_objects.filter(pk__in=moved.get("touches", [])):
            touch.contacts.add(merged)
            if touch.pk in moved.get("touches_added", []):
                touch.contacts.remove(survivor)
        for name in LINKS:
            getattr(merged, name).add(*moved.get(name, []))
            getattr(survivor, name).remove(*moved.get(f"{name}_added", []))
        reverted = False
        for name in moved.get("filled", []):
            # only a value still as the merge left it: a later edit is the officer's
            if getattr(survivor, f"{name}_id" if name == "facility" else name) == getattr(
                merged, f"{name}_id" if name == "facility" else name
            ):
                setattr(survivor, name, None if name == "facility" else "")
                reverted = True
        if reverted:
            survivor.save()
        merged.merged_into = None
        merged.save()
        merged.restore()
        merge.undone_at = timezone.now()
        merge.undone_by = user
        merge.save()
        return merged
