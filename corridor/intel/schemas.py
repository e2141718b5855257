"""API shapes of documents, facts (with their corrections) and the tracker."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema

from corridor.core.schemas import CleanText

# intel.models.Instrument's values (the API names them; the model's labels are for pages).
InstrumentName = Literal["grant", "loan", "tax_credit", "equity", "guarantee", "other"]


class CorrectionOut(Schema):
    id: int
    field: str
    before: Any = None
    after: Any = None
    note: str
    corrected_by: str | None = Field(None, alias="corrected_by.username")
    created_at: dt.datetime


class FactOut(Schema):
    id: int
    document_id: int
    kind: str = Field(..., description="investment or policy")
    funder: str | None = None
    recipient: str | None = None
    program: str | None = None
    amount_cad: float | None = Field(None, description="In the stated currency")
    currency: str
    total_value_cad: float | None = None
    projects: int | None = None
    jobs: int | None = Field(None, description="Jobs created")
    jobs_retained: int | None = Field(None, description="Existing jobs kept")
    instrument: InstrumentName | None = Field(
        None, description="How the money is given, when the document says"
    )
    date: dt.date | None = None
    jurisdiction: str | None = Field(None, alias="jurisdiction.name")
    trends: list[str] = Field(default_factory=list)
    sentence: str
    confidence: float
    status: str = Field(..., description="extracted, confirmed, corrected or rejected")
    recipient_company_id: int | None = Field(None, description="The registry company it matched")
    funding_program_id: int | None = Field(
        None, description="The funding program it names (by its program or its funder)"
    )
    version: int
    extracted: dict[str, Any] = Field(default_factory=dict, description="What the extraction read")
    corrections: list[CorrectionOut] = Field(default_factory=list)

    @staticmethod
    def resolve_funder(obj: Any) -> str | None:
        return obj.funder or None

    @staticmethod
    def resolve_recipient(obj: Any) -> str | None:
        return obj.recipient or None

    @staticmethod
    def resolve_program(obj: Any) -> str | None:
        return obj.program or None

    @staticmethod
    def resolve_instrument(obj: Any) -> str | None:
        return obj.instrument or None

    @staticmethod
    def resolve_trends(obj: Any) -> list[str]:
        return [t.slug for t in obj.trends.all()]

    @staticmethod
    def resolve_corrections(obj: Any) -> list[Any]:
        return list(getattr(obj, "visible_corrections", []))


class DocumentOut(Schema):
    id: int
    title: str
    date: dt.date | None = None
    source: str
    url: str
    jurisdiction: str | None = Field(None, alias="jurisdiction.name")
    kind: str = Field(..., description="news, press_release, policy or report")
    file_name: str
    media_type: str
    content_hash: str
    is_demo: bool
    trends: list[str] = Field(default_factory=list)

    @staticmethod
    def resolve_trends(obj: Any) -> list[str]:
        return [t.slug for t in obj.trends.all()]


class DocumentDetailOut(DocumentOut):
    text: str
    facts: list[FactOut] = Field(default_factory=list)

    @staticmethod
    def resolve_facts(obj: Any) -> list[Any]:
        return list(getattr(obj, "visible_facts", []))


class DocumentIn(CleanText):
    text: str = Field(..., min_length=1, max_length=500_000, description="The document's text")
    title: str = Field("", max_length=300)
    date: dt.date | None = None
    source: str = Field("", max_length=200)
    url: str = Field("", max_length=500)
    jurisdiction: str = Field("", max_length=80, description="e.g. Ontario; blank: from the text")
    kind: str = Field("", max_length=16, description="news, press_release, policy, report or blank")


class CorrectionIn(CleanText):
    version: int = Field(..., ge=1, description="The fact's version you started from")
    note: str = Field("", max_length=300)
    kind: str | None = Field(None, max_length=10)
    funder: str | None = Field(None, max_length=200)
    recipient: str | None = Field(None, max_length=200)
    program: str | None = Field(None, max_length=200)
    amount_cad: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    currency: str | None = Field(None, min_length=3, max_length=3)
    total_value_cad: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    projects: int | None = Field(None, ge=0, le=1_000_000)
    jobs: int | None = Field(None, ge=0, le=10_000_000, description="Jobs created")
    jobs_retained: int | None = Field(None, ge=0, le=10_000_000, description="Existing jobs kept")
    instrument: InstrumentName | Literal[""] | None = Field(
        None, description="grant, loan, tax_credit, equity, guarantee, other; blank: not said"
    )
    date: dt.date | None = None
    jurisdiction: str | None = Field(None, max_length=80)
    trends: list[str] | None = Field(None, max_length=8)


class RejectIn(CleanText):
    note: str = Field("", max_length=300)


class GovernmentOut(Schema):
    jurisdiction: str
    jurisdiction_id: int | None
    facts: int
    investments: int
    policies: int
    amounts: dict[str, float] = Field(..., description="Total per currency (not converted)")
    jobs: int
    documents: int
    by_trend: dict[str, int]
    by_year: dict[str, float] = Field(..., description="Per year, in the main currency")
    main_currency: str
    first: dt.date | None = None
    last: dt.date | None = None


class TrackerOut(Schema):
    facts: int
    years: list[int]
    trends: list[str]
    governments: list[GovernmentOut]
