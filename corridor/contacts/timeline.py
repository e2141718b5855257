"""What touches add to a company's or a facility's activity timeline.

``touch``: each logged touch (kind, date, organisation: shared with participants) and
the people touched whom the reader may see; the note only for whoever may read it,
marked confidential when it is. One query for the touches, one for their people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from corridor.contacts.models import Contact, Touch
from corridor.core import policy
from corridor.core.timeline import TimelineItem, TimelineQuery, day_range, moment


def touches_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if not policy.can_view(user, Touch):
        return []
    people = policy.visible(user, Contact).only("pk", "name")
    touches = (
        policy.visible(user, Touch)
        .filter(facility_id__in=query.facility_ids, **day_range(query, "happened_on"))
        .select_related("organisation", "facility")
        .prefetch_related(Prefetch("contacts", queryset=people, to_attr="seen_contacts"))
        .order_by("-happened_on", "-pk")[: query.limit]
    )
    items = []
    for touch in touches:
        readable = policy.can_read_confidential(user, touch) and bool(touch.note)
        names = ", ".join(c.name for c in touch.seen_contacts)
        title = f"{touch.get_kind_display()} by {touch.organisation.label}"
        if names:
            title += f" with {names}"
        detail = touch.facility.name if len(query.facility_ids) > 1 else ""
        if readable:
            detail = f"{detail}: {touch.note}" if detail else touch.note
        items.append(
            TimelineItem(
                when=moment(touch.happened_on),
                kind="touch",
                title=title,
                detail=detail,
                url=reverse("touch-detail", args=[touch.pk]),
                who=touch.organisation.label,
                confidential=readable and touch.confidential,
            )
        )
    return items


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("touch", "Touches", touches_on)
