"""The call planner (list and month calendar), planning a call, and plans waiting for approval."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from corridor.calls.facility_panel import facility_calls
from corridor.calls.forms import PlanForm, PlannerFilter
from corridor.calls.leads import lead_for
from corridor.calls.models import Approval, Call, CallStatus
from corridor.calls.planning import can_decide, holding_calls, plan_call
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_refusal
from corridor.core.views.common import paginate
from corridor.registry.models import Facility

NAV = "calls"
MONTH_FORMAT = "%Y-%m"
SEARCH_RESULTS = 20


def require_participant(user: Any) -> None:
    """Calls are for the municipalities and the coordinator office (403 for partners)."""
    if not policy.can_view(user, Call):
        raise PermissionDenied(
            "Calls are for the municipalities and the coordinator office; partners see "
            "the referrals addressed to them and the overview."
        )


@login_required
def call_planner(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not policy.can_view(user, Call):
        return redirect("calls-overview")  # partners: the aggregates they may see
    filters = PlannerFilter(user, request.GET or None)
    calls = policy.visible(user, Call).select_related("facility", "organisation")
    problems: list[str] = []
    chosen: dict[str, Any] = {}
    if filters.is_bound:
        if filters.is_valid():
            chosen = filters.cleaned_data
        else:
            problems = [
                f"{filters[name].label}: {' '.join(str(e) for e in errors)}"
                for name, errors in filters.errors.items()
            ]
    if chosen.get("organisation"):
        calls = calls.filter(organisation=chosen["organisation"])
    if chosen.get("status"):
        calls = calls.filter(status=chosen["status"])
    context: dict[str, Any] = {
        "filters": filters,
        "problems": problems,
        "may_plan": policy.can_create(user, Call),
        "nav_current": NAV,
    }
    if request.GET.get("view") == "calendar":
        context.update(_calendar(request, calls, problems))
        return render(request, "calls/planner_calendar.html", context)
    if chosen.get("start"):
        calls = calls.filter(scheduled_on__gte=chosen["start"])
    if chosen.get("end"):
        calls = calls.filter(scheduled_on__lte=chosen["end"])
    calls = calls.order_by("-scheduled_on", "-pk")
    exported = export(request, "calls", CALL_HEADER, _call_lines(calls))
    if exported is not None:
        return exported
    page, keep = paginate(request, calls)
    context.update({"page_obj": page, "querystring_without_page": keep, **export_links(request)})
    return render(request, "calls/planner.html", context)


CALL_HEADER = [
    "call_id",
    "date",
    "starts_at",
    "facility",
    "calling_municipality",
    "purpose",
    "status",
    "approval",
]


def _approval_words(c: Call) -> str:
    """As the status badge of the page words it."""
    if c.status == CallStatus.PLANNED and c.approval == Approval.PENDING:
        return "Waiting for approval"
    return "Declined" if c.approval == Approval.DECLINED else ""


def _call_lines(calls: Any) -> Any:
    """The planner's columns (the fact of each call, never its answers)."""
    for c in calls.iterator(chunk_size=2000):
        yield [
            c.pk,
            c.scheduled_on,
            c.starts_at.strftime("%H:%M") if c.starts_at else "",
            c.facility.name,
            c.organisation.label,
            c.purpose,
            c.get_status_display(),
            _approval_words(c),
        ]


def _month(request: HttpRequest, problems: list[str]) -> dt.date:
    text = request.GET.get("month", "")
    if text:
        try:
            return dt.datetime.strptime(text, MONTH_FORMAT).date().replace(day=1)
        except ValueError:
            problems.append(f"Month: '{text}' is not a month like 2026-10; showing this month.")
    return timezone.localdate().replace(day=1)


def _calendar(request: HttpRequest, calls: Any, problems: list[str]) -> dict[str, Any]:
    month = _month(request, problems)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    shown = calls.filter(
        scheduled_on__gte=weeks[0][0],
        scheduled_on__lte=weeks[-1][-1],
        status__in=[CallStatus.PLANNED, CallStatus.COMPLETED],
    ).order_by("scheduled_on", "starts_at", "pk")
    by_day: dict[dt.date, list[Call]] = {}
    for call in shown:
        by_day.setdefault(call.scheduled_on, []).append(call)
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (month + dt.timedelta(days=32)).replace(day=1)
    keep = request.GET.copy()
    keep.pop("month", None)
    keep["view"] = "calendar"
    return {
        "month": month,
        "weeks": [[(day, by_day.get(day, [])) for day in week] for week in weeks],
        "weekdays": [calendar.day_name[i] for i in range(7)],
        "previous_month": previous.strftime(MONTH_FORMAT),
        "next_month": following.strftime(MONTH_FORMAT),
        "today": timezone.localdate(),
        "keep": keep.urlencode(),
        "count": sum(len(v) for d, v in by_day.items() if d.month == month.month),
    }


