"""What corporate calls add to a company's or a facility's activity timeline.

* ``call``: each call (planned, completed or cancelled) with the visiting organisation.
  Every participant sees the fact of a call; its purpose only whoever may read its
  answers (the visiting municipality, the coordinator). Never the answers themselves.
* ``flag``: red and yellow flags (severity, category, status: shared); the detail only
  for whoever may read it, marked confidential.
* ``follow_up``: follow-ups by due date (category, owner, status: shared); the
  description and outcome only for whoever may read them, marked confidential.

Each source is one query (with its related rows joined), whatever the number of items.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from corridor.calls.models import Call, CallStatus, Flag, FollowUp, FollowUpStatus
from corridor.core import policy
from corridor.core.timeline import TimelineItem, TimelineQuery, day_range, moment, time_range

VERBS: dict[str, str] = {
    CallStatus.PLANNED: "Call planned",
    CallStatus.COMPLETED: "Call made",
    CallStatus.CANCELLED: "Call cancelled",
}


def calls_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if not policy.can_view(user, Call):
        return []
    calls = (
        policy.visible(user, Call)
        .filter(facility_id__in=query.facility_ids, **day_range(query, "scheduled_on"))
        .select_related("organisation", "facility")
        .order_by("-scheduled_on", "-pk")[: query.limit]
    )
    items = []
    for call in calls:
        readable = policy.can_read_confidential(user, call)
        detail = call.facility.name if len(query.facility_ids) > 1 else ""
        if readable and call.purpose:
            detail = f"{detail}: {call.purpose}" if detail else call.purpose
        items.append(
            TimelineItem(
                when=moment(call.scheduled_on, call.starts_at),
                kind="call",
                title=f"{VERBS.get(call.status, 'Call')} by {call.organisation.label}",
                detail=detail,
                url=reverse("call-detail", args=[call.pk]),
                who=call.organisation.label,
                confidential=readable and bool(call.purpose),
            )
        )
    return items


def flags_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if not policy.can_view(user, Flag):
        return []
    flags = (
        policy.visible(user, Flag)
        .filter(facility_id__in=query.facility_ids, **time_range(query, "created_at"))
        .select_related("organisation")
        .order_by("-created_at", "-pk")[: query.limit]
    )
    items = []
    for flag in flags:
        readable = policy.can_read_confidential(user, flag) and bool(flag.detail)
        items.append(
            TimelineItem(
                when=flag.created_at,
                kind="flag",
                title=(
                    f"{flag.get_severity_display()} flag: {flag.get_category_display()} "
                    f"({flag.get_status_display().lower()}, respond by {flag.respond_by:%Y-%m-%d})"
                ),
                detail=flag.detail if readable else "",
                url=reverse("flag-board") + f"?facility={flag.facility_id}",
                who=flag.organisation.label,
                confidential=readable,
            )
        )
    return items


def follow_ups_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    follow_ups = (
        policy.visible(user, FollowUp)
        .filter(facility_id__in=query.facility_ids, **day_range(query, "due_on"))
        .select_related("owner_organisation", "call", "referral_to")
        .order_by("-due_on", "-pk")[: query.limit]
    )
    items = []
    for follow_up in follow_ups:
        readable = policy.can_read_confidential(user, follow_up)
        text = [follow_up.description, follow_up.outcome] if readable else []
        detail = " — ".join(t for t in text if t)
        status = follow_up.get_status_display().lower()
        due = "was due" if follow_up.status != FollowUpStatus.OPEN else "due"
        title = f"Follow-up {due}: {follow_up.get_category_display()} ({status})"
        if follow_up.referral_to_id is not None:
            title += f", referral to {follow_up.referral_to.label}"  # type: ignore[union-attr]
        items.append(
            TimelineItem(
                when=moment(follow_up.due_on),
                kind="follow_up",
                title=title,
                detail=detail,
                url=reverse("follow-up-list") + f"?facility={follow_up.facility_id}",
                who=follow_up.owner_organisation.label,
                confidential=bool(detail),
            )
        )
    return items


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("call", "Calls", calls_on)
    timeline.register("flag", "Flags", flags_on)
    timeline.register("follow_up", "Follow-ups", follow_ups_on)
