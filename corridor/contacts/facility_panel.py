"""The "People" panel of a facility's page: whom to call, and the latest touches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from corridor.contacts.models import Contact, Touch
from corridor.contacts.services import contacts_at
from corridor.core import policy
from corridor.registry.models import Facility

RECENT = 5


@dataclass(frozen=True, slots=True)
class TouchLine:
    touch: Touch
    note_readable: bool


@dataclass(frozen=True, slots=True)
class FacilityPeople:
    facility: Facility
    people: list[Contact]
    touches: list[TouchLine]
    may_add: bool


def recent_touches(user: Any, facility_ids: list[int], limit: int = RECENT) -> list[TouchLine]:
    people = policy.visible(user, Contact).only("pk", "name")
    touches = (
        policy.visible(user, Touch)
        .filter(facility_id__in=facility_ids)
        .select_related("organisation")
        .prefetch_related(Prefetch("contacts", queryset=people, to_attr="seen_contacts"))
        .order_by("-happened_on", "-pk")[:limit]
    )
    return [TouchLine(t, policy.can_read_confidential(user, t)) for t in touches]


def facility_people(user: Any, facility: Facility) -> FacilityPeople | None:
    """The panel, or None for those who see no contacts (partners) or a merged facility."""
    if not policy.can_view(user, Contact) or facility.is_deleted:
        return None
    return FacilityPeople(
        facility=facility,
        people=list(contacts_at(user, facility)),
        touches=recent_touches(user, [facility.pk]),
        may_add=policy.can_create(user, Touch),
    )
