"""API of intelligence: documents, facts with their corrections, and the tracker.

Everyone signed in reads; officers (editors of member municipalities) and the
coordinator add documents and check facts; only the coordinator deletes a document.
Every endpoint reads through the access policy and acts through ``ingesting`` and
``fact_records``, as the pages do."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.core import policy
from corridor.core.filtersets import MAX_ID, ObjectId
from corridor.intel import fact_records, search
from corridor.intel import tracker as tracking
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import (
    Document,
    DocumentKind,
    Fact,
    FactCorrection,
    FactStatus,
    Jurisdiction,
    TrendTag,
)
from corridor.intel.readers import UnreadableDocument
from corridor.intel.schemas import (
    CorrectionIn,
    DocumentDetailOut,
    DocumentIn,
    DocumentOut,
    FactOut,
    RejectIn,
    TrackerOut,
)

router = Router(tags=["intelligence"])


class DocumentFilter(Schema):
    q: str | None = Field(None, max_length=200, description="Words in the text (all of them)")
    jurisdiction: int | None = Field(None, ge=1, le=MAX_ID)
    kind: str | None = Field(None, max_length=16, description="news, press_release, policy, report")
    trend: str | None = Field(None, max_length=40)


class FactFilter(Schema):
    document: int | None = Field(None, ge=1, le=MAX_ID)
    jurisdiction: int | None = Field(None, ge=1, le=MAX_ID)
    status: str | None = Field(
        None, max_length=10, description="extracted, confirmed, corrected, rejected"
    )
    kind: str | None = Field(None, max_length=10, description="investment or policy")
    trend: str | None = Field(None, max_length=40)


class TrackerFilter(Schema):
    jurisdiction: list[ObjectId] = Field(default_factory=list, max_length=12)
    year_from: int | None = Field(None, ge=1900, le=2100)
    year_to: int | None = Field(None, ge=1900, le=2100)
    checked_only: bool = False


def _facts(request: HttpRequest) -> Any:
    corrections = (
        policy.visible(request.user, FactCorrection).select_related("corrected_by").order_by("pk")
    )
    return (
        policy.visible(request.user, Fact)
        .select_related("jurisdiction")
        .prefetch_related(
            tracking.with_trends(request.user),
            Prefetch("corrections", queryset=corrections, to_attr="visible_corrections"),
        )
    )


def _document(request: HttpRequest, document_id: int) -> Document:
    qs = (
        policy.visible(request.user, Document)
        .select_related("jurisdiction")
        .prefetch_related(
            tracking.with_trends(request.user),
            Prefetch(
                "facts", queryset=_facts(request).order_by("position"), to_attr="visible_facts"
            ),
        )
    )
    document: Document = get_object_or_404(qs, pk=document_id)
    return document


def _fact(request: HttpRequest, fact_id: int) -> Fact:
    fact: Fact = get_object_or_404(_facts(request), pk=fact_id)
    return fact


@router.get(
    "/intel/documents",
    response={200: list[DocumentOut], **LIST_ERRORS},
    summary="Documents (full-text search with q)",
)
@paginate(PageNumber)
def list_documents(request: HttpRequest, filters: Query[DocumentFilter]):
    qs = (
        policy.visible(request.user, Document)
        .select_related("jurisdiction")
        .prefetch_related(tracking.with_trends(request.user))
    )
    if filters.jurisdiction is not None:
        qs = qs.filter(jurisdiction_id=filters.jurisdiction)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.trend:
        qs = qs.filter(trends__slug=filters.trend)
    return search.search(qs, filters.q) if filters.q else qs.order_by("-date", "-pk")


@router.post(
    "/intel/documents",
    response={201: DocumentDetailOut, 200: DocumentDetailOut, **WRITE_ERRORS},
    summary="Add a document's text and read its facts (officers and the coordinator)",
)
def create_document(request: HttpRequest, payload: DocumentIn) -> Status[Document]:
    user = request.user
    policy.require_create(user, Document)
    if payload.kind and payload.kind not in DocumentKind.values:
        raise ValidationError({"kind": "news, press_release, policy or report."})
    if (
        payload.jurisdiction
        and not policy.visible(user, Jurisdiction)
        .filter(name__iexact=payload.jurisdiction)
        .exists()
    ):
        raise ValidationError({"jurisdiction": f"Unknown government '{payload.jurisdiction}'."})
    meta = Metadata(
        title=payload.title, date=payload.date, source=payload.source, url=payload.url,
        jurisdiction=payload.jurisdiction, kind=payload.kind,
    )  # fmt: skip
    try:
        document, new = ingest_bytes(
            user, (payload.title or "document") + ".txt", payload.text.encode("utf-8"), meta
        )
    except UnreadableDocument as exc:
        raise ValidationError({"text": str(exc)}) from exc
    return Status(201 if new else 200, _document(request, document.pk))


@router.get(
    "/intel/documents/{document_id}",
    response={200: DocumentDetailOut, **ERRORS},
    summary="A document with its text and facts",
)
def get_document(request: HttpRequest, document_id: int) -> Document:
    return _document(request, document_id)


@router.get(
    "/intel/facts",
    response={200: list[FactOut], **LIST_ERRORS},
    summary="Facts with their corrections",
)
@paginate(PageNumber)
def list_facts(request: HttpRequest, filters: Query[FactFilter]):
    qs = _facts(request)
    if filters.document is not None:
        qs = qs.filter(document_id=filters.document)
    if filters.jurisdiction is not None:
        qs = qs.filter(jurisdiction_id=filters.jurisdiction)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.trend:
        qs = qs.filter(trends__slug=filters.trend)
    return qs.order_by("-date", "pk")


@router.get(
    "/intel/facts/{fact_id}",
    response={200: FactOut, **ERRORS},
    summary="A fact with its corrections",
)
def get_fact(request: HttpRequest, fact_id: int) -> Fact:
    return _fact(request, fact_id)


@router.post(
    "/intel/facts/{fact_id}/confirm",
    response={200: FactOut, **WRITE_ERRORS},
    summary="Confirm a fact (officers and the coordinator)",
)
def confirm_fact(request: HttpRequest, fact_id: int) -> Fact:
    fact_records.confirm(request.user, _fact(request, fact_id))
    return _fact(request, fact_id)


@router.post(
    "/intel/facts/{fact_id}/reject",
    response={200: FactOut, **WRITE_ERRORS},
    summary="Reject a fact: not an investment (officers and the coordinator)",
)
def reject_fact(request: HttpRequest, fact_id: int, payload: RejectIn) -> Fact:
    fact_records.reject(request.user, _fact(request, fact_id), payload.note)
    return _fact(request, fact_id)


@router.post(
    "/intel/facts/{fact_id}/correct",
    response={200: FactOut, **WRITE_ERRORS},
    summary="Correct a fact's fields; each change is kept as a correction",
)
def correct_fact(request: HttpRequest, fact_id: int, payload: CorrectionIn) -> Fact:
    user = request.user
    fact = _fact(request, fact_id)
    policy.require_change(user, fact)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    note = data.pop("note", "")
    slugs = data.pop("trends", None)
    trends = None
    if slugs is not None:
        trends = list(policy.visible(user, TrendTag).filter(slug__in=slugs))
        if len(trends) != len(set(slugs)):
            raise ValidationError({"trends": "Unknown trend."})
    if "jurisdiction" in data:
        name = data["jurisdiction"]
        found = (
            policy.visible(user, Jurisdiction).filter(name__iexact=name).first() if name else None
        )
        if name and found is None:
            raise ValidationError({"jurisdiction": f"Unknown government '{name}'."})
        data["jurisdiction"] = found
    for text_field in ("funder", "recipient", "program", "instrument"):
        if text_field in data and data[text_field] is None:
            data[text_field] = ""
    if data.get("currency"):
        data["currency"] = data["currency"].upper()
    elif "currency" in data:
        raise ValidationError({"currency": "Three letters, such as CAD or USD."})
    if "kind" in data and data["kind"] is None:
        raise ValidationError({"kind": "Investment or policy."})
    fact_records.correct(user, fact, data, version, note, trends)
    return _fact(request, fact_id)


@router.get(
    "/intel/tracker",
    response={200: TrackerOut, **LIST_ERRORS},
    summary="What each government announced: totals, trends, years",
)
def get_tracker(request: HttpRequest, filters: Query[TrackerFilter]) -> dict[str, Any]:
    result = tracking.build_tracker(
        request.user, jurisdiction_ids=filters.jurisdiction, year_from=filters.year_from,
        year_to=filters.year_to, checked_only=filters.checked_only,
    )  # fmt: skip
    return {
        "facts": result.facts,
        "years": result.years,
        "trends": [t.slug for t in result.trends],
        "governments": [
            {
                "jurisdiction": row.name,
                "jurisdiction_id": row.jurisdiction_id,
                "facts": row.facts,
                "investments": row.investments,
                "policies": row.policies,
                "amounts": row.amounts,
                "jobs": row.jobs,
                "documents": len(row.documents),
                "by_trend": row.by_trend,
                "by_year": {str(y): v for y, v in row.by_year.items()},
                "main_currency": row.currency,
                "first": row.first,
                "last": row.last,
            }
            for row in result.rows
        ],
    }


__all__ = ["FactStatus", "router"]
