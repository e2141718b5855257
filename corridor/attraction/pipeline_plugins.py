"""What the pipeline plugs into: next steps on the calendar, prospects on the timeline.

* calendar ``prospect-step``: the next step of each open prospect the reader may see, on
  its day; the step's words only for whoever may read what the company said
  (``policy.can_read_confidential``), the others read "Next step".
* timeline ``prospect-stage``: a prospect's moves from stage to stage on the activity
  timeline of its company and plant (an expansion, or a company in the registry), the
  move's note only for whoever may read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse

from corridor.attraction.models import OPEN_STAGES, Prospect, StageChange
from corridor.core import policy
from corridor.core.calendar_entries import CalendarEntry
from corridor.core.timeline import TimelineItem, TimelineQuery, day_range, moment

CALENDAR_KIND = "prospect-step"
TIMELINE_KIND = "prospect-stage"


def next_steps(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    if not policy.can_view(user, Prospect):
        return []
    prospects = (
        policy.visible(user, Prospect)
        .filter(stage__in=OPEN_STAGES, next_step_due__gte=first, next_step_due__lte=last)
        .select_related("organisation")
        .order_by("next_step_due", "pk")
    )
    entries = []
    for p in prospects:
        assert p.next_step_due is not None
        readable = policy.can_read_confidential(user, p) and bool(p.next_step)
        step = p.next_step if readable else "Next step"
        entries.append(
            CalendarEntry(
                uid=f"prospect-step-{p.pk}",
                kind=CALENDAR_KIND,
                title=f"{step}: {p.name} ({p.organisation.label})",
                start=p.next_step_due,
                detail=f"Prospect at the stage {p.get_stage_display()}",
                url=reverse("attraction-prospect-detail", args=[p.pk]),
                user_ids=(p.owner_id,) if p.owner_id else (),
                organisation_ids=(p.organisation_id,),
            )
        )
    return entries


def stage_changes_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if not policy.can_view(user, StageChange):
        return []
    about = Q(prospect__facility_id__in=query.facility_ids)
    if query.company_id is not None:
        about |= Q(prospect__company_id=query.company_id)
    changes = (
        policy.visible(user, StageChange)
        .filter(about, **day_range(query, "changed_on"))
        .select_related("prospect", "prospect__organisation")
        .order_by("-changed_on", "-pk")[: query.limit]
    )
    items = []
    for change in changes:
        p = change.prospect
        readable = policy.can_read_confidential(user, p) and bool(change.note)
        title = (
            f"Prospect {p.name}: {change.get_to_stage_display()}"
            if change.from_stage
            else f"Prospect {p.name} added ({change.get_to_stage_display()})"
        )
        items.append(
            TimelineItem(
                when=moment(change.changed_on),
                kind=TIMELINE_KIND,
                title=title,
                detail=change.note if readable else "",
                url=reverse("attraction-prospect-detail", args=[p.pk]),
                who=p.organisation.label,
                confidential=readable,
            )
        )
    return items


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
    from corridor.core import calendar_entries, timeline

    calendar_entries.register(CALENDAR_KIND, "Prospect next steps", next_steps)
    timeline.register(TIMELINE_KIND, "Investment prospects", stage_changes_on)
