"""API of funding programs, the eligibility of a facility, funded projects and referrals.

Programs and funded projects are for everyone signed in; referrals for the referring
municipality, the coordinator and the referred partner (``rules.py``), as on the pages.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.models import Organisation
from corridor.programs import referrals as service
from corridor.programs.eligibility import PROJECT_TYPES, ProjectPlan, Verdict
from corridor.programs.matching import programs_for, targets_for
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    ProjectRecipient,
    Referral,
    ReferralStatus,
)
from corridor.programs.schemas import (
    EligibilityOut,
    ProgramOut,
    ProjectOut,
    ReferralIn,
    ReferralOut,
    ReferralUpdateIn,
    TargetOut,
)
from corridor.registry.models import Facility

router = Router(tags=["programs"])


def _verdict_out(program: FundingProgram, verdict: Verdict) -> dict[str, Any]:
    return {
        "program_id": program.pk,
        "program": str(program),
        "status": verdict.status,
        "label": verdict.label,
        "missing": verdict.missing,
        "results": [
            {
                "kind": r.kind,
                "wording": r.wording,
                "passed": r.passed,
                "reason": r.reason,
                "missing": list(r.missing),
                "condition": r.condition,
            }
            for r in verdict.results
        ],
    }


@router.get("/programs", response={200: list[ProgramOut], **LIST_ERRORS}, summary="Programs")
@paginate(PageNumber)
def list_programs(request: HttpRequest):
    return policy.visible(request.user, FundingProgram).order_by("name")


@router.get("/programs/{program_id}", response={200: ProgramOut, **ERRORS})
def get_program(request: HttpRequest, program_id: int) -> FundingProgram:
    program: FundingProgram = get_object_or_404(
        policy.visible(request.user, FundingProgram), pk=program_id
    )
    return program


@router.get(
    "/programs/{program_id}/targets",
    response={200: list[TargetOut], **ERRORS},
    summary="The facilities a program should reach (eligible, then possibly eligible)",
)
def list_program_targets(request: HttpRequest, program_id: int) -> list[dict[str, Any]]:
    program = get_object_or_404(policy.visible(request.user, FundingProgram), pk=program_id)
    return [
        {
            "facility_id": t.facility.pk,
            "name": t.facility.name,
            "municipality": t.facility.municipality.name if t.facility.municipality else None,
            "status": t.verdict.status,
            "label": t.verdict.label,
        }
        for t in targets_for(request.user, program)
    ]


class PlanQuery(Schema):
    project_type: str | None = Field(None, description=", ".join(PROJECT_TYPES))
    partners: int | None = Field(None, ge=1, le=100)
    includes_sme: bool | None = None
    contribution: int | None = Field(None, ge=0, le=10**12)
    total_cost: int | None = Field(None, ge=0, le=10**12)


@router.get(
    "/facilities/{facility_id}/eligibility",
    response={200: list[EligibilityOut], **ERRORS},
    summary="Every program's verdict for a facility; give the project to check its conditions",
)
def facility_eligibility(
    request: HttpRequest, facility_id: int, plan: Query[PlanQuery]
) -> list[dict[str, Any]]:
    facility = get_object_or_404(
        policy.visible(request.user, Facility).select_related("municipality"), pk=facility_id
    )
    if plan.project_type is not None and plan.project_type not in PROJECT_TYPES:
        raise ValidationError({"project_type": f"One of {', '.join(PROJECT_TYPES)}."})
    project = ProjectPlan(**plan.model_dump())
    fits = programs_for(request.user, facility, None if project == ProjectPlan() else project)
    return [_verdict_out(f.program, f.verdict) for f in fits]


def _projects(request: HttpRequest) -> Any:
    recipients = policy.visible(request.user, ProjectRecipient)
    return policy.visible(request.user, FundedProject).prefetch_related(
        Prefetch("recipients", queryset=recipients)
    )


class ProjectFilter(Schema):
    program: int | None = Field(None, ge=1, le=MAX_ID)
    municipality: int | None = Field(None, ge=1, le=MAX_ID)


@router.get(
    "/funded-projects", response={200: list[ProjectOut], **LIST_ERRORS}, summary="Funded projects"
)
@paginate(PageNumber)
def list_funded_projects(request: HttpRequest, filters: Query[ProjectFilter]):
    qs = _projects(request)
    if filters.program is not None:
        qs = qs.filter(program_id=filters.program)
    if filters.municipality is not None:
        qs = qs.filter(municipality_id=filters.municipality)
    return qs.order_by("-approved_on", "pk")


@router.get("/funded-projects/{project_id}", response={200: ProjectOut, **ERRORS})
def get_funded_project(request: HttpRequest, project_id: int) -> FundedProject:
    project: FundedProject = get_object_or_404(_projects(request), pk=project_id)
    return project


@router.get(
    "/referrals",
    response={200: list[ReferralOut], **LIST_ERRORS},
    summary="Referrals you may see (yours, or addressed to your organisation)",
)
@paginate(PageNumber)
def list_referrals(request: HttpRequest):
    return policy.visible(request.user, Referral).order_by("-referred_on", "-pk")


@router.get("/referrals/{referral_id}", response={200: ReferralOut, **ERRORS})
def get_referral(request: HttpRequest, referral_id: int) -> Referral:
    referral: Referral = get_object_or_404(policy.visible(request.user, Referral), pk=referral_id)
    return referral


@router.post(
    "/referrals",
    response={201: ReferralOut, **WRITE_ERRORS},
    summary="Record a referral of a facility to a program",
)
def create_referral(request: HttpRequest, payload: ReferralIn) -> Status[Referral]:
    policy.require_create(request.user, Referral)
    facility = referenced(request, Facility, payload.facility_id, "facility_id")
    program = referenced(request, FundingProgram, payload.program_id, "program_id")
    organisation = referenced(request, Organisation, payload.organisation_id, "organisation_id")
    with _fields_named_as_in_the_api():
        # the follow-up goes by its id: the service tells every follow-up it may not cite
        # in the same words, whether it is missing, another's or about another facility
        referral = service.record_referral(
            request.user,
            facility=facility,
            program=program,
            organisation=organisation,
            referred_on=payload.referred_on or timezone.localdate(),
            follow_up=payload.follow_up_id,
            notes=payload.notes,
        )
    return Status(201, referral)


# The service names the model's fields; the API's body names their ids.
API_FIELDS = {
    "facility": "facility_id",
    "program": "program_id",
    "organisation": "organisation_id",
    "follow_up": "follow_up_id",
    "funded_project": "funded_project_id",
}


@contextmanager
def _fields_named_as_in_the_api() -> Iterator[None]:
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {API_FIELDS.get(name, name): problems for name, problems in error.error_dict.items()}
        ) from error


@router.post(
    "/referrals/{referral_id}",
    response={200: ReferralOut, **WRITE_ERRORS},
    summary="Record the application, the decision and the funded project",
)
def update_referral(request: HttpRequest, referral_id: int, payload: ReferralUpdateIn) -> Referral:
    referral = get_referral(request, referral_id)
    if payload.status not in ReferralStatus.values:
        raise ValidationError({"status": f"One of {', '.join(ReferralStatus.values)}."})
    with _fields_named_as_in_the_api():
        return service.update_referral(
            request.user,
            referral,
            status=payload.status,
            expected_version=payload.version,
            application_ref=payload.application_ref,
            applied_on=payload.applied_on,
            funded_project=referenced(
                request, FundedProject, payload.funded_project_id, "funded_project_id"
            ),
            notes=payload.notes,
        )
