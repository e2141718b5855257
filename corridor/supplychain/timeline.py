"""What the supply chain adds to a company's or a facility's activity timeline.

``need``: the supply needs the facility has as a buyer. Which facility has a need is
confidential (``SupplyNeedRule.confidential_fields`` names the buyer): another
municipality sees the need on the needs list without its buyer, so the timeline of a
facility shows a need only to whoever may know its buyer (the recording municipality and
the coordinator, as the rule's ``confidential_visible`` says), marked confidential. One
query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from corridor.core import policy
from corridor.core.timeline import TimelineItem, TimelineQuery, time_range
from corridor.supplychain.models import SupplyNeed


def needs_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if not policy.can_view(user, SupplyNeed):
        return []
    knows_buyer = policy.with_confidential_history(user, SupplyNeed).values("pk")
    needs = (
        policy.visible(user, SupplyNeed)
        .filter(
            pk__in=knows_buyer,
            buyer_id__in=query.facility_ids,
            **time_range(query, "created_at"),
        )
        .select_related("capability", "organisation")
        .order_by("-created_at", "-pk")[: query.limit]
    )
    return [
        TimelineItem(
            when=need.created_at,
            kind="need",
            title=(
                f"Supply need: {need.capability.label} ({need.get_status_display().lower()}, "
                f"{need.get_urgency_display().lower()} urgency)"
            ),
            detail=need.description,
            url=reverse("need-detail", args=[need.pk]),
            who=need.organisation.label,
            confidential=True,
        )
        for need in needs
    ]


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("need", "Supply needs", needs_on)
