"""API endpoints of corporate calls: plans and deconfliction, answers, flags, follow-ups,
leads, campaigns and the common template.

Every endpoint reads through the access policy and acts through the services in
``planning``, ``recording``, ``follow_ups`` and ``leads``. The fact of a call is
shared with participants; what the company said is only for the visiting
municipality and the coordinator: the answers endpoints answer 404 to anyone
else and the confidential fields of flags and follow-ups are ``null``.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.calls import follow_ups, leads, planning, recording
from corridor.calls.campaigns import Coverage, coverage
from corridor.calls.filtersets import (
    CallFilter,
    CampaignFilter,
    FlagFilter,
    FollowUpFilter,
    LeadAssignmentFilter,
)
from corridor.calls.models import (
    Call,
    CallAnswers,
    CallTemplate,
    Campaign,
    Flag,
    FollowUp,
    LeadAssignment,
)
from corridor.calls.schemas import (
    AnswersIn,
    AnswersOut,
    CallDetailOut,
    CallOut,
    CallPlanIn,
    CallTemplateDetailOut,
    CallTemplateOut,
    CampaignDetailOut,
    CampaignOut,
    CompleteIn,
    CoverageOut,
    DecisionIn,
    FlagOut,
    FollowUpIn,
    FollowUpOut,
    LeadAssignmentOut,
    LeadIn,
)
from corridor.core import columns, policy
from corridor.core.models import Organisation, User
from corridor.registry.models import Facility

router = Router(tags=["calls"])

CALL_RELATED = ("facility", "organisation", "template", "planned_by", "decided_by")
# A call's output names its template by number: the template's questions (a large
# JSON document) are not read, which at 50 calls a page was half the CPU of a list.
CALL_DEFERRED = ("template__sections",)
FLAG_RELATED = ("facility", "organisation", "raised_by")
FOLLOW_UP_RELATED = ("facility", "owner_organisation", "owner", "referral_to", "call")


# What the lists print of their joined rows (corridor/core/columns.py).
CALL_COLUMNS = columns.only(
    Call,
    "facility__name",
    "organisation__name",
    "organisation__short_name",
    "template__number",
    "planned_by__username",
    "decided_by__username",
)
FOLLOW_UP_COLUMNS = columns.only(
    FollowUp,
    "facility__name",
    "owner_organisation__name",
    "owner_organisation__short_name",
    "owner__username",
    "referral_to__name",
    "referral_to__short_name",
    "call__organisation_id",
)


def _with_related(qs: Any) -> Any:
    """Calls read with what their output names, and without their template's questions."""
    return qs.select_related(*CALL_RELATED).defer(*CALL_DEFERRED)


def _call(request: HttpRequest, call_id: int) -> Call:
    qs = _with_related(policy.visible(request.user, Call))
    call: Call = get_object_or_404(qs, pk=call_id)
    return call


def _call_detail(request: HttpRequest, call_id: int) -> Call:
    call = _call(request, call_id)
    user = request.user
    people = policy.visible(user, User).filter(calls=call).order_by("username")
    call.participant_names = list(people.values_list("username", flat=True))  # type: ignore[attr-defined]
    partners = policy.visible(user, Organisation).filter(joined_calls=call).order_by("pk")
    call.partner_organisation_ids = list(partners.values_list("pk", flat=True))  # type: ignore[attr-defined]
    flags = policy.visible(user, Flag).filter(call=call).order_by("pk")
    call.flag_ids = list(flags.values_list("pk", flat=True))  # type: ignore[attr-defined]
    later = policy.visible(user, FollowUp).filter(call=call).order_by("pk")
    call.follow_up_ids = list(later.values_list("pk", flat=True))  # type: ignore[attr-defined]
    return call


# Calls and deconfliction


@router.get("/calls", response={200: list[CallOut], **LIST_ERRORS}, summary="Calls (participants)")
@paginate(PageNumber)
def list_calls(request: HttpRequest, filters: Query[CallFilter]):
    qs = filters.filter(policy.visible(request.user, Call))
    return qs.select_related(*CALL_RELATED).only(*CALL_COLUMNS).order_by("-scheduled_on", "-pk")


@router.get("/calls/{call_id}", response={200: CallDetailOut, **ERRORS})
def get_call(request: HttpRequest, call_id: int) -> Call:
    return _call_detail(request, call_id)


@router.post(
    "/calls",
    response={201: CallDetailOut, **WRITE_ERRORS},
    summary="Plan a call; it waits for approval when another municipality leads the facility",
)
def plan_call(request: HttpRequest, payload: CallPlanIn) -> Status[Call]:
    user = request.user
    policy.require_create(user, Call)
    facility = referenced(request, Facility, payload.facility_id, "facility_id")
    organisation = referenced(request, Organisation, payload.organisation_id, "organisation_id")
    campaign = referenced(request, Campaign, payload.campaign_id, "campaign_id")
    people = [referenced(request, User, pk, "participant_ids") for pk in payload.participant_ids]
    partners = [
        referenced(request, Organisation, pk, "partner_organisation_ids")
        for pk in payload.partner_organisation_ids
    ]
    call = planning.plan_call(
        user,
        facility,
        organisation,
        payload.scheduled_on,
        starts_at=payload.starts_at,
        purpose=payload.purpose,
        campaign=campaign,
        participants=people,
        partner_organisations=partners,
        other_participants=payload.other_participants,
    )
    return Status(201, _call_detail(request, call.pk))


