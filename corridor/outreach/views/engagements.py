"""Engagements: the calendar, an engagement's page (participants, messages, outcomes,
follow-ups) and the form that plans or edits one."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.core.models import Organisation
from corridor.core.services import update_versioned
from corridor.outreach import services
from corridor.outreach.forms import CompleteForm, EngagementForm, FollowUpForm, ParticipantForm
from corridor.outreach.models import (
    Contact,
    Engagement,
    EngagementFollowUp,
    EngagementKind,
    Message,
    Participant,
    PolicyAsk,
)
from corridor.outreach.views.common import own_organisations, section


def _month(request: HttpRequest) -> dt.date:
    raw = request.GET.get("month") or ""
    try:
        return dt.datetime.strptime(raw, "%Y-%m").date()
    except ValueError:
        return timezone.localdate().replace(day=1)


@login_required
def engagement_calendar(request: HttpRequest) -> HttpResponse:
    """The month's engagements as a calendar grid, and the same as a list."""
    user = request.user
    month = _month(request)
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    qs = policy.visible(user, Engagement).select_related("organisation", "head_office")
    kind = request.GET.get("kind") or ""
    if kind in EngagementKind.values:
        qs = qs.filter(kind=kind)
    else:
        kind = ""
    in_month = list(
        qs.filter(starts_on__gte=month, starts_on__lte=last).order_by("starts_on", "pk")
    )
    by_day: dict[int, list[Engagement]] = {}
    for e in in_month:
        by_day.setdefault(e.starts_on.day, []).append(e)
    weeks = [
        [(d, by_day.get(d, []) if d else []) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(month.year, month.month)
    ]
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = last + dt.timedelta(days=1)
    upcoming = list(qs.filter(starts_on__gt=last).order_by("starts_on", "pk")[:10])
    return render(
        request,
        "outreach/calendar.html",
        {
            "month": month,
            "weeks": weeks,
            "engagements": in_month,
            "upcoming": upcoming,
            "previous": previous,
            "following": following,
            "kind": kind,
            "kinds": EngagementKind.choices,
            "can_create": policy.can_create(user, Engagement),
            **section("calendar"),
        },
    )


def _engagement(user: Any, pk: int) -> Engagement:
    engagement: Engagement = get_object_or_404(
        policy.visible(user, Engagement).select_related("organisation", "head_office", "tour"),
        pk=pk,
    )
    return engagement


def _participant_form(user: Any, data: Any = None) -> ParticipantForm:
    return ParticipantForm(
        data,
        organisations=policy.visible(user, Organisation).order_by("name"),
        contacts=policy.visible(user, Contact).order_by("name"),  # none for partners
        prefix="p",
    )


def _follow_up_form(user: Any, data: Any = None) -> FollowUpForm:
    return FollowUpForm(
        data, organisations=policy.visible(user, Organisation).order_by("name"), prefix="f"
    )


@login_required
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    engagement = _engagement(user, pk)
    may_change = policy.can_change(user, engagement)
    follow_ups = (
        list(
            policy.visible(user, EngagementFollowUp)
            .filter(engagement=engagement)
            .select_related("owner_organisation", "owner")
        )
        if policy.can_view(user, EngagementFollowUp)
        else []
    )
    today = timezone.localdate()
    return render(
        request,
        "outreach/engagement_detail.html",
        {
            "engagement": engagement,
            "participants": policy.visible(user, Participant)
            .filter(engagement=engagement)
            .select_related("organisation", "contact"),
            "messages_delivered": policy.visible(user, Message).filter(engagements=engagement),
            "asks": policy.visible(user, PolicyAsk).filter(engagements=engagement),
            "follow_ups": [
                (
                    f,
                    f.is_overdue(today),
                    policy.can_change(user, f),
                    CompleteForm(prefix=f"c{f.pk}"),
                )
                for f in follow_ups
            ],
            "can_change": may_change,
            "participant_form": _participant_form(user) if may_change else None,
            "follow_up_form": _follow_up_form(user) if may_change else None,
            "sees_directory": policy.can_view(user, Contact),
            **section("calendar"),
        },
    )


@login_required
def engagement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    engagement: Engagement | None = None
    if pk is not None:
        engagement = _engagement(user, pk)
        policy.require_change(user, engagement)
    else:
        policy.require_create(user, Engagement)
    library = policy.visible(user, Message).order_by("theme", "position", "pk")
    initial: dict[str, Any] = {}
    if engagement is not None:
        initial = {
            f: getattr(engagement, f)
            for f in (
                "kind",
                "title",
                "starts_on",
                "ends_on",
                "location",
                "status",
                "agenda",
                "press_coverage",
                "outcomes",
                "shared",
            )
        }
        initial["organisation"] = engagement.organisation_id
        initial["loaded_version"] = engagement.version
        initial["messages"] = list(library.filter(engagements=engagement))
    else:
        initial["kind"] = request.GET.get("kind") or EngagementKind.EVENT
        own = own_organisations(user).first()
        if own is not None:
            initial["organisation"] = own.pk
    form = EngagementForm(
        request.POST or None,
        initial=initial,
        organisations=own_organisations(user),
        messages=library,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = data.pop("messages")
        loaded = data.pop("loaded_version")
        with refusals_shown_on(form):
            if engagement is None:
                engagement = services.create_engagement(user, messages=list(chosen), **data)
                flash.success(request, f"Planned “{engagement.title}”.")
            else:
                # a form posted without its version (0) conflicts rather than overwrites
                update_versioned(user, engagement, data, loaded or 0)
                services.set_links(user, engagement, messages=chosen)
                flash.success(request, f"Saved “{engagement.title}”.")
        if not form.errors:
            return redirect("engagement-detail", pk=engagement.pk)
    return render(
        request,
        "outreach/engagement_edit.html",
        {"form": form, "engagement": engagement, **section("calendar")},
    )


@login_required
@require_POST
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    engagement = _engagement(user, pk)
    policy.require_change(user, engagement)
    form = _participant_form(user, request.POST)
    if form.is_valid():
        try:
            p = services.add_participant(user, engagement, **form.cleaned_data)
            flash.success(request, f"Added {p.label}.")
        except ValidationError as error:
            flash.error(request, "The participant was not added: " + " ".join(error.messages))
    else:
        flash.error(request, "The participant was not added: choose a role and name someone.")
    return redirect("engagement-detail", pk=engagement.pk)


@login_required
@require_POST
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    engagement = _engagement(user, pk)
    policy.require_change(user, engagement)
    form = _follow_up_form(user, request.POST)
    if form.is_valid():
        try:
            services.add_follow_up(user, engagement, **form.cleaned_data)
            flash.success(request, "Follow-up added.")
        except ValidationError as error:
            flash.error(request, "The follow-up was not added: " + " ".join(error.messages))
    else:
        flash.error(request, "The follow-up was not added: say what, who and by when.")
    return redirect("engagement-detail", pk=engagement.pk)


@login_required
@require_POST
def follow_up_complete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    follow_up = get_object_or_404(
        policy.visible(user, EngagementFollowUp).select_related("engagement"), pk=pk
    )
    form = CompleteForm(request.POST, prefix=f"c{follow_up.pk}")
    outcome = form.cleaned_data["outcome"] if form.is_valid() else ""
    try:
        services.complete_follow_up(user, follow_up, outcome)
        flash.success(request, "Follow-up done.")
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    return redirect("engagement-detail", pk=follow_up.engagement_id)
