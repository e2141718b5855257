"""Who leads automotive calls on a facility.

Every facility has one lead: the municipality the coordinator assigned, or by
default the member municipality the facility is in. A facility in a place with
no member municipality has no lead until the coordinator assigns one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls.models import LeadAssignment
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility


@dataclass(frozen=True, slots=True)
class Lead:
    organisation: Organisation | None
    assigned: bool  # set by the coordinator rather than by where the facility is

    @property
    def label(self) -> str:
        if self.organisation is None:
            return "No lead yet (no member municipality there): the coordinator assigns one"
        how = "assigned by the coordinator" if self.assigned else "the municipality it is in"
        return f"{self.organisation.label} ({how})"


def _municipal_organisations(place_ids: set[int]) -> dict[int, Organisation]:
    found: dict[int, Organisation] = {}
    organisations = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, municipality_id__in=place_ids
    ).order_by("pk")
    for organisation in organisations:
        found.setdefault(organisation.municipality_id or 0, organisation)
    return found


def leads_for(facilities: Iterable[Facility]) -> dict[int, Lead]:
    """The lead of each facility, by facility id (two queries whatever the number)."""
    facilities = list(facilities)
    # Who leads is shared knowledge among participants; computing it needs every row.
    with system_scope("working out who leads calls on facilities"):
        assigned = {
            a.facility_id: a.organisation
            for a in LeadAssignment.objects.filter(
                facility_id__in=[f.pk for f in facilities]
            ).select_related("organisation")
        }
        by_place = _municipal_organisations(
            {f.municipality_id for f in facilities if f.municipality_id}
        )
    leads: dict[int, Lead] = {}
    for facility in facilities:
        if facility.pk in assigned:
            leads[facility.pk] = Lead(assigned[facility.pk], True)
        else:
            leads[facility.pk] = Lead(by_place.get(facility.municipality_id or 0), False)
    return leads


def lead_for(facility: Facility) -> Lead:
    return leads_for([facility])[facility.pk]


def assign_lead(
    user: Any, facility: Facility, organisation: Organisation, reason: str = ""
) -> LeadAssignment:
    """The coordinator makes ``organisation`` the lead for calls on ``facility``."""
    from corridor.core import policy

    if not policy.can_create(user, LeadAssignment):
        raise PermissionDenied("Only the coordinator assigns leads.")
    if organisation.kind != OrganisationKind.MUNICIPALITY:
        raise ValidationError({"organisation": "The lead is a member municipality."})
    with system_scope("one lead per facility"):
        assignment = LeadAssignment.all_objects.filter(facility=facility).first()
        if assignment is None:
            return LeadAssignment.objects.create(
                facility=facility, organisation=organisation, reason=reason, assigned_by=user
            )
        assignment.organisation = organisation
        assignment.reason = reason
        assignment.assigned_by = user
        assignment.deleted_at = None
        assignment.save()
        return assignment
