"""API shapes of the pipeline: prospects and their stage changes.

What the company told its hosts (a prospect's ``summary``, ``competing_jurisdictions``,
``next_step`` and ``outcome_note``; a stage change's ``note``) is ``null`` for a reader
who may not read it on the page (``policy.can_read_confidential``), never its value.
"""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.attraction.models import OutcomeReason, ProspectKind, ProspectSource, Stage
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText

MAX_MONEY = 10**15


def _user(context: Any) -> Any:
    return getattr((context or {}).get("request"), "user", None)


def _secret(obj: Any, context: Any, name: str) -> str | None:
    return getattr(obj, name) if policy.can_read_confidential(_user(context), obj) else None


class ProspectOut(Schema):
    id: int
    name: str
    kind: str = Field(..., description="new or expansion")
    company_id: int | None
    facility_id: int | None
    capability: str | None = Field(None, description="The capability's key")
    capability_label: str | None = None
    source: str = Field(..., description="gap, announcement, referral, head_office, other")
    source_fact_id: int | None
    source_note: str
    estimated_investment: int | None = Field(None, description="Canadian dollars")
    estimated_jobs: int | None
    stage: str = Field(
        ..., description="identified, contacted, visit, proposal, decision, won, lost"
    )
    stage_label: str
    stage_changed_on: dt.date
    decided_on: dt.date | None
    outcome_reason: str = Field(..., description="Why it was won or lost (blank while open)")
    won_investment: int | None
    won_jobs: int | None
    organisation_id: int
    organisation: str = Field(..., alias="organisation.label")
    owner: str | None = Field(None, description="The lead officer's user name")
    municipality_id: int | None
    shared: bool
    next_step_due: dt.date | None
    summary: str | None = Field(None, description="null unless you are of the owning "
                                "organisation or the coordinator")  # fmt: skip
    competing_jurisdictions: str | None = Field(
        None, description="Separated by ';'; null as summary"
    )
    next_step: str | None = Field(None, description="null as summary")
    outcome_note: str | None = Field(None, description="null as summary")
    is_fictional: bool = Field(..., description="Demo data, not a real project")
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_capability(obj: Any) -> str | None:
        return obj.capability.key if obj.capability_id else None

    @staticmethod
    def resolve_capability_label(obj: Any) -> str | None:
        return obj.capability.label if obj.capability_id else None

    @staticmethod
    def resolve_stage_label(obj: Any) -> str:
        return str(obj.get_stage_display())

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return obj.owner.get_username() if obj.owner_id else None

    @staticmethod
    def resolve_summary(obj: Any, context: Any) -> str | None:
        return _secret(obj, context, "summary")

    @staticmethod
    def resolve_competing_jurisdictions(obj: Any, context: Any) -> str | None:
        return _secret(obj, context, "competing_jurisdictions")

    @staticmethod
    def resolve_next_step(obj: Any, context: Any) -> str | None:
        return _secret(obj, context, "next_step")

    @staticmethod
    def resolve_outcome_note(obj: Any, context: Any) -> str | None:
        return _secret(obj, context, "outcome_note")


class StageChangeOut(Schema):
    id: int
    prospect_id: int
    from_stage: str = Field(..., description="Blank for the first (the prospect was added)")
    to_stage: str
    changed_on: dt.date
    changed_by: str | None = None
    note: str | None = Field(None, description="null unless you may read the prospect's summary")

    @staticmethod
    def resolve_changed_by(obj: Any) -> str | None:
        return obj.changed_by.get_username() if obj.changed_by_id else None

    @staticmethod
    def resolve_note(obj: Any, context: Any) -> str | None:
        return obj.note if policy.can_read_confidential(_user(context), obj.prospect) else None


class _ProspectFields(CleanText):
    kind: ProspectKind | None = None
    capability: str | None = Field(None, max_length=60, description="A capability's key")
    source: ProspectSource | None = None
    source_note: str | None = Field(None, max_length=300)
    summary: str | None = Field(None, max_length=5000)
    estimated_investment: int | None = Field(None, ge=0, le=MAX_MONEY)
    estimated_jobs: int | None = Field(None, ge=0, le=MAX_ID)
    competing_jurisdictions: str | None = Field(None, max_length=300)
    owner_id: int | None = Field(None, ge=1, le=MAX_ID, description="A person of the organisation")
    municipality_id: int | None = Field(None, ge=1, le=MAX_ID, description="Where it would land")
    shared: bool | None = None
    next_step: str | None = Field(None, max_length=300)
    next_step_due: dt.date | None = None


class ProspectIn(_ProspectFields):
    """A prospect, worked in the name of your organisation (the coordinator may name a
    municipality's); it starts at ``identified`` unless another open stage is given."""

    name: str = Field(..., min_length=1, max_length=200)
    company_id: int | None = Field(None, ge=1, le=MAX_ID)
    facility_id: int | None = Field(None, ge=1, le=MAX_ID, description="For an expansion")
    source_fact_id: int | None = Field(None, ge=1, le=MAX_ID, description="An intelligence fact")
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID, description="Default: yours")
    stage: Stage | None = Field(None, description="An open stage (default identified)")


class ProspectPatch(_ProspectFields):
    """Send the version you read; a stale version is refused with 409 edit_conflict. Only
    the fields sent change (the stage moves with POST .../stage)."""

    version: int = Field(..., ge=1, le=MAX_ID, description="The version the change was based on")
    name: str | None = Field(None, min_length=1, max_length=200)


class StageMoveIn(CleanText):
    to_stage: Stage
    on: dt.date | None = Field(None, description="Default: today; not later, not before the last")
    note: str = Field("", max_length=300)
    outcome_reason: OutcomeReason | None = Field(None, description="Required when lost")
    won_investment: int | None = Field(None, ge=0, le=MAX_MONEY, description="When won")
    won_jobs: int | None = Field(None, ge=0, le=MAX_ID, description="When won: jobs or investment")
    version: int | None = Field(
        None, ge=1, le=MAX_ID, description="The version you read (409 if it changed since)"
    )
