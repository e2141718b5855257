"""The reports dashboard (coordinator, municipality, partner) and the briefing download."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from corridor.calls.aggregates import Quarter, last_quarters
from corridor.core import policy
from corridor.core.models import Municipality
from corridor.reports import briefing
from corridor.reports.dashboards import (
    BadQuarter,
    build,
    own_municipality,
    parse_quarter,
    quarter_slug,
    shared,
)


def _quarter(request: HttpRequest) -> Quarter:
    text = request.GET.get("quarter", "")
    if not text:
        return Quarter.of(timezone.localdate())
    try:
        return parse_quarter(text)
    except BadQuarter as error:
        raise Http404(str(error)) from error


def _place(request: HttpRequest) -> Municipality | None:
    """The coordinator's municipality filter; a municipal reader always sees their own."""
    user = request.user
    if not policy.actor_for(user).is_coordinator:
        return own_municipality(user)
    pk = request.GET.get("municipality", "")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404("No such municipality.")
    place = policy.visible(user, Municipality).filter(pk=int(pk)).first()
    if place is None:
        raise Http404("No such municipality.")
    return place


def _chart(labels: list[str], values: list[Any], label: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "bar",
        "labels": labels,
        "datasets": [{"label": label, "data": values}],
        **extra,
    }


@login_required
def reports_dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    actor = policy.actor_for(user)
    quarter = _quarter(request)
    today = timezone.localdate()
    context: dict[str, Any] = {
        "quarter": quarter,
        "quarter_slug": quarter_slug(quarter),
        "quarters": [(quarter_slug(q), str(q)) for q in reversed(last_quarters(8, today))],
    }
    if actor.is_partner:
        context["shared"] = shared(quarter)
        context["board"] = build(user, quarter, None, today=today, suppressed=True)
        return render(request, "reports/partner.html", context)
    place = _place(request)
    board = build(user, quarter, place, today=today)
    context.update(
        board=board,
        place=place,
        is_coordinator=actor.is_coordinator,
        municipalities=list(policy.visible(user, Municipality).order_by("name"))
        if actor.is_coordinator
        else [],
        age_chart=_chart(
            [label for label, _ in board.red_flags_by_age],
            [n for _, n in board.red_flags_by_age],
            "Open red flags",
        ),
        calls_chart=_chart(
            [name for name, _ in board.calls_by_municipality],
            [n for _, n in board.calls_by_municipality],
            "Calls completed",
            horizontal=True,
        ),
    )
    return render(request, "reports/dashboard.html", context)


@login_required
def briefing_pdf(request: HttpRequest) -> HttpResponse:
    """The mayors' quarterly briefing for the region (coordinator) or one's municipality."""
    actor = policy.actor_for(request.user)
    if not actor.is_participant:
        raise PermissionDenied("The mayors' briefing is for the member municipalities.")
    quarter = _quarter(request)
    place = _place(request)
    pdf = briefing.render(request.user, quarter, place, today=timezone.localdate())
    where = "-" + place.name.lower().replace(" ", "-") if place else ""
    name = f"briefing-{quarter_slug(quarter)}{where}"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
