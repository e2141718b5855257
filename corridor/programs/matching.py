"""Programs for a facility and facilities for a program, through ``eligibility``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.core import policy
from corridor.programs.eligibility import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    POSSIBLY,
    RANK,
    CompanyFacts,
    ProjectPlan,
    Verdict,
    evaluate,
)
from corridor.programs.models import FundingProgram, ProgramStatus
from corridor.registry.models import Facility


@dataclass(frozen=True, slots=True)
class ProgramFit:
    program: FundingProgram
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Target:
    facility: Facility
    verdict: Verdict


def facts_for(facility: Facility) -> CompanyFacts:
    place = facility.municipality if facility.municipality_id else None
    return CompanyFacts(
        employees=facility.employees,
        naics=facility.naics or None,
        municipality=place.name if place else None,
        economic_region=(place.economic_region or None) if place else None,
        province=facility.province or None,
    )


def programs_for(
    user: Any, facility: Facility, plan: ProjectPlan | None = None
) -> list[ProgramFit]:
    """Every program the user may see, with its verdict for the facility: best fit first."""
    facts = facts_for(facility)
    programs = policy.visible(user, FundingProgram).exclude(status=ProgramStatus.CLOSED)
    fits = [ProgramFit(p, evaluate(p.eligibility, facts, plan)) for p in programs]
    fits.sort(key=lambda f: (-RANK[f.verdict.status], f.program.name))
    return fits


def targets_for(
    user: Any, program: FundingProgram, *, include_possible: bool = True
) -> list[Target]:
    """The facilities the program should reach: eligible ones, then possibly eligible ones
    (their company facts; the project is what the call is for)."""
    wanted = {ELIGIBLE, POSSIBLY} if include_possible else {ELIGIBLE}
    found = []
    facilities = policy.visible(user, Facility).select_related("municipality")
    for facility in facilities.order_by("name", "pk").iterator(2000):
        verdict = evaluate(program.eligibility, facts_for(facility))
        if verdict.status in wanted:
            found.append(Target(facility, verdict))
    found.sort(key=lambda t: (-RANK[t.verdict.status], t.facility.name.lower(), t.facility.pk))
    return found


def counts(fits: list[ProgramFit]) -> dict[str, int]:
    out = {ELIGIBLE: 0, POSSIBLY: 0, NOT_ELIGIBLE: 0}
    for fit in fits:
        out[fit.verdict.status] += 1
    return out
