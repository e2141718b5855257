"""What intelligence adds to a company's or a facility's activity timeline.

``fact``: the facts read from public announcements and news whose recipient is the
company (``Fact.recipient_company``; for a facility, its company's). Facts are public:
everyone signed in reads them. A fact an officer rejected is not a fact and is left out.
The registry has no parent companies, so a parent's facts cannot be found. One query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse

from corridor.core import policy
from corridor.core.timeline import TimelineItem, TimelineQuery, as_moment
from corridor.intel.models import Fact, FactStatus


def facts_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    if query.company_id is None:
        return []
    dated = Q()
    if query.since is not None:
        dated &= Q(date__gte=query.since) | Q(date__isnull=True, document__date__gte=query.since)
    if query.until is not None:
        dated &= Q(date__lte=query.until) | Q(date__isnull=True, document__date__lte=query.until)
    facts = (
        policy.visible(user, Fact)
        .filter(dated, recipient_company_id=query.company_id)
        .exclude(status=FactStatus.REJECTED)
        .select_related("document")
        .order_by("-date", "-pk")[: query.limit]
    )
    items = []
    for fact in facts:
        day = fact.date or fact.document.date
        amount = f"${fact.amount_cad:,.0f} " if fact.amount_cad is not None else ""
        jobs = f", {fact.jobs} jobs" if fact.jobs else ""
        items.append(
            TimelineItem(
                when=as_moment(day) if day is not None else fact.created_at,
                kind="fact",
                title=f"In the news: {amount}from {fact.funder or 'a funder'}{jobs}",
                detail=fact.document.title,
                url=reverse("intel-fact", args=[fact.pk]),
                who=fact.document.source,
            )
        )
    return items


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("fact", "In the news", facts_on)
