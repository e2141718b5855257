"""The skills panel of a registry facility page: the occupations the facility reported as
hard to fill on calls (as confidential as the calls' answers) and, for each, the nearest
programs that train for it — something to bring to the next call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.core import policy
from corridor.workforce.models import Campus, Demand, DemandKind, TrainingProgram
from corridor.workforce.training import distance_km, programs_for

NEAREST = 3


@dataclass(frozen=True, slots=True)
class NearbyProgram:
    program: TrainingProgram
    campus: Campus
    km: float


@dataclass(frozen=True, slots=True)
class ReportedOccupation:
    demand: Demand
    programs: list[NearbyProgram]


@dataclass(frozen=True, slots=True)
class SkillsPanel:
    facility: Any
    reported: list[ReportedOccupation]


def _point(facility: Any) -> tuple[Any, Any] | None:
    if facility.latitude is not None and facility.longitude is not None:
        return facility.latitude, facility.longitude
    if facility.municipality_id and facility.municipality:
        return facility.municipality.latitude, facility.municipality.longitude
    return None


def nearest_programs(user: Any, occupation_id: int, point: Any) -> list[NearbyProgram]:
    programs = programs_for(user).filter(occupations__pk=occupation_id).distinct()
    found = []
    for program in programs:
        campuses = list(program.campuses.all())
        if not campuses:
            continue
        campus = min(
            campuses,
            key=lambda c: distance_km(point, (c.municipality.latitude, c.municipality.longitude)),
        )
        km = distance_km(point, (campus.municipality.latitude, campus.municipality.longitude))
        found.append(NearbyProgram(program, campus, km))
    found.sort(key=lambda n: (n.km, n.program.name))
    return found[:NEAREST]


def facility_skills(user: Any, facility: Any) -> SkillsPanel | None:
    """None when the reader may see no call of this facility that named occupations."""
    demand = list(
        policy.visible(user, Demand)
        .filter(facility=facility, kind=DemandKind.CALL, call__deleted_at__isnull=True)
        .select_related("occupation", "call")
        .order_by("-month", "stated_occupation")
    )
    if not demand:
        return None
    point = _point(facility)
    latest: dict[str, Demand] = {}
    for d in demand:  # the most recent call's figure for each occupation
        latest.setdefault(d.occupation.noc_code if d.occupation else d.stated_occupation, d)
    reported = [
        ReportedOccupation(
            d, nearest_programs(user, d.occupation_id, point) if d.occupation_id else []
        )
        for d in sorted(
            latest.values(), key=lambda d: (d.occupation is None, d.stated_occupation.lower())
        )
    ]
    return SkillsPanel(facility, reported)