def _facility(request: HttpRequest) -> Facility | None:
    raw = request.POST.get("facility") or request.GET.get("facility") or ""
    if not raw.isdigit() or len(raw) > 10:
        return None
    found: Facility | None = (
        policy.visible(request.user, Facility)
        .select_related("municipality", "company")
        .filter(pk=int(raw))
        .first()
    )
    return found


@login_required
def call_plan(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not policy.can_create(user, Call):
        raise PermissionDenied("Only municipal editors and the coordinator plan calls.")
    facility = _facility(request)
    query = request.GET.get("q", "").strip()[:100]
    results: list[Facility] = []
    if facility is None and query:
        results = list(
            policy.visible(user, Facility)
            .filter(name__icontains=query)
            .select_related("municipality")
            .order_by("name", "pk")[:SEARCH_RESULTS]
        )
    initial: dict[str, Any] = {"facility": facility.pk if facility else None}
    if request.method == "POST":
        form = PlanForm(user, request.POST, initial=initial)
        if form.is_valid():
            call = _plan(request, form)
            if call is not None:
                return redirect("call-detail", call.pk)
    else:
        form = PlanForm(user, initial=initial)
    if len(form.organisations) == 1:
        form.fields["organisation"].initial = form.organisations[0].pk
    return render(
        request,
        "calls/planner_plan.html",
        {
            "facility": facility,
            "panel": facility_calls(user, facility) if facility else None,
            "query": query,
            "results": results,
            "form": form,
            "nav_current": NAV,
        },
    )


def _plan(request: HttpRequest, form: PlanForm) -> Call | None:
    data = form.cleaned_data
    try:
        call = plan_call(
            request.user,
            data["facility"],
            data["organisation"],
            data["scheduled_on"],
            starts_at=data["starts_at"],
            purpose=data["purpose"],
            campaign=data["campaign"],
            participants=data["participants"],
            partner_organisations=data["partner_organisations"],
            other_participants=data["other_participants"],
        )
    except ValidationError as error:
        show_refusal(form, error)
        return None
    messages.success(request, planned_message(call))
    return call


def planned_message(call: Call) -> str:
    """What the officer is told once the plan is in: above all, whether it waits for someone."""
    where = f"Call on {call.facility.name} planned for {call.scheduled_on:%Y-%m-%d}."
    if call.approval == Approval.COORDINATOR:
        return f"{where} As coordinator, you cleared it."
    if call.approval != Approval.PENDING:
        return where
    lead = lead_for(call.facility).organisation
    if lead is None:
        return (
            f"{where} No municipality leads calls on this facility yet: your plan waits for "
            "approval by the coordinator."
        )
    if lead.pk != call.organisation_id:
        return (
            f"{where} {lead.label} leads calls on this facility: your plan waits for approval "
            f"by {lead.label} or the coordinator."
        )
    return (
        f"{where} Another municipality already has a call planned there: your plan waits for "
        "approval by the coordinator."
    )


@login_required
def conflicts(request: HttpRequest) -> HttpResponse:
    user = request.user
    require_participant(user)
    pending = list(
        policy.visible(user, Call)
        .filter(status=CallStatus.PLANNED, approval=Approval.PENDING)
        .select_related("facility", "organisation", "planned_by")
        .order_by("scheduled_on", "pk")
    )
    mine = policy.actor_for(user).organisation_ids
    to_decide = [(c, holding_calls(c.facility, exclude=c)) for c in pending if can_decide(user, c)]
    decided_ids = {c.pk for c, _ in to_decide}
    waiting = [
        (c, holding_calls(c.facility, exclude=c))
        for c in pending
        if c.organisation_id in mine and c.pk not in decided_ids
    ]
    return render(
        request,
        "calls/conflicts.html",
        {"to_decide": to_decide, "waiting": waiting, "nav_current": NAV},
    )
