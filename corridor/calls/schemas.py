"""API shapes of calls, their answers, flags, follow-ups, leads, campaigns and templates.

What the company said is confidential (``corridor/calls/rules.py``): a call's
consent note, a flag's ``detail`` and a follow-up's ``description`` and
``outcome`` are ``null`` for anyone who may not read them; the answers
themselves have their own endpoint, which answers 404 to everyone else.
"""

import datetime as dt
from typing import Any

from ninja import Field, Schema
from pydantic import field_validator

from corridor.calls.models import FollowUpCategory
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText


def _user(context: Any) -> Any:
    request = (context or {}).get("request")
    return getattr(request, "user", None)


def _username(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def _naive(value: dt.time | None) -> dt.time | None:
    if value is not None and value.tzinfo is not None:
        raise ValueError("Give the local time of the visit, without a time zone.")
    return value


# Calls


class CallOut(Schema):
    """The fact of a call: shared with every participating municipality and the coordinator."""

    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    organisation_id: int = Field(..., description="The municipality (or office) making the call")
    organisation: str = Field(..., alias="organisation.label")
    scheduled_on: dt.date
    starts_at: dt.time | None
    status: str = Field(..., description="planned, completed or cancelled")
    approval: str = Field(
        ..., description="not_needed, pending, lead, coordinator or declined (deconfliction)"
    )
    approval_note: str
    decided_by: str | None = None
    decided_at: dt.datetime | None
    purpose: str
    campaign_id: int | None
    template_number: int = Field(..., alias="template.number")
    planned_by: str | None = None
    completed_at: dt.datetime | None
    answers_readable: bool = Field(
        False, description="Whether you may read what the company said (GET …/answers)"
    )
    consent_on: dt.date | None = Field(
        None, description="The company's consent to referrals (null if you may not read it)"
    )
    consent_scope: list[str] | None = None
    consent_note: str | None = None
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_decided_by(obj: Any) -> str | None:
        return _username(obj.decided_by)

    @staticmethod
    def resolve_planned_by(obj: Any) -> str | None:
        return _username(obj.planned_by)

    @staticmethod
    def resolve_answers_readable(obj: Any, context: Any) -> bool:
        return policy.can_read_confidential(_user(context), obj)

    @staticmethod
    def resolve_consent_on(obj: Any, context: Any) -> dt.date | None:
        return obj.consent_on if policy.can_read_confidential(_user(context), obj) else None

    @staticmethod
    def resolve_consent_scope(obj: Any, context: Any) -> list[str] | None:
        return (
            list(obj.consent_scope) if policy.can_read_confidential(_user(context), obj) else None
        )

    @staticmethod
    def resolve_consent_note(obj: Any, context: Any) -> str | None:
        return obj.consent_note if policy.can_read_confidential(_user(context), obj) else None


class CallDetailOut(CallOut):
    participants: list[str] = Field(
        ..., alias="participant_names", description="Usernames of the officers on the visit"
    )
    partner_organisation_ids: list[int] = Field(..., description="Partners on the visit")
    other_participants: str
    flag_ids: list[int] = Field(..., description="Flags raised on this call")
    follow_up_ids: list[int] = Field(..., description="Follow-ups of this call you may see")


class CallPlanIn(CleanText):
    facility_id: int = Field(..., ge=1, le=MAX_ID)
    organisation_id: int = Field(
        ..., ge=1, le=MAX_ID, description="The municipality making the call (you edit for it)"
    )
    scheduled_on: dt.date
    starts_at: dt.time | None = None
    purpose: str = Field("", max_length=200)
    campaign_id: int | None = Field(None, ge=1, le=MAX_ID)
    participant_ids: list[int] = Field(
        default_factory=list, max_length=50, description="Users on the visit"
    )
    partner_organisation_ids: list[int] = Field(default_factory=list, max_length=50)
    other_participants: str = Field("", max_length=300)

    @field_validator("starts_at")
    @classmethod
    def _local_time(cls, value: dt.time | None) -> dt.time | None:
        return _naive(value)

    @field_validator("participant_ids", "partner_organisation_ids")
    @classmethod
    def _ids(cls, value: list[int]) -> list[int]:
        if any(not 1 <= v <= MAX_ID for v in value):
            raise ValueError("Not an id.")
        return value


class DecisionIn(CleanText):
    note: str = Field("", max_length=300, description="Why (shown on the call)")


class AnswersOut(Schema):
    call_id: int
    template_number: int = Field(..., alias="call.template.number")
    answers: dict[str, Any] = Field(..., description='Answers keyed "section.question"')
    call_status: str = Field(..., alias="call.status")
    draft_saved_at: dt.datetime | None
    version: int
    updated_at: dt.datetime


class AnswersIn(CleanText):
    answers: dict[str, Any] = Field(
        ...,
        description=(
            'Answers keyed "section.question" of the call\'s template version: text, numbers, '
            "a choice's key, a list of keys for multiple choice, occupations as "
            '[{"occupation", "count"}] or lines "occupation, count". All answers are replaced.'
        ),
    )
    complete: bool = Field(False, description="Mark the call completed (raises its flags)")
    version: int | None = Field(
        None, ge=1, le=MAX_ID, description="The answers' version you read; 409 if changed since"
    )


# Flags and follow-ups


class FlagOut(Schema):
    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    call_id: int | None
    organisation_id: int = Field(..., description="Who raised it")
    organisation: str = Field(..., alias="organisation.label")
    severity: str = Field(..., description="red or yellow")
    category: str
    rule: str = Field(..., description="The rule that raised it; blank when raised by hand")
    detail: str | None = Field(None, description="null if you may not read it")
    status: str = Field(..., description="open, closed or withdrawn")
    respond_by: dt.date
    overdue: bool
    raised_by: str | None = None
    closed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_detail(obj: Any, context: Any) -> str | None:
        return obj.detail if policy.can_read_confidential(_user(context), obj) else None

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        return bool(obj.is_overdue())

    @staticmethod
    def resolve_raised_by(obj: Any) -> str | None:
        return _username(obj.raised_by)


class FollowUpOut(Schema):
    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    call_id: int | None
    flag_id: int | None
    owner_organisation_id: int
    owner_organisation: str = Field(..., alias="owner_organisation.label")
    owner: str | None = None
    due_on: dt.date
    status: str = Field(..., description="open, done or cancelled")
    overdue: bool
    category: str
    description: str | None = Field(None, description="null if you may not read it")
    referral_to_id: int | None = Field(..., description="The partner the company is referred to")
    referral_to: str | None = None
    outcome: str | None = Field(None, description="null if you may not read it")
    done_at: dt.datetime | None
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return _username(obj.owner)

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        return bool(obj.is_overdue())

    @staticmethod
    def resolve_referral_to(obj: Any) -> str | None:
        return obj.referral_to.label if obj.referral_to_id else None

    @staticmethod
    def resolve_description(obj: Any, context: Any) -> str | None:
        return obj.description if policy.can_read_confidential(_user(context), obj) else None

    @staticmethod
    def resolve_outcome(obj: Any, context: Any) -> str | None:
        return obj.outcome if policy.can_read_confidential(_user(context), obj) else None


class FollowUpIn(CleanText):
    facility_id: int = Field(..., ge=1, le=MAX_ID)
    owner_organisation_id: int = Field(..., ge=1, le=MAX_ID)
    owner_id: int | None = Field(None, ge=1, le=MAX_ID, description="A person of that organisation")
    due_on: dt.date
    category: FollowUpCategory = Field(
        ..., description="referral needs referral_to and the company's consent on the call"
    )
    description: str = Field("", max_length=5000)
    call_id: int | None = Field(None, ge=1, le=MAX_ID)
    flag_id: int | None = Field(None, ge=1, le=MAX_ID)
    referral_to_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="A partner organisation the company is referred to"
    )


