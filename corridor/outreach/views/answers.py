"""Asks answered: an officer links an announcement to an ask by hand, or confirms or
rejects a link Corridor suggested (``corridor/outreach/answers.py``)."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.history import WEB, change_context
from corridor.intel.models import Document
from corridor.outreach import answers
from corridor.outreach.models import AskResponse, PolicyAsk, ResponseStatus


@login_required
@require_POST
def response_link(request: HttpRequest) -> HttpResponse:
    """Link a document to an ask by hand (from the ask's page or the document's page)."""
    user = request.user
    policy.require_create(user, AskResponse)
    ask_id, document_id = request.POST.get("ask", ""), request.POST.get("document", "")
    if not ask_id.isdigit() or not document_id.isdigit():
        flash.error(request, "Choose an ask and an announcement to link.")
        return _back(request, ask_id, document_id)
    ask = get_object_or_404(policy.visible(user, PolicyAsk), pk=int(ask_id))
    document = get_object_or_404(policy.visible(user, Document), pk=int(document_id))
    try:
        with change_context(user=user, source=WEB, request=request):
            answers.link(user, ask, document, note=request.POST.get("note", "").strip())
    except ValidationError as error:
        flash.error(request, "; ".join(error.messages))
    else:
        flash.success(request, f"“{document.title}” is recorded as an answer to “{ask.title}”.")
    return redirect("ask-detail", pk=ask.pk)


def _back(request: HttpRequest, ask_id: str, document_id: str) -> HttpResponse:
    if document_id.isdigit():
        return redirect("intel-document-detail", pk=int(document_id))
    if ask_id.isdigit():
        return redirect("ask-detail", pk=int(ask_id))
    return redirect("ask-list")


def _decide(request: HttpRequest, pk: int, status: str) -> HttpResponse:
    user = request.user
    response = get_object_or_404(
        policy.visible(user, AskResponse).select_related("ask", "document"), pk=pk
    )
    with change_context(user=user, source=WEB, request=request):
        answers.decide(user, response, status, request.POST.get("note", "").strip())
    if status == ResponseStatus.CONFIRMED:
        flash.success(request, f"Confirmed: “{response.document.title}” answers the ask.")
    else:
        flash.success(request, f"“{response.document.title}” is marked as not an answer.")
    return redirect("ask-detail", pk=response.ask_id)


@login_required
@require_POST
def response_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, ResponseStatus.CONFIRMED)


@login_required
@require_POST
def response_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, ResponseStatus.REJECTED)
