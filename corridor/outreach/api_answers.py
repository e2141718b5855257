"""API of asks answered: the government announcements linked to an ask of the common
agenda (suggested by Corridor, confirmed or rejected by an officer), and linking one by
hand. Reads go through the access policy; writes through ``answers``."""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.history import API, change_context
from corridor.core.schemas import CleanText
from corridor.intel.models import Document, Fact
from corridor.outreach import answers
from corridor.outreach.models import AskResponse, PolicyAsk, ResponseStatus

router = Router(tags=["outreach"])


class AskResponseOut(Schema):
    id: int
    ask_id: int
    document_id: int
    document_title: str
    government: str | None
    date: dt.date | None
    fact_id: int | None
    commitment: str
    status: str
    score: float
    note: str


class AskResponseIn(CleanText):
    document_id: int = Field(..., ge=1, le=MAX_ID, description="The announcement that answers")
    fact_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Its fact that holds the commitment"
    )
    note: str = Field("", max_length=300)


class ResponseFilter(Schema):
    status: Literal["suggested", "confirmed", "rejected"] | None = None


def response_out(r: AskResponse) -> dict[str, Any]:
    d = r.document
    return {
        "id": r.pk,
        "ask_id": r.ask_id,
        "document_id": d.pk,
        "document_title": d.title,
        "government": str(d.jurisdiction) if d.jurisdiction_id else None,
        "date": d.date,
        "fact_id": r.fact_id,
        "commitment": answers.commitment(r),
        "status": r.status,
        "score": r.score,
        "note": r.note,
    }


def _response(request: HttpRequest, response_id: int) -> AskResponse:
    found: AskResponse = get_object_or_404(answers.responses(request.user), pk=response_id)
    return found


@router.get(
    "/asks/{ask_id}/responses",
    response={200: list[AskResponseOut], **ERRORS},
    summary="The announcements linked to an ask: governments' answers and Corridor's suggestions",
)
@paginate(PageNumber)
def list_responses(request: HttpRequest, ask_id: int, filters: Query[ResponseFilter]):
    ask = get_object_or_404(policy.visible(request.user, PolicyAsk), pk=ask_id)
    qs = answers.responses(request.user, [ask.pk], status=filters.status or "")
    return [response_out(r) for r in qs]


@router.post(
    "/asks/{ask_id}/responses",
    response={201: AskResponseOut, **ERRORS},
    summary="Link an announcement to the ask by hand (recorded as confirmed)",
)
def link_response(request: HttpRequest, ask_id: int, payload: AskResponseIn) -> Status[Any]:
    policy.require_create(request.user, AskResponse)
    ask = get_object_or_404(policy.visible(request.user, PolicyAsk), pk=ask_id)
    document = referenced(request, Document, payload.document_id, "document_id")
    fact = referenced(request, Fact, payload.fact_id, "fact_id")
    with change_context(user=request.user, source=API, request=request):
        response = answers.link(request.user, ask, document, fact=fact, note=payload.note)
    return Status(201, response_out(_response(request, response.pk)))


def _decide(request: HttpRequest, response_id: int, status: str) -> dict[str, Any]:
    response = _response(request, response_id)
    with change_context(user=request.user, source=API, request=request):
        answers.decide(request.user, response, status)
    return response_out(response)


@router.post(
    "/ask-responses/{response_id}/confirm",
    response={200: AskResponseOut, **ERRORS},
    summary="Confirm that the announcement answers the ask",
)
def confirm_response(request: HttpRequest, response_id: int) -> dict[str, Any]:
    return _decide(request, response_id, ResponseStatus.CONFIRMED)


@router.post(
    "/ask-responses/{response_id}/reject",
    response={200: AskResponseOut, **ERRORS},
    summary="Mark the announcement as not an answer to the ask",
)
def reject_response(request: HttpRequest, response_id: int) -> dict[str, Any]:
    return _decide(request, response_id, ResponseStatus.REJECTED)
