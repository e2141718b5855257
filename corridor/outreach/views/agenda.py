"""The messaging library with live figures, one-page briefs, the policy agenda with its
endorsements, and the generated common agenda document."""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_refusal
from corridor.outreach import agenda, answers, evidence, exports, services
from corridor.outreach.documents import agenda_document, message_brief
from corridor.outreach.forms import EndorsementForm
from corridor.outreach.models import (
    AGENDA_STATUSES,
    AskResponse,
    AskTheme,
    Endorsement,
    Message,
    PolicyAsk,
    ResponseStatus,
)
from corridor.outreach.views.common import (
    document_response,
    own_organisations,
    section,
)
from corridor.outreach.views.records import links


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    themes: dict[str, list[tuple[Message, list[evidence.Figure]]]] = {}
    snapshot = evidence.Snapshot(user)
    for m in policy.visible(user, Message).order_by("theme", "position", "pk"):
        themes.setdefault(m.get_theme_display(), []).append((m, snapshot.figures(m.evidence)))
    return render(
        request,
        "outreach/message_list.html",
        {
            "themes": themes,
            "all_figures": snapshot.figures(),
            **links(user, Message),
            **section("messages"),
        },
    )


@login_required
def message_brief_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    message = get_object_or_404(policy.visible(user, Message), pk=pk)
    return document_response(
        request,
        message_brief(user, message),
        (reverse("message-list"), "Messaging library"),
        "messages",
    )


def _theme_chart(common: agenda.CommonAgenda) -> dict[str, Any]:
    return {
        "type": "bar",
        "labels": [line.ask.title for line in common.lines],
        "datasets": [
            {
                "label": "Municipalities behind the ask",
                "data": [line.support for line in common.lines],
            }
        ],
        "horizontal": True,
        "stacked": False,
    }


@login_required
def ask_list(request: HttpRequest) -> HttpResponse:
    """The policy agenda: every ask with its status, owner and support."""
    user = request.user
    qs = policy.visible(user, PolicyAsk).select_related("owner")
    theme = request.GET.get("theme") or ""
    if theme in AskTheme.values:
        qs = qs.filter(theme=theme)
    else:
        theme = ""
    responded = answers.confirmed_by_ask(user)
    answered = request.GET.get("answered") == "1"
    if answered:
        qs = qs.filter(pk__in=list(responded))
    counts = agenda.endorsement_counts(user)
    common = agenda.common_agenda(user, with_figures=False)
    asks = [(a, counts.get(a.pk, 0)) for a in qs.order_by("theme", "title", "pk")]
    lines = exports.ask_lines(asks, common.municipalities)
    exported = export(request, "policy-asks", exports.ASK_HEADER, lines)
    if exported is not None:
        return exported
    return render(
        request,
        "outreach/ask_list.html",
        {
            "asks": [(a, n, answers.governments(responded.get(a.pk, []))) for a, n in asks],
            "answered": answered,
            "municipalities": common.municipalities,
            "theme": theme,
            "themes": AskTheme.choices,
            "chart": _theme_chart(common),
            "common": common,
            **links(user, PolicyAsk),
            **section("agenda"),
            **export_links(request),
        },
    )


def _endorsement_form(user: Any, data: Any = None) -> EndorsementForm:
    return EndorsementForm(data, organisations=own_organisations(user, municipalities_only=True))


@login_required
def ask_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    ask = get_object_or_404(policy.visible(user, PolicyAsk).select_related("owner"), pk=pk)
    endorsements = list(
        policy.visible(user, Endorsement)
        .filter(ask=ask)
        .select_related("organisation")
        .order_by("resolved_on", "pk")
    )
    if request.method == "POST":
        policy.require_create(user, Endorsement)
    form = None
    if request.method == "POST" or (
        ask.status in AGENDA_STATUSES and policy.can_create(user, Endorsement)
    ):
        form = _endorsement_form(user, request.POST or None)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            e = services.endorse(user, ask, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            flash.success(request, f"{e.organisation.label} endorses “{ask.title}”.")
            return redirect("ask-detail", pk=ask.pk)
    return render(
        request,
        "outreach/ask_detail.html",
        {
            "ask": ask,
            "endorsements": [(e, policy.can_delete(user, e)) for e in endorsements],
            "support": agenda.endorsement_counts(user).get(ask.pk, 0),
            "municipalities": agenda.member_municipalities(user),
            "figures": evidence.figures(user, ask.evidence),
            "form": form,
            "can_change": policy.can_change(user, ask),
            **_responses(user, ask),
            **section("agenda"),
        },
    )


def _responses(user: Any, ask: PolicyAsk) -> dict[str, Any]:
    """The announcements linked to the ask: confirmed, suggested, rejected; what may be done."""
    found: dict[str, list[Any]] = {s: [] for s in ResponseStatus.values}
    for response in answers.responses(user, [ask.pk]):
        found[response.status].append((response, answers.commitment(response)))
    may_decide = policy.can_create(user, AskResponse)
    return {
        "confirmed": found[ResponseStatus.CONFIRMED],
        "suggested": found[ResponseStatus.SUGGESTED],
        "rejected": found[ResponseStatus.REJECTED],
        "may_decide": may_decide,
        "linkable": list(answers.government_documents(user)) if may_decide else [],
        "threshold": answers.THRESHOLD,
    }


@login_required
@require_POST
def endorsement_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    endorsement = get_object_or_404(
        policy.visible(user, Endorsement).select_related("ask", "organisation"), pk=pk
    )
    services.withdraw_endorsement(user, endorsement)
    flash.success(request, f"{endorsement.organisation.label} no longer endorses the ask.")
    return redirect("ask-detail", pk=endorsement.ask_id)


@login_required
def common_agenda_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    document = agenda_document(user, agenda.common_agenda(user))
    return document_response(request, document, (reverse("ask-list"), "Policy agenda"), "agenda")
