"""What outreach puts on the calendar: engagements, head-office tours and engagement
follow-ups.

* ``engagement``: events and meetings (Queen's Park day, MPP meetings, head-office
  visits) not cancelled, all day from their first to their last day, as far as the user
  may see them (participants: all; partners: those marked shared).
* ``tour``: head-office visit tours, all day over their days (everyone signed in).
* ``engagement_follow_up``: the due dates of open engagement follow-ups (participants).

A query or two each, whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from corridor.calls.models import FollowUpStatus
from corridor.core import policy
from corridor.core.calendar_entries import CalendarEntry
from corridor.outreach.models import (
    Engagement,
    EngagementFollowUp,
    EngagementStatus,
    Participant,
    Tour,
)

DAY = dt.timedelta(days=1)


def engagements(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    found = list(
        policy.visible(user, Engagement)
        .filter(starts_on__gte=first, starts_on__lte=last)
        .exclude(status=EngagementStatus.CANCELLED)
        .select_related("organisation")
        .order_by("starts_on", "pk")
    )
    joined: dict[int, set[int]] = {}
    taking_part = policy.visible(user, Participant).filter(
        engagement_id__in=[e.pk for e in found], organisation_id__isnull=False
    )
    for engagement_id, organisation_id in taking_part.values_list(
        "engagement_id", "organisation_id"
    ):
        joined.setdefault(engagement_id, set()).add(organisation_id)
    return [
        CalendarEntry(
            uid=f"engagement-{e.pk}",
            kind="engagement",
            title=f"{e.title} ({e.organisation.label})",
            start=e.starts_on,
            # an all-day entry ends the day after its last day (RFC 5545's DTEND)
            end=(e.ends_on + DAY) if e.ends_on and e.ends_on > e.starts_on else None,
            detail=e.get_kind_display(),
            location=e.location,
            url=reverse("engagement-detail", args=[e.pk]),
            organisation_ids=tuple(sorted({e.organisation_id, *joined.get(e.pk, set())})),
        )
        for e in found
    ]


def tours(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    found = (
        policy.visible(user, Tour)
        .filter(starts_on__gte=first, starts_on__lte=last)
        .select_related("organisation")
        .order_by("starts_on", "pk")
    )
    return [
        CalendarEntry(
            uid=f"tour-{t.pk}",
            kind="tour",
            title=f"Head-office tour: {t.name}",
            start=t.starts_on,
            end=(t.ends_on + DAY) if t.ends_on > t.starts_on else None,
            detail=t.purpose,
            url=reverse("tour-detail", args=[t.pk]),
            organisation_ids=(t.organisation_id,),
        )
        for t in found
    ]


def engagement_follow_ups(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    if not policy.can_view(user, EngagementFollowUp):
        return []
    found = (
        policy.visible(user, EngagementFollowUp)
        .filter(status=FollowUpStatus.OPEN, due_on__gte=first, due_on__lte=last)
        .select_related("engagement", "owner_organisation")
        .order_by("due_on", "pk")
    )
    return [
        CalendarEntry(
            uid=f"engagement-follow-up-{f.pk}",
            kind="engagement_follow_up",
            title=f"Follow-up due: {f.engagement.title} ({f.owner_organisation.label})",
            start=f.due_on,
            detail=f.description,
            url=reverse("engagement-detail", args=[f.engagement_id]),
            user_ids=(f.owner_id,) if f.owner_id else (),
            organisation_ids=tuple(sorted({f.owner_organisation_id, f.engagement.organisation_id})),
        )
        for f in found
    ]


def register_sources() -> None:
    from corridor.core import calendar_entries

    calendar_entries.register("engagement", "Outreach events and meetings", engagements)
    calendar_entries.register("tour", "Head-office tours", tours)
    calendar_entries.register(
        "engagement_follow_up", "Outreach follow-up deadlines", engagement_follow_ups
    )
