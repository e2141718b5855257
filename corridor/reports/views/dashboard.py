"""The reports dashboard (coordinator, municipality, partner) and the mayors' briefing:
built in the background worker from the dashboard's button (the job's page links to the
finished PDF), or at once by ``briefing.pdf`` (for scripts and bookmarks)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.calls.aggregates import Quarter, last_quarters
from corridor.core import metrics, policy
from corridor.core.models import Municipality
from corridor.jobs import services as jobs
from corridor.reports import briefing, briefing_files, tasks
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
    with metrics.session():  # each figure of the page computed once
        return _reports_dashboard(request)


def _reports_dashboard(request: HttpRequest) -> HttpResponse:
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


def _require_briefing_reader(request: HttpRequest) -> None:
    if not policy.actor_for(request.user).is_participant:
        raise PermissionDenied("The mayors' briefing is for the member municipalities.")


@login_required
@require_POST
def briefing_build(request: HttpRequest) -> HttpResponse:
    """Start building the briefing the dashboard shows (the same quarter and place) in
    the background; the job's page follows it and links to the PDF."""
    _require_briefing_reader(request)
    quarter = _quarter_posted(request)
    place = _place_posted(request)
    where = place.name if place else "the region"
    job = jobs.start(
        tasks.build_briefing,
        briefing_files.new_token(),
        request.user.pk,
        quarter_slug(quarter),
        place.pk if place else None,
        user=request.user,
        label=f"Mayors' briefing {quarter}, {where}",
    )
    return redirect(job)


def _quarter_posted(request: HttpRequest) -> Quarter:
    try:
        return parse_quarter(request.POST.get("quarter", ""))
    except BadQuarter as error:
        raise Http404(str(error)) from error


def _place_posted(request: HttpRequest) -> Municipality | None:
    """As ``_place``, from the form: only the coordinator chooses a municipality."""
    if not policy.actor_for(request.user).is_coordinator:
        return own_municipality(request.user)
    pk = request.POST.get("municipality", "")
    if not pk:
        return None
    place = (
        policy.visible(request.user, Municipality).filter(pk=pk).first() if pk.isdigit() else None
    )
    if place is None:
        raise Http404("No such municipality.")
    return place


@login_required
def briefing_file(request: HttpRequest, token: str) -> FileResponse:
    """A briefing built in the background, for whoever may read it
    (``briefing_files.may_download``); anyone else is told it is not there."""
    stored = briefing_files.load(token)
    if stored is None or not briefing_files.may_download(request.user, stored):
        raise Http404("No such briefing.")
    return FileResponse(
        briefing_files.pdf_path(token).open("rb"),
        as_attachment=True,
        filename=stored.file_name,
        content_type="application/pdf",
    )


@login_required
def briefing_pdf(request: HttpRequest) -> HttpResponse:
    """The mayors' quarterly briefing for the region (coordinator) or one's municipality,
    built in the request."""
    _require_briefing_reader(request)
    quarter = _quarter(request)
    place = _place(request)
    pdf = briefing.render(request.user, quarter, place, today=timezone.localdate())
    where = "-" + place.name.lower().replace(" ", "-") if place else ""
    name = f"briefing-{quarter_slug(quarter)}{where}"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
