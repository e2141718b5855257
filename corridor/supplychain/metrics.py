"""The supply chain's headline figures, registered with ``corridor.core.metrics``: the gap
analysis (read once per page by the reports dashboards and the briefing's every
municipality) and the outreach evidence drawn from it."""

from __future__ import annotations

from typing import Any

from corridor.core import metrics
from corridor.core.metrics import Counted, Period

SOURCE = "Supply chain"


def gap_analysis(reader: Any, period: Period | None, place: Any) -> list[Any]:
    """The corridor's gap analysis (``supplychain.gaps.gap_analysis``): every
    capability with open needs, the largest unmet value first."""
    from corridor.supplychain.gaps import gap_analysis as analyse

    return analyse()


def unmet(reader: Any, period: Period | None, place: Any) -> tuple[int, int, int]:
    """Gaps with unmet needs, the companies behind them and their value: one gap analysis
    for the figures that use it."""
    gaps = [g for g in metrics.raw("supplychain.gap_analysis", None) if g.unmet_needs]
    buyers = set().union(*(g.unmet_buyers for g in gaps)) if gaps else set()
    return len(gaps), len(buyers), sum(g.unmet_value for g in gaps)


def gaps(reader: Any, period: Period | None, place: Any) -> Counted:
    count, buyers, _ = metrics.raw("supplychain.unmet", None)
    return Counted(count, buyers)


def unmet_value(reader: Any, period: Period | None, place: Any) -> Counted:
    _, buyers, value = metrics.raw("supplychain.unmet", None)
    return Counted(value, buyers)


def open_needs(reader: Any, period: Period | None, place: Any) -> Counted:
    from corridor.core import policy
    from corridor.supplychain.models import NeedStatus, SupplyNeed

    rows = SupplyNeed.objects.all() if reader is None else policy.visible(reader, SupplyNeed)
    rows = rows.filter(status__in=[NeedStatus.OPEN, NeedStatus.INTRODUCED])
    companies = metrics.companies_behind(rows, "buyer__company_id") if reader is None else None
    return Counted(rows.count(), companies)


def register() -> None:
    """The supply chain's figures (from ``SupplychainConfig.ready``)."""
    evidence = ("evidence",)
    metrics.register(
        "supplychain.gap_analysis", "Supply gaps", gap_analysis, source=SOURCE, unit="gaps"
    )
    metrics.register(
        "supplychain.unmet",
        "Unmet supply needs (gaps, companies, value)",
        unmet,
        source=SOURCE,
        unit="gaps",
    )
    metrics.register(
        "supplychain.gaps",
        "Capabilities bought from far away with no local supplier",
        gaps,
        source=SOURCE,
        unit="gaps",
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    metrics.register(
        "supplychain.unmet_value",
        "Purchases a year with no local supplier ($)",
        unmet_value,
        source=SOURCE,
        unit="money",
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    metrics.register(
        "supplychain.open_needs",
        "Open supply needs heard from plants",
        open_needs,
        source=SOURCE,
        unit="needs",
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
