"""API shapes of programs, eligibility, funded projects and referrals."""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText
from corridor.programs.eligibility import describe


class RuleOut(Schema):
    kind: str = Field(
        ..., description="size, sector, region, project_type, consortium, contribution"
    )
    wording: str = Field(..., description="The rule in words")
    rule: dict[str, Any] = Field(..., description="The rule as data")


class ProgramOut(Schema):
    id: int
    key: str
    name: str
    short_name: str
    aliases: list[str] = Field(..., description="Every name the program goes by")
    jurisdiction: str
    status: str
    funder_id: int | None
    delivered_by_id: int | None
    description: str
    website: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    rules: list[RuleOut]
    published_figures: list[dict[str, Any]]
    source: str
    is_demo: bool

    @staticmethod
    def resolve_aliases(obj: Any) -> list[str]:
        return list(obj.names())

    @staticmethod
    def resolve_rules(obj: Any) -> list[dict[str, Any]]:
        words = describe(obj.eligibility)
        return [
            {"kind": r["kind"], "wording": w, "rule": r}
            for r, w in zip(obj.eligibility, words, strict=True)
        ]


class RuleResultOut(Schema):
    kind: str
    wording: str
    passed: bool | None = Field(..., description="null: a fact is missing, or a project condition")
    reason: str
    missing: list[str]
    condition: bool = Field(..., description="A project rule checked when a project is given")


class EligibilityOut(Schema):
    program_id: int
    program: str
    status: str = Field(..., description="eligible, possibly or not_eligible")
    label: str = Field(..., description='e.g. "Possibly eligible (missing data: employees)"')
    missing: list[str]
    results: list[RuleResultOut]


class TargetOut(Schema):
    facility_id: int
    name: str
    municipality: str | None
    status: str
    label: str


class RecipientOut(Schema):
    name: str
    city: str
    is_lead: bool
    facility_id: int | None
    link_status: str = Field(..., description="linked, review or unlinked")
    candidate_id: int | None


class ProjectOut(Schema):
    id: int
    program_id: int
    title: str
    municipality_id: int | None
    contribution: int | None
    total_value: int | None
    leverage: float | None = Field(None, description="total_value / contribution")
    jobs_created_expected: int | None
    jobs_retained_expected: int | None
    jobs_created_reported: int | None
    jobs_retained_reported: int | None
    technology_tags: list[str]
    status: str
    approved_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    source: str
    source_ref: str
    is_demo: bool
    recipients: list[RecipientOut]

    @staticmethod
    def resolve_recipients(obj: Any) -> list[Any]:
        return list(obj.recipients.all())


class ReferralOut(Schema):
    id: int
    version: int
    facility_id: int
    program_id: int
    follow_up_id: int | None
    organisation_id: int
    referred_to_id: int | None
    referred_on: dt.date
    status: str
    application_ref: str
    applied_on: dt.date | None
    funded_project_id: int | None
    notes: str


class ReferralIn(CleanText):
    facility_id: int = Field(..., ge=1, le=MAX_ID)
    program_id: int = Field(..., ge=1, le=MAX_ID)
    organisation_id: int = Field(..., ge=1, le=MAX_ID, description="Your municipality")
    referred_on: dt.date | None = Field(None, description="Default: today")
    follow_up_id: int | None = Field(None, ge=1, le=MAX_ID)
    notes: str = Field("", max_length=5000)


class ReferralUpdateIn(CleanText):
    version: int = Field(..., ge=1, description="The version you started from")
    status: str = Field(..., description="referred, applied, approved, funded, declined, withdrawn")
    application_ref: str = Field("", max_length=120)
    applied_on: dt.date | None = None
    funded_project_id: int | None = Field(None, ge=1, le=MAX_ID)
    notes: str | None = Field(None, max_length=5000)
