"""The calendar pages (month, week, agenda), the subscription page and the feed itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from corridor.calendars import feeds, schedule
from corridor.calendars.models import CalendarFeed, FeedScope
from corridor.core import calendar_entries, policy

NAV = "calendar"
SCOPES = [(FeedScope.OURS, "My organisation"), (FeedScope.MINE, "My items only"),
          (FeedScope.ALL, "Everything I may see")]  # fmt: skip


def _scope(request: HttpRequest) -> str:
    chosen = request.GET.get("who", "")
    return chosen if chosen in FeedScope.values else FeedScope.OURS


def _common(request: HttpRequest, view: str, scope: str, **extra: Any) -> dict[str, Any]:
    return {
        "nav_current": NAV,
        "calendar_view": view,
        "scope": scope,
        "scopes": SCOPES,
        "labels": calendar_entries.labels(),
        "today": timezone.localdate(),
        **extra,
    }


@login_required
def month(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first = schedule.month_of(request.GET.get("month", ""), today)
    scope = _scope(request)
    weeks, listed = schedule.month_weeks(request.user, first, scope)
    return render(
        request,
        "calendars/month.html",
        _common(
            request, "month", scope,
            first=first, weeks=weeks, listed=listed,
            previous=schedule.previous_month(first), next=schedule.next_month(first),
            weekdays=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                      "Sunday"],
            period_param="month", period_value=f"{first:%Y-%m}",
        ),
    )  # fmt: skip


@login_required
def week(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    day = schedule.day_of(request.GET.get("week", ""), today)
    scope = _scope(request)
    days = schedule.week_days(request.user, day, scope)
    monday = days[0].date
    return render(
        request,
        "calendars/week.html",
        _common(
            request, "week", scope,
            days=days, monday=monday, sunday=days[-1].date,
            previous=monday - dt.timedelta(days=7), next=monday + dt.timedelta(days=7),
            period_param="week", period_value=monday.isoformat(),
        ),
    )  # fmt: skip


@login_required
def agenda(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = schedule.day_of(request.GET.get("from", ""), today)
    scope = _scope(request)
    last = start + dt.timedelta(days=schedule.AGENDA_DAYS - 1)
    return render(
        request,
        "calendars/agenda.html",
        _common(
            request, "agenda", scope,
            days=schedule.agenda(request.user, start, scope), start=start, last=last,
            previous=start - dt.timedelta(days=schedule.AGENDA_DAYS),
            next=start + dt.timedelta(days=schedule.AGENDA_DAYS),
            period_param="from", period_value=start.isoformat(),
        ),
    )  # fmt: skip


def _subscribe_page(request: HttpRequest, address: str | None = None) -> HttpResponse:
    feed = policy.visible(request.user, CalendarFeed).first()
    return render(
        request,
        "calendars/subscribe.html",
        _common(
            request,
            "subscribe",
            FeedScope.OURS,
            feed=feed,
            address=address,
            feed_scopes=FeedScope.choices,
        ),
    )


@login_required
@require_GET
def subscribe(request: HttpRequest) -> HttpResponse:
    """The "Subscribe in Outlook / Google Calendar" page: make, replace or stop the feed."""
    return _subscribe_page(request)


@login_required
@require_POST
def subscribe_new(request: HttpRequest) -> HttpResponse:
    """A new address, shown on this one answer only (Corridor keeps only its digest)."""
    _, secret = feeds.issue(request.user, request.POST.get("scope", FeedScope.OURS))
    address = request.build_absolute_uri(reverse("calendar-feed", args=[secret]))
    return _subscribe_page(request, address)


@login_required
@require_POST
def subscribe_stop(request: HttpRequest) -> HttpResponse:
    if feeds.stop(request.user):
        messages.success(request, "Your calendar address no longer works.")
    return redirect("calendar-subscribe")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar feed: no session, the address is the key."""
    found = feeds.feed_for(token)
    if found is None:
        raise Http404("No such calendar.")
    body = feeds.ics(found, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="corridor.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
