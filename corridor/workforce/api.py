"""API of the skills map: occupations, regions, labour supply, demand, programs, the gap table.

Every list reads through the access policy, as the pages do; programs change through
``training.save_program`` (a partner college its own, the coordinator all).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, ErrorOut
from corridor.api.pagination import PageNumber
from corridor.core import policy
from corridor.workforce import training
from corridor.workforce.gap_report import analysis_for
from corridor.workforce.models import (
    Campus,
    Demand,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)
from corridor.workforce.schemas import (
    EconomicRegionOut,
    LabourSupplyOut,
    OccupationOut,
    SkillGapIn,
    SkillGapsOut,
    TrainingProgramFilter,
    TrainingProgramOut,
    TrainingProgramPatch,
    WorkforceDemandFilter,
    WorkforceDemandOut,
    WorkforceFilter,
)

router = Router(tags=["skills and workforce"])
FORMULA = "shortage_index = demand / max(available, 1); demand = postings + call openings "
FORMULA += "(12 months); available = unemployed + graduates per year"


def _narrow(qs: Any, filters: WorkforceFilter) -> Any:
    if filters.region is not None:
        qs = qs.filter(region_id=filters.region)
    if filters.occupation:
        qs = qs.filter(occupation__noc_code=filters.occupation)
    return qs


@router.get(
    "/workforce/occupations",
    response={200: list[OccupationOut], **LIST_ERRORS},
    summary="Occupations (NOC 2021) Corridor counts",
)
@paginate(PageNumber)
def list_occupations(request: HttpRequest):
    return policy.visible(request.user, Occupation).order_by("noc_code")


@router.get(
    "/workforce/occupations/{noc_code}",
    response={200: OccupationOut, **ERRORS},
    summary="One occupation by its NOC 2021 code",
)
def get_occupation(request: HttpRequest, noc_code: str) -> Occupation:
    found: Occupation = get_object_or_404(
        policy.visible(request.user, Occupation), noc_code=noc_code
    )
    return found


@router.get(
    "/workforce/regions",
    response={200: list[EconomicRegionOut], **LIST_ERRORS},
    summary="Economic regions of the corridor",
)
@paginate(PageNumber)
def list_regions(request: HttpRequest):
    return policy.visible(request.user, Region).order_by("code")


@router.get(
    "/workforce/supply",
    response={200: list[LabourSupplyOut], **LIST_ERRORS},
    summary="Labour supply: employed and unemployed by region, occupation and period",
)
@paginate(PageNumber)
def list_supply(request: HttpRequest, filters: Query[WorkforceFilter]):
    qs = policy.visible(request.user, LabourSupply).select_related("occupation")
    return _narrow(qs, filters).order_by("region_id", "occupation__noc_code", "-period", "pk")


@router.get(
    "/workforce/demand",
    response={200: list[WorkforceDemandOut], **LIST_ERRORS},
    summary="Demand: job postings, and openings from calls (for the visiting municipality)",
)
@paginate(PageNumber)
def list_demand(request: HttpRequest, filters: Query[WorkforceDemandFilter]):
    qs = _narrow(policy.visible(request.user, Demand).select_related("occupation"), filters)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs.order_by("-month", "pk")


def _programs(request: HttpRequest) -> Any:
    return training.programs_for(request.user)


@router.get(
    "/workforce/programs",
    response={200: list[TrainingProgramOut], **LIST_ERRORS},
    summary="Training programs with their campuses and the occupations they train for",
)
@paginate(PageNumber)
def list_programs(request: HttpRequest, filters: Query[TrainingProgramFilter]):
    qs = _programs(request)
    if filters.institution is not None:
        qs = qs.filter(institution_id=filters.institution)
    if filters.occupation:
        qs = qs.filter(occupations__noc_code=filters.occupation)
    if filters.region is not None:
        names = policy.visible(request.user, Region).filter(pk=filters.region).values("name")
        qs = qs.filter(campuses__municipality__economic_region__in=names)
    return qs.distinct().order_by("institution__name", "name", "pk")


@router.get(
    "/workforce/programs/{program_id}",
    response={200: TrainingProgramOut, **ERRORS},
    summary="One training program",
)
def get_program(request: HttpRequest, program_id: int) -> TrainingProgram:
    found: TrainingProgram = get_object_or_404(_programs(request), pk=program_id)
    return found


@router.patch(
    "/workforce/programs/{program_id}",
    response={200: TrainingProgramOut, 409: ErrorOut, **ERRORS},
    summary="Change a program (its college's editors, the coordinator)",
)
def patch_program(request: HttpRequest, program_id: int, payload: TrainingProgramPatch) -> Any:
    user = request.user
    program = get_object_or_404(_programs(request), pk=program_id)
    policy.require_change(user, program)
    changes = payload.dict(exclude_unset=True, exclude={"version", "occupations", "campuses"})
    fields = {name: getattr(program, name) for name in training.PROGRAM_FIELDS}
    fields.update({k: v for k, v in changes.items() if v is not None})
    occupations = list(program.occupations.all())
    if payload.occupations is not None:
        found = policy.visible(user, Occupation).filter(noc_code__in=payload.occupations)
        occupations = list(found)
        missing = set(payload.occupations) - {o.noc_code for o in occupations}
        if missing:
            raise ValidationError(
                {"occupations": f"Unknown NOC codes: {', '.join(sorted(missing))}."}
            )
    campuses = list(program.campuses.all())
    if payload.campuses is not None:
        campuses = list(policy.visible(user, Campus).filter(pk__in=payload.campuses))
        if len(campuses) != len(set(payload.campuses)):
            raise ValidationError({"campuses": "Unknown campus id."})
    training.save_program(
        user,
        program,
        institution=program.institution,
        fields=fields,
        campuses=campuses,
        occupations=occupations,
        expected_version=payload.version,
    )
    return _programs(request).get(pk=program.pk)


@router.get(
    "/workforce/gaps",
    response={200: SkillGapsOut, **LIST_ERRORS},
    summary="The ranked gap table per occupation and region (small counts suppressed)",
)
def gaps(request: HttpRequest, params: Query[SkillGapIn]) -> dict[str, Any]:
    occupation = None
    if params.occupation:
        found = policy.visible(request.user, Occupation).filter(noc_code=params.occupation).first()
        if found is None:
            raise ValidationError({"occupation": f"Unknown NOC code {params.occupation}."})
        occupation = found.pk
    analysis = analysis_for(
        request.user, params.on, region=params.region, occupation=occupation, teer=params.teer
    )
    items = [
        {
            "rank": line.rank,
            "noc_code": line.occupation.noc_code,
            "occupation": line.occupation.title,
            "region_id": line.region.pk,
            "region": line.region.name,
            "postings": line.gap.postings,
            "call_openings": line.gap.call_openings,
            "companies": line.companies.value,
            "unemployed": line.gap.unemployed,
            "employed": line.gap.employed,
            "graduates_per_year": line.gap.graduates,
            "demand": line.gap.demand,
            "available": line.gap.available,
            "gap": round(line.gap.gap, 1),
            "shortage_index": round(line.gap.index, 3),
        }
        for line in analysis.lines
    ]
    return {"from": analysis.start, "on": analysis.on, "formula": FORMULA, "items": items}
