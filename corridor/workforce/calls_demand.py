"""Demand from calls: the hard-to-fill occupations a company named on a recorded call.

One ``Demand`` row per occupation named, in the region of the facility, for the month
of the call. Recording the call again updates them (a changed count, a name no longer
said is withdrawn). What matches no NOC occupation is kept as said, unmapped, for an
officer to map (``map_occupation``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.workforce.mapping import OccupationMatcher
from corridor.workforce.models import Demand, DemandKind, Occupation, Region

CALL_OCCUPATIONS = "workforce.hard_to_fill"
CALL_SOURCE = "corporate call"


def matcher() -> OccupationMatcher:
    with system_scope("matching occupation names"):
        return OccupationMatcher(Occupation.objects.order_by("noc_code"))


def demand_from_call(user: Any, call: Any, answers: dict[str, Any]) -> list[Demand]:
    """Create or update the call's demand rows; returns the rows the call now has."""
    stated = answers.get(CALL_OCCUPATIONS) or []
    counts: dict[str, tuple[str, int]] = {}
    for item in stated:
        name = str(item.get("occupation", "")).strip()[:200]
        if name:
            key = name.lower()
            previous = counts.get(key, (name, 0))[1]
            counts[key] = (name, previous + int(item.get("count") or 0))
    names = matcher()
    with system_scope("demand recorded from a call's answers"), transaction.atomic():
        facility = call.facility
        region = None
        if facility.municipality_id:
            region = Region.objects.filter(name=facility.municipality.economic_region).first()
        month = call.scheduled_on.replace(day=1)
        existing = {d.stated_occupation.lower(): d for d in Demand.objects.filter(call=call)}
        rows = []
        for key, (name, count) in counts.items():
            demand = existing.pop(key, None)
            if demand is None:
                found = names.match(name)
                demand = Demand(
                    kind=DemandKind.CALL,
                    stated_occupation=name,
                    occupation_id=found.occupation_id,
                    match_score=found.score,
                    call=call,
                    source=CALL_SOURCE,
                )
            values = {
                "count": count,
                "region": region,
                "month": month,
                "facility_id": call.facility_id,
                "organisation_id": call.organisation_id,
            }
            if demand.pk is None or any(getattr(demand, f) != v for f, v in values.items()):
                for field, value in values.items():
                    setattr(demand, field, value)
                demand.save()
            rows.append(demand)
        for gone in existing.values():
            gone.delete()
    return rows


def map_occupation(user: Any, demand: Demand, occupation: Occupation) -> Demand:
    """An officer says which NOC occupation a name said on a call is."""
    policy.require_change(user, demand)
    if demand.kind != DemandKind.CALL:
        raise ValidationError({"occupation": "Only occupations named on calls are mapped."})
    demand.occupation = occupation
    demand.match_score = None
    demand.save()
    return demand