class CompleteIn(CleanText):
    outcome: str = Field("", max_length=5000)


# Leads, campaigns, templates


class LeadAssignmentOut(Schema):
    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    organisation_id: int = Field(..., description="The municipality that leads calls there")
    organisation: str = Field(..., alias="organisation.label")
    reason: str
    assigned_by: str | None = None
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_assigned_by(obj: Any) -> str | None:
        return _username(obj.assigned_by)


class LeadIn(CleanText):
    organisation_id: int = Field(..., ge=1, le=MAX_ID, description="A member municipality")
    reason: str = Field("", max_length=300)


class CampaignOut(Schema):
    id: int
    name: str
    focus: str
    starts_on: dt.date
    ends_on: dt.date
    running: bool
    target_count: int
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_running(obj: Any) -> bool:
        return bool(obj.is_running())


class CoverageOut(Schema):
    organisation_id: int | None = Field(..., description="The lead municipality (null: no lead)")
    label: str
    targets: int
    called: int = Field(..., description="Targets with a completed call in the campaign's dates")
    percent: int


class CampaignDetailOut(CampaignOut):
    target_ids: list[int]
    coverage: CoverageOut
    coverage_by_municipality: list[CoverageOut]


class CallTemplateOut(Schema):
    id: int
    number: int = Field(..., description="The version number")
    title: str
    change_note: str
    published_at: dt.datetime
    published_by: str | None = None
    questions: int

    @staticmethod
    def resolve_published_by(obj: Any) -> str | None:
        return _username(obj.published_by)

    @staticmethod
    def resolve_questions(obj: Any) -> int:
        return sum(len(section.questions) for section in obj.parsed)


class CallTemplateDetailOut(CallTemplateOut):
    sections: list[dict[str, Any]] = Field(
        ..., description='Sections with their questions; answers are keyed "section.question"'
    )