@router.post(
    "/calls/{call_id}/approve",
    response={200: CallDetailOut, **ERRORS},
    summary="Approve a plan waiting for approval (the lead municipality or the coordinator)",
)
def approve_call(request: HttpRequest, call_id: int, payload: DecisionIn | None = None) -> Call:
    call = _call(request, call_id)
    planning.approve_call(request.user, call, payload.note if payload else "")
    return _call_detail(request, call_id)


@router.post(
    "/calls/{call_id}/decline",
    response={200: CallDetailOut, **ERRORS},
    summary="Decline a plan waiting for approval (the lead municipality or the coordinator)",
)
def decline_call(request: HttpRequest, call_id: int, payload: DecisionIn | None = None) -> Call:
    call = _call(request, call_id)
    planning.decline_call(request.user, call, payload.note if payload else "")
    return _call_detail(request, call_id)


@router.post(
    "/calls/{call_id}/cancel",
    response={200: CallDetailOut, **ERRORS},
    summary="Cancel a planned call (the visiting municipality or the coordinator)",
)
def cancel_call(request: HttpRequest, call_id: int) -> Call:
    call = _call(request, call_id)
    planning.cancel_call(request.user, call)
    return _call_detail(request, call_id)


# Answers (confidential)


def _answers(request: HttpRequest, call_id: int) -> tuple[Call, CallAnswers]:
    """The call and its answers; 404 unless the user may read them."""
    call = _call(request, call_id)
    if not policy.can_read_confidential(request.user, call):
        raise Http404("No answers you may read.")
    return call, recording.answers_of(request.user, call)


def _answers_out(call: Call, answers: CallAnswers) -> CallAnswers:
    answers.call = call  # already loaded with its template
    return answers


@router.get(
    "/calls/{call_id}/answers",
    response={200: AnswersOut, **ERRORS},
    summary="What the company said (the visiting municipality and the coordinator only)",
)
def get_answers(request: HttpRequest, call_id: int) -> CallAnswers:
    return _answers_out(*_answers(request, call_id))


@router.put(
    "/calls/{call_id}/answers",
    response={200: AnswersOut, **WRITE_ERRORS},
    summary="Save the answers (and complete the call, which raises its flags)",
)
def put_answers(request: HttpRequest, call_id: int, payload: AnswersIn) -> CallAnswers:
    call, answers = _answers(request, call_id)
    policy.require_change(request.user, answers)
    # the version is checked where the answers are written, by the database
    errors = recording.save_answers(
        request.user,
        call,
        payload.answers,
        complete=payload.complete,
        expected_version=payload.version,
    )
    if errors:
        raise ValidationError({f"answers.{key}": message for key, message in errors.items()})
    return _answers_out(*_answers(request, call_id))


# Flags and follow-ups


@router.get(
    "/flags",
    response={200: list[FlagOut], **LIST_ERRORS},
    summary="Red and yellow flags (details only for the visiting municipality and coordinator)",
)
@paginate(PageNumber)
def list_flags(request: HttpRequest, filters: Query[FlagFilter]):
    qs = filters.filter(policy.visible(request.user, Flag))
    return qs.select_related(*FLAG_RELATED).order_by("respond_by", "pk")


@router.get(
    "/follow-ups",
    response={200: list[FollowUpOut], **LIST_ERRORS},
    summary="Follow-ups (partners: the referrals addressed to them)",
)
@paginate(PageNumber)
def list_follow_ups(request: HttpRequest, filters: Query[FollowUpFilter]):
    qs = filters.for_reader(request.user).filter(policy.visible(request.user, FollowUp))
    return qs.select_related(*FOLLOW_UP_RELATED).only(*FOLLOW_UP_COLUMNS).order_by("due_on", "pk")


def _follow_up(request: HttpRequest, follow_up_id: int) -> FollowUp:
    qs = policy.visible(request.user, FollowUp).select_related(*FOLLOW_UP_RELATED)
    found: FollowUp = get_object_or_404(qs, pk=follow_up_id)
    return found


