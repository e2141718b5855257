"""What each government announced: totals, trends and years side by side.

Amounts are summed in their own currency (a U.S. state's dollars are not converted
into Canadian dollars); rejected facts never count; a policy allocation and an
investment both count as "announced". The same figures feed the tracker page, its
charts and the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from corridor.core import policy
from corridor.intel.models import Fact, FactKind, FactStatus, Jurisdiction, TrendTag

UNKNOWN = "Not known"


@dataclass
class GovernmentRow:
    name: str
    jurisdiction_id: int | None
    facts: int = 0
    investments: int = 0
    policies: int = 0
    amounts: dict[str, Decimal] = field(default_factory=dict)  # currency: total
    jobs: int = 0
    documents: set[int] = field(default_factory=set)
    by_trend: dict[str, int] = field(default_factory=dict)  # trend slug: facts
    by_year: dict[int, Decimal] = field(default_factory=dict)  # year: amount (main currency)
    first: Any = None
    last: Any = None

    @property
    def currency(self) -> str:
        """The currency most of this government's money is stated in."""
        if not self.amounts:
            return "CAD"
        return max(self.amounts.items(), key=lambda kv: kv[1])[0]


@dataclass
class Tracker:
    rows: list[GovernmentRow]
    trends: list[TrendTag]
    years: list[int]
    facts: int


def with_trends(user: Any) -> Prefetch:
    """Prefetch the trend tags of facts or documents through the policy."""
    return Prefetch("trends", queryset=policy.visible(user, TrendTag).order_by("order"))


def facts_for(user: Any, *, checked_only: bool = False) -> Any:
    qs = policy.visible(user, Fact).exclude(status=FactStatus.REJECTED)
    if checked_only:
        qs = qs.filter(status__in=[FactStatus.CONFIRMED, FactStatus.CORRECTED])
    return (
        qs.select_related("jurisdiction").prefetch_related(with_trends(user)).order_by("date", "pk")
    )


def build_tracker(
    user: Any,
    *,
    jurisdiction_ids: list[int] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    checked_only: bool = False,
) -> Tracker:
    qs = facts_for(user, checked_only=checked_only)
    if jurisdiction_ids:
        qs = qs.filter(jurisdiction_id__in=jurisdiction_ids)
    if year_from:
        qs = qs.filter(date__year__gte=year_from)
    if year_to:
        qs = qs.filter(date__year__lte=year_to)
    rows: dict[str, GovernmentRow] = {}
    years: set[int] = set()
    count = 0
    for fact in qs:
        count += 1
        name = fact.jurisdiction.name if fact.jurisdiction else UNKNOWN
        row = rows.setdefault(name, GovernmentRow(name, fact.jurisdiction_id))
        row.facts += 1
        row.investments += fact.kind == FactKind.INVESTMENT
        row.policies += fact.kind == FactKind.POLICY
        if fact.amount_cad is not None:
            row.amounts[fact.currency] = (
                row.amounts.get(fact.currency, Decimal(0)) + fact.amount_cad
            )
        row.jobs += fact.jobs or 0
        row.documents.add(fact.document_id)
        for tag in fact.trends.all():
            row.by_trend[tag.slug] = row.by_trend.get(tag.slug, 0) + 1
        if fact.date:
            years.add(fact.date.year)
            row.first = min(row.first, fact.date) if row.first else fact.date
            row.last = max(row.last, fact.date) if row.last else fact.date
    for fact in qs:  # yearly amounts in each government's main currency
        name = fact.jurisdiction.name if fact.jurisdiction else UNKNOWN
        row = rows[name]
        if fact.date and fact.amount_cad is not None and fact.currency == row.currency:
            row.by_year[fact.date.year] = (
                row.by_year.get(fact.date.year, Decimal(0)) + fact.amount_cad
            )
    ordered = sorted(rows.values(), key=lambda r: (r.name == UNKNOWN, -r.facts, r.name))
    trends = list(policy.visible(user, TrendTag).order_by("order"))
    return Tracker(ordered, trends, sorted(years), count)


def jurisdictions_with_facts(user: Any) -> list[Jurisdiction]:
    ids = policy.visible(user, Fact).values("jurisdiction_id")
    return list(policy.visible(user, Jurisdiction).filter(pk__in=ids).order_by("name"))


@dataclass
class TrendYear:
    facts: dict[str, dict[int, int]]  # trend slug: year: facts
    documents: dict[str, dict[int, int]]  # trend slug: year: documents
    amounts: dict[str, Decimal]  # trend slug: CAD announced
    years: list[int]
    trends: list[TrendTag]


def trend_radar(user: Any) -> TrendYear:
    """Facts and documents by trend and year (a document counts in the year of its date)."""
    from corridor.intel.models import Document

    facts: dict[str, dict[int, int]] = defaultdict(dict)
    documents: dict[str, dict[int, int]] = defaultdict(dict)
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    years: set[int] = set()
    for fact in facts_for(user):
        for tag in fact.trends.all():
            if fact.currency == "CAD" and fact.amount_cad is not None:
                amounts[tag.slug] += fact.amount_cad
            if fact.date:
                years.add(fact.date.year)
                facts[tag.slug][fact.date.year] = facts[tag.slug].get(fact.date.year, 0) + 1
    for document in (
        policy.visible(user, Document).prefetch_related(with_trends(user)).only("pk", "date")
    ):
        if document.date is None:
            continue
        years.add(document.date.year)
        for tag in document.trends.all():
            documents[tag.slug][document.date.year] = (
                documents[tag.slug].get(document.date.year, 0) + 1
            )
    trends = list(policy.visible(user, TrendTag).order_by("order"))
    return TrendYear(dict(facts), dict(documents), dict(amounts), sorted(years), trends)
