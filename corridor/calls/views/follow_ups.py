"""My follow-ups: what was promised after calls and flags, and the referrals a partner received."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.calls import follow_ups as service
from corridor.calls.filtersets import FollowUpFilter
from corridor.calls.forms_work import FollowUpCompleteForm, safe_next, section
from corridor.calls.models import FlagStatus, FollowUp, FollowUpStatus
from corridor.core import columns, policy
from corridor.core.exports import export, export_links
from corridor.core.models import Organisation
from corridor.core.views.common import EVERY, paginate, read_page_filters

STATUSES = [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled"), (EVERY, "Any status")]
# The list's filters are the API's (``FollowUpFilter``); the page shows open ones unless asked.
LIST_DEFAULTS = {"status": "open"}


def _with_old_names(query: Any, participant: bool) -> tuple[dict[str, str], str]:
    """The page's query under ``FollowUpFilter``'s names, and its "Whose" choice.

    The page's "Whose" menu (and links made before the list read ``FollowUpFilter``) says
    ``whose=mine`` (the default: the reader's and their organisations'), ``whose=all`` or
    ``whose=<organisation id>``; the filter's own ``mine=true`` and
    ``owner_organisation=<id>`` are accepted too. Partners choose no owner (the list is the
    referrals addressed to them)."""
    params = {name: query.get(name) or "" for name in FollowUpFilter.model_fields}
    if not participant:
        params["mine"] = params["owner_organisation"] = ""
        return params, ""
    whose = query.get("whose") or ""
    if whose == "all":
        params["mine"] = params["owner_organisation"] = ""
    elif whose.isdigit():
        params["mine"], params["owner_organisation"] = "", whose
    elif whose == "mine" or not (params["owner_organisation"] or params["mine"]):
        params["mine"], params["owner_organisation"] = "true", ""
        whose = "mine"
    elif params["owner_organisation"]:
        whose = params["owner_organisation"]
    else:
        whose = "mine" if params["mine"].lower() in ("true", "1", "yes", "on") else "all"
    return params, whose


LIST_RELATED = (
    "facility",
    "facility__municipality",
    "owner_organisation",
    "owner",
    "referral_to",
    "call",
    "flag",
)
# What the list and its export print of the joined rows (corridor/core/columns.py).
LIST_COLUMNS = columns.only(
    FollowUp,
    "facility__name",
    "facility__municipality",
    "facility__municipality__name",
    "owner_organisation__name",
    "owner_organisation__short_name",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
    "referral_to__name",
    "referral_to__short_name",
    "call__scheduled_on",
    "call__organisation_id",
    "flag__severity",
    "flag__category",
)


@dataclass(frozen=True, slots=True)
class Item:
    follow_up: FollowUp
    readable: bool  # may read the description and the outcome
    can_act: bool
    overdue_days: int  # 0 when not overdue


@login_required
def follow_up_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    actor = policy.actor_for(user)
    today = timezone.localdate()
    qs = policy.visible(user, FollowUp).select_related(*LIST_RELATED).only(*LIST_COLUMNS)
    organisations = []
    if actor.is_participant:
        organisations = list(
            policy.visible(user, Organisation)
            .filter(pk__in=policy.visible(user, FollowUp).values("owner_organisation_id"))
            .order_by("name")
        )
    params, whose = _with_old_names(request.GET, actor.is_participant)
    filters, chosen = read_page_filters(params, FollowUpFilter, LIST_DEFAULTS)
    qs = filters.for_reader(user).filter(qs)
    qs = qs.order_by("due_on", "pk")
    exported = export(request, "follow-ups", FOLLOW_UP_HEADER, _follow_up_lines(user, qs))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    items = [
        Item(
            f,
            policy.can_read_confidential(user, f),
            f.status == FollowUpStatus.OPEN and policy.can_change(user, f),
            (today - f.due_on).days if f.is_overdue(today) else 0,
        )
        for f in page
    ]
    return render(
        request,
        "calls/follow_up_list.html",
        {
            "page_obj": page,
            "items": items,
            "querystring_without_page": keep,
            "statuses": STATUSES,
            "status": chosen["status"],
            "overdue_only": filters.overdue is True,
            "whose": whose,
            "organisations": organisations,
            "is_partner": not actor.is_participant,
            "shows_actions": actor.is_participant or any(i.can_act for i in items),
            "today": today,
            "here": request.get_full_path(),
            **section("follow-ups"),
            **export_links(request),
        },
    )


FOLLOW_UP_HEADER = [
    "follow_up_id",
    "due_on",
    "facility",
    "municipality",
    "category",
    "referral_to",
    "description",
    "outcome",
    "flag",
    "owner_organisation",
    "owner",
    "status",
    "done_on",
]
CONFIDENTIAL = "(confidential to the visiting municipality and the coordinator)"


def _follow_up_lines(user: Any, qs: Any) -> Iterator[list[Any]]:
    """The list page's columns; the text only where the calls rules let this user read it."""
    for f in qs.iterator(chunk_size=2000):
        readable = policy.can_read_confidential(user, f)
        flag = f.flag
        yield [
            f.pk,
            f.due_on,
            f.facility.name,
            f.facility.municipality.name if f.facility.municipality_id else "",
            f.get_category_display(),
            f.referral_to.label if f.referral_to_id else "",
            f.description if readable else CONFIDENTIAL,
            f.outcome if readable else "",
            f"{flag.get_severity_display()}: {flag.get_category_display()}" if flag else "",
            f.owner_organisation.label,
            (f.owner.get_full_name() or f.owner.username) if f.owner_id else "",
            f.get_status_display(),
            timezone.localtime(f.done_at).date() if f.done_at else "",
        ]


def _follow_up(request: HttpRequest, pk: int) -> FollowUp:
    qs = policy.visible(request.user, FollowUp).select_related(
        "facility", "owner_organisation", "owner", "referral_to", "call", "flag"
    )
    found: FollowUp = get_object_or_404(qs, pk=pk)
    return found


@login_required
def follow_up_complete(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = _follow_up(request, pk)
    if not policy.can_change(request.user, follow_up):
        raise PermissionDenied("Only the people who own this follow-up mark it done.")
    back = safe_next(request, reverse("follow-up-list"))
    form = FollowUpCompleteForm(request.POST or None)
    if follow_up.status != FollowUpStatus.OPEN:
        messages.info(request, f"This follow-up is already {follow_up.get_status_display()}.")
        return redirect(back)
    if request.method == "POST" and form.is_valid():
        try:
            service.complete_follow_up(request.user, follow_up, form.cleaned_data["outcome"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        text = f"Done: {follow_up.get_category_display()} for {follow_up.facility.name}."
        flag = follow_up.flag
        if flag is not None:
            flag.refresh_from_db()
            if flag.status == FlagStatus.CLOSED:
                text += f" Its {flag.get_severity_display().lower()} flag is now closed."
        messages.success(request, text)
        return redirect(back)
    return render(
        request,
        "calls/follow_up_complete.html",
        {
            "follow_up": follow_up,
            "readable": policy.can_read_confidential(request.user, follow_up),
            "form": form,
            "next": back,
            **section("follow-ups"),
        },
    )


@login_required
@require_POST
def follow_up_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = _follow_up(request, pk)
    back = safe_next(request, reverse("follow-up-list"))
    try:
        service.cancel_follow_up(request.user, follow_up)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Cancelled: {follow_up.get_category_display()} for {follow_up.facility.name}.",
        )
    return redirect(back)