@router.post(
    "/follow-ups",
    response={201: FollowUpOut, **ERRORS},
    summary="Add a follow-up (a referral needs the company's consent, recorded on the call)",
)
def add_follow_up(request: HttpRequest, payload: FollowUpIn) -> Status[FollowUp]:
    user = request.user
    policy.require_create(user, FollowUp)
    follow_up = follow_ups.add_follow_up(
        user,
        facility=referenced(request, Facility, payload.facility_id, "facility_id"),
        owner_organisation=referenced(
            request, Organisation, payload.owner_organisation_id, "owner_organisation_id"
        ),
        owner=referenced(request, User, payload.owner_id, "owner_id"),
        due_on=payload.due_on,
        category=payload.category.value,
        description=payload.description,
        call=referenced(request, Call, payload.call_id, "call_id"),
        flag=referenced(request, Flag, payload.flag_id, "flag_id"),
        referral_to=referenced(request, Organisation, payload.referral_to_id, "referral_to_id"),
    )
    return Status(201, _follow_up(request, follow_up.pk))


@router.post(
    "/follow-ups/{follow_up_id}/complete",
    response={200: FollowUpOut, **ERRORS},
    summary="Mark a follow-up done; a flag whose follow-ups are all done closes",
)
def complete_follow_up(
    request: HttpRequest, follow_up_id: int, payload: CompleteIn | None = None
) -> FollowUp:
    follow_up = _follow_up(request, follow_up_id)
    follow_ups.complete_follow_up(request.user, follow_up, payload.outcome if payload else "")
    return _follow_up(request, follow_up_id)


# Leads, campaigns, templates


@router.get(
    "/lead-assignments",
    response={200: list[LeadAssignmentOut], **LIST_ERRORS},
    summary="Facilities whose lead municipality the coordinator assigned",
)
@paginate(PageNumber)
def list_lead_assignments(request: HttpRequest, filters: Query[LeadAssignmentFilter]):
    qs = filters.filter(policy.visible(request.user, LeadAssignment))
    return qs.select_related("facility", "organisation", "assigned_by").order_by(
        "facility__name", "pk"
    )


@router.put(
    "/facilities/{facility_id}/lead",
    response={200: LeadAssignmentOut, **ERRORS},
    summary="Make a member municipality the lead for calls on a facility (coordinator)",
)
def assign_lead(request: HttpRequest, facility_id: int, payload: LeadIn) -> LeadAssignment:
    user = request.user
    facility = get_object_or_404(policy.visible(user, Facility), pk=facility_id)
    policy.require_create(user, LeadAssignment)
    organisation = referenced(request, Organisation, payload.organisation_id, "organisation_id")
    assignment = leads.assign_lead(user, facility, organisation, payload.reason)
    qs = policy.visible(user, LeadAssignment).select_related(
        "facility", "organisation", "assigned_by"
    )
    found: LeadAssignment = qs.get(pk=assignment.pk)
    return found


def _campaigns(request: HttpRequest) -> Any:
    return policy.visible(request.user, Campaign).annotate(
        target_count=Count("targets", filter=Q(targets__deleted_at__isnull=True), distinct=True)
    )


@router.get(
    "/campaigns",
    response={200: list[CampaignOut], **LIST_ERRORS},
    summary="Campaigns (participants)",
)
@paginate(PageNumber)
def list_campaigns(request: HttpRequest, filters: Query[CampaignFilter]):
    return filters.filter(_campaigns(request)).order_by("-starts_on", "name", "pk")


def _coverage_out(row: Coverage) -> CoverageOut:
    return CoverageOut(
        organisation_id=row.organisation_id,
        label=row.label,
        targets=row.targets,
        called=row.called,
        percent=row.percent,
    )


@router.get(
    "/campaigns/{campaign_id}",
    response={200: CampaignDetailOut, **ERRORS},
    summary="A campaign with its targets and coverage per lead municipality",
)
def get_campaign(request: HttpRequest, campaign_id: int) -> Campaign:
    campaign: Campaign = get_object_or_404(_campaigns(request), pk=campaign_id)
    targets = policy.visible(request.user, Facility).filter(campaigns=campaign).order_by("pk")
    total, rows = coverage(campaign)
    campaign.target_ids = list(targets.values_list("pk", flat=True))  # type: ignore[attr-defined]
    campaign.coverage = _coverage_out(total)  # type: ignore[attr-defined]
    campaign.coverage_by_municipality = [_coverage_out(r) for r in rows]  # type: ignore[attr-defined]
    return campaign


@router.get(
    "/call-templates",
    response={200: list[CallTemplateOut], **LIST_ERRORS},
    summary="Published versions of the common call template",
)
@paginate(PageNumber)
def list_call_templates(request: HttpRequest):
    return (
        policy.visible(request.user, CallTemplate)
        .select_related("published_by")
        .order_by("-number")
    )


@router.get(
    "/call-templates/{number}",
    response={200: CallTemplateDetailOut, **ERRORS},
    summary="One version of the common template with its sections and questions",
)
def get_call_template(request: HttpRequest, number: int) -> CallTemplate:
    qs = policy.visible(request.user, CallTemplate).select_related("published_by")
    template: CallTemplate = get_object_or_404(qs, number=number)
    return template
