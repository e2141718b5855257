"""Intelligence's headline figures, registered with ``corridor.core.metrics``: the
investment announced and tracked (the reports dashboards and the briefing) and the
investment in Ontario (the outreach evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from corridor.core import metrics, policy
from corridor.core.metrics import Period
from corridor.intel.models import Fact, FactKind, FactStatus

SOURCE = "Intelligence"


@dataclass(frozen=True, slots=True)
class Investment:
    """Investment announcements (facts in Canadian dollars, rejected ones left out):
    announced in the period, and tracked to its end."""

    announced: Decimal
    announced_facts: int
    tracked: Decimal
    tracked_facts: int


def investment(reader: Any, period: Period | None, place: Any) -> Investment:
    """Announced in ``period`` (its days) and tracked to its end; at ``place``: those
    whose recipient company has a facility there."""
    facts = Fact.objects.all() if reader is None else policy.visible(reader, Fact)
    facts = facts.filter(kind=FactKind.INVESTMENT, amount_cad__isnull=False)
    if period is not None and period.ends_on is not None:
        facts = facts.filter(date__lte=period.ends_on)
    facts = facts.exclude(status=FactStatus.REJECTED)
    if place is not None:
        facts = facts.filter(recipient_company__facilities__municipality=place).distinct()
    start = period.starts_on if period is not None else None
    announced = tracked = Decimal(0)
    announced_facts = tracked_facts = 0
    for amount, day in facts.values_list("amount_cad", "date"):
        amount = amount or Decimal(0)
        tracked += amount
        tracked_facts += 1
        if day is not None and (start is None or day >= start):
            announced += amount
            announced_facts += 1
    return Investment(announced, announced_facts, tracked, tracked_facts)


def ontario_investment(reader: Any, period: Period | None, place: Any) -> int:
    """Investment in Ontario announced by governments and companies (public
    announcements: never suppressed)."""
    rows = Fact.objects.all() if reader is None else policy.visible(reader, Fact)
    rows = rows.filter(
        kind=FactKind.INVESTMENT, currency="CAD", jurisdiction__name__in=["Ontario", "Canada"]
    ).exclude(status=FactStatus.REJECTED)
    total = rows.aggregate(total=Sum("amount_cad"))["total"] or 0
    return int(total)


def register() -> None:
    """Intelligence's figures (from ``IntelConfig.ready``)."""
    metrics.register(
        "intel.investment",
        "Investment announced (and tracked to date)",
        investment,
        source=SOURCE,
        unit="money",
    )
    metrics.register(
        "intel.ontario_investment",
        "Investment in Ontario announced by governments and companies, as Corridor tracked it ($)",
        ontario_investment,
        source=SOURCE,
        unit="money",
        tags=("evidence",),
    )
