"""The coordinator's dashboard of the calling program, and the overview everyone may read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from corridor.calls.aggregates import Quarter, last_quarters
from corridor.calls.campaigns import coverage
from corridor.calls.forms_work import section
from corridor.calls.models import (
    Approval,
    Call,
    CallStatus,
    Campaign,
    FollowUp,
    FollowUpStatus,
)
from corridor.core import metrics, policy
from corridor.core.disclosure import MINIMUM
from corridor.core.metrics import Period
from corridor.core.models import Organisation
from corridor.core.views.common import map_point
from corridor.registry.models import Facility

CALLED_COLOUR = "#1e6b34"  # filled, larger: called in the last 12 months
NOT_CALLED_COLOUR = "#ffffff"  # hollow, smaller: not called
YEAR = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int | None  # None: suppressed
    percent: int  # of the largest value, for the bar's length
    shown: str  # the value in words ("12", "fewer than 5")


def bars(items: Iterable[tuple[str, Any]]) -> list[Bar]:
    """Bars for (label, count or Cell) pairs, scaled to the largest count."""
    rows = [(label, getattr(v, "value", v)) for label, v in items]
    top = max((v for _, v in rows if v), default=0)
    return [
        Bar(
            label,
            value,
            round(100 * value / top) if top and value else 0,
            f"{value:,}" if value is not None else f"fewer than {MINIMUM}",
        )
        for label, value in rows
    ]


@login_required
def coordinator_dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not policy.actor_for(user).is_coordinator:
        raise PermissionDenied("The calling program's dashboard is for the coordinator office.")
    with metrics.session():  # each figure of the page computed once (calls/metrics.py)
        return _coordinator_dashboard(request, user)


def _coordinator_dashboard(request: HttpRequest, user: Any) -> HttpResponse:
    today = timezone.localdate()
    quarter = Quarter.of(today)
    this_quarter = Period(quarter.starts_on, quarter.ends_on)

    # "called in the last 12 months": from the same day a year ago to today
    called = metrics.raw("calls.facilities_called", user, Period(today - YEAR, today))
    facilities = policy.visible(user, Facility).select_related("municipality")
    mapped = facilities.filter(latitude__isnull=False, longitude__isnull=False).order_by("name")
    points = []
    for f in mapped:
        was_called = f.pk in called
        point = map_point(
            f.latitude,
            f.longitude,
            f.name,
            reverse("facility-detail", args=[f.pk]),
            "Called in the last 12 months" if was_called else "Not called in the last 12 months",
        )
        point.update(
            colour=CALLED_COLOUR if was_called else NOT_CALLED_COLOUR,
            radius=8 if was_called else 5,
            called=was_called,
            where=f.municipality.name if f.municipality_id and f.municipality else f.city,
        )
        points.append(point)
    facility_count = metrics.value("registry.facilities", user, full=True).value
    called_mapped = sum(1 for p in points if p["called"])

    pending = list(
        policy.visible(user, Call)
        .filter(status=CallStatus.PLANNED, approval=Approval.PENDING)
        .select_related("facility", "organisation")
        .order_by("scheduled_on", "pk")
    )

    by_age = metrics.raw("calls.red_flags_by_age", user, Period(as_of=today))
    age_bars = bars(by_age)

    overdue = [
        (f, (today - f.due_on).days)
        for f in policy.visible(user, FollowUp)
        .filter(status=FollowUpStatus.OPEN, due_on__lt=today)
        .select_related("facility", "owner_organisation", "owner")
        .order_by("due_on", "pk")
    ]

    issues = bars(metrics.value("calls.issues_raised", None, this_quarter, full=True))

    per_org = metrics.raw("calls.completed_by_organisation", user, this_quarter)
    names = {o.pk: o.label for o in policy.visible(user, Organisation).filter(pk__in=list(per_org))}
    calls_by_org = bars(
        sorted(
            ((names.get(pk, "Unknown"), n) for pk, n in per_org.items()),
            key=lambda item: (-item[1], item[0]),
        )
    )

    running = [
        (c, *coverage(c))
        for c in policy.visible(user, Campaign)
        .filter(starts_on__lte=today, ends_on__gte=today)
        .order_by("ends_on", "name")
    ]
    return render(
        request,
        "calls/dashboard.html",
        {
            "today": today,
            "quarter": quarter,
            "points": points,
            "facility_count": facility_count,
            "mapped_count": len(points),
            "called_count": len(called),
            "called_mapped": called_mapped,
            "not_called_mapped": len(points) - called_mapped,
            "pending": pending,
            "red_open": sum(n for _, n in by_age),
            "age_bars": age_bars,
            "overdue": overdue,
            "issues": issues,
            "calls_by_org": calls_by_org,
            "calls_this_quarter": sum(per_org.values()),
            "running": running,
            **section("dashboard"),
        },
    )


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    quarter = Quarter.of(today)
    quarters = last_quarters(4, today)
    with metrics.session():  # the corridor's aggregates, small counts suppressed
        table = metrics.value(
            "calls.companies_called_by_region",
            None,
            Period(quarters[0].starts_on, quarters[-1].ends_on),
            full=False,
        )
        issues = metrics.value(
            "calls.issues_raised", None, Period(quarter.starts_on, quarter.ends_on), full=False
        )
    return render(
        request,
        "calls/overview.html",
        {
            "quarter": quarter,
            "quarters": quarters,
            "table": table,
            "issues": bars(issues),
            "minimum": MINIMUM,
            "is_participant": policy.actor_for(request.user).is_participant,
            **section("overview"),
        },
    )
