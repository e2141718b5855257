"""The flag board: red and yellow flags from calls, who answers them and by when."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.calls import follow_ups as service
from corridor.calls.filtersets import FlagFilter
from corridor.calls.forms_work import FlagRaiseForm, safe_next, section
from corridor.calls.models import Flag, FlagCategory, FlagStatus, FollowUp, Severity
from corridor.calls.planning import planning_organisations
from corridor.core import policy
from corridor.core.models import Municipality, Organisation
from corridor.core.views.common import EVERY, paginate, read_page_filters
from corridor.registry.models import Facility

PER_PAGE = 50  # the most urgent first; a board of hundreds is read a page at a time

STATUSES = [
    ("open", "Open"),
    ("closed", "Closed"),
    ("withdrawn", "Withdrawn"),
    (EVERY, "Any status"),
]
# The board's filters are the API's (``FlagFilter``): the board shows open flags unless asked.
BOARD_DEFAULTS = {"status": "open"}


@dataclass(frozen=True, slots=True)
class BoardRow:
    flag: Flag
    age_days: int
    overdue_days: int  # 0 when not overdue
    follow_ups: list[FollowUp]
    readable: bool
    can_close: bool

    @property
    def follow_up_summary(self) -> str:
        if not self.follow_ups:
            return "No follow-up yet"
        counts: dict[str, int] = defaultdict(int)
        for f in self.follow_ups:
            counts[f.get_status_display()] += 1
        return ", ".join(f"{n} {label.lower()}" for label, n in counts.items())


def _require_participant(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Flag):
        raise PermissionDenied("The flag board is for the municipalities and the coordinator.")


@login_required
def flag_board(request: HttpRequest) -> HttpResponse:
    _require_participant(request)
    user = request.user
    today = timezone.localdate()
    qs = policy.visible(user, Flag).select_related(
        "facility", "facility__municipality", "organisation", "call"
    )
    filters, chosen = read_page_filters(request.GET, FlagFilter, BOARD_DEFAULTS)
    qs = filters.filter(qs)
    totals = dict(qs.order_by().values_list("severity").annotate(n=Count("pk")))
    page, keep = paginate(
        request, qs.order_by("respond_by", "pk"), per_page=PER_PAGE, count=sum(totals.values())
    )
    flags = list(page.object_list)
    follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for f in policy.visible(user, FollowUp).filter(flag__in=flags).order_by("due_on"):
        follow_ups[f.flag_id or 0].append(f)
    groups: dict[str, list[BoardRow]] = {Severity.RED: [], Severity.YELLOW: []}
    for flag in flags:
        groups.setdefault(flag.severity, []).append(
            BoardRow(
                flag,
                (today - timezone.localtime(flag.created_at).date()).days,
                (today - flag.respond_by).days if flag.is_overdue(today) else 0,
                follow_ups.get(flag.pk, []),
                policy.can_read_confidential(user, flag),
                flag.status == FlagStatus.OPEN and policy.can_change(user, flag),
            )
        )
    severity_labels = dict(Severity.choices)
    places = (
        policy.visible(user, Municipality)
        .filter(pk__in=policy.visible(user, Flag).values("facility__municipality_id"))
        .order_by("name")
    )
    return render(
        request,
        "calls/flag_board.html",
        {
            "groups": [
                (key, severity_labels[key], rows, totals.get(key, 0))
                for key, rows in groups.items()
            ],
            "page_obj": page,
            "querystring_without_page": keep,
            "statuses": STATUSES,
            "status": chosen["status"],
            "categories": FlagCategory.choices,
            "category": chosen.get("category", ""),
            "places": places,
            "place": chosen.get("municipality", ""),
            "can_raise": policy.can_create(user, Flag),
            "here": request.get_full_path(),
            **section("flags"),
        },
    )


@login_required
def flag_raise(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not policy.can_create(user, Flag):
        raise PermissionDenied("Municipal editors and the coordinator raise flags.")
    facilities = (
        policy.visible(user, Facility).select_related("municipality").order_by("name", "pk")
    )
    organisation_ids = [o.pk for o in planning_organisations(user)]
    organisations = policy.visible(user, Organisation).filter(pk__in=organisation_ids)
    initial = {}
    wanted = request.GET.get("facility", "")
    if wanted.isdigit():
        initial["facility"] = int(wanted)
    form = FlagRaiseForm(
        request.POST or None,
        initial=initial,
        facilities=facilities,
        organisations=organisations.order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            flag = service.raise_flag(
                user,
                facility=data["facility"],
                organisation=data["organisation"],
                severity=data["severity"],
                category=data["category"],
                detail=data["detail"],
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            text = (
                f"Raised a {flag.get_severity_display().lower()} flag on {flag.facility.name}: "
                f"{flag.get_category_display()}. Respond by {flag.respond_by:%Y-%m-%d}."
            )
            if flag.severity == Severity.RED:
                text += " A follow-up owned by you is due that day."
            messages.success(request, text)
            return redirect(reverse("flag-board"))
    return render(request, "calls/flag_raise.html", {"form": form, **section("flags")})


@login_required
@require_POST
def flag_close(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(policy.visible(request.user, Flag).select_related("facility"), pk=pk)
    back = safe_next(request, reverse("flag-board"))
    try:
        service.close_flag(request.user, flag)
    except ValidationError as error:
        messages.error(request, f"{flag.facility.name}: " + " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Closed the {flag.get_severity_display().lower()} flag on {flag.facility.name} "
            f"({flag.get_category_display()}).",
        )
    return redirect(back)
