"""Comparison of governments (APRC §4): per jurisdiction and per technology trend, the
money committed over time and by instrument, with the facts behind every figure.

* Money committed: the amount of every fact that states one (investments and policy
  allocations alike), rejected facts left out, as the tracker counts it.
* Time: by year; when one year is chosen, by quarter of that year. A fact without a date
  counts in the period "date not said".
* Instrument: the fact's ``instrument`` (grant, loan, tax credit, ...), "Not said" when
  the document does not say.
* Trends: a fact counts under every chosen trend it is tagged with, so the trends of one
  government are never added together; a fact with none of the chosen trends is left
  out (``left_out`` says how many).
* Currencies: amounts stay in their own currency and are only added to amounts in the
  same currency; every figure carries its currency.

The page, its exports and the API all read ``build`` so they never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from corridor.core import policy
from corridor.intel.models import Fact, FactStatus, Instrument, Jurisdiction, TrendTag
from corridor.intel.tracker import with_trends

# The trends APRC §4 compares (the tag slugs of extraction/data/trends.json).
DEFAULT_TRENDS = ("electrification", "batteries", "light-weighting", "connectivity-autonomy")
NOT_SAID = "not_said"
NO_DATE = "no-date"
UNKNOWN = "Not known"
CURRENCY_NOTE = (
    "Amounts are in their own currency (U.S. dollars are not converted into Canadian "
    "dollars) and are only added to amounts in the same currency."
)


def instrument_label(value: str) -> str:
    return dict(Instrument.choices).get(value, "Not said")


INSTRUMENTS = [*Instrument.values, NOT_SAID]


@dataclass
class Cell:
    amount: Decimal = Decimal(0)
    facts: list[int] = field(default_factory=list)
    documents: set[int] = field(default_factory=set)

    def add(self, fact: Fact) -> None:
        assert fact.amount_cad is not None
        self.amount += fact.amount_cad
        self.facts.append(fact.pk)
        self.documents.add(fact.document_id)


@dataclass(frozen=True, slots=True)
class Key:
    jurisdiction: str  # the government's name (UNKNOWN when not known)
    trend: str  # a trend slug
    period: str  # "2023", "2023-Q2" or NO_DATE
    instrument: str  # an Instrument value or NOT_SAID
    currency: str


@dataclass
class Comparison:
    cells: dict[Key, Cell]
    jurisdictions: list[tuple[str, int | None]]  # name, id (None: not known)
    trends: list[TrendTag]
    periods: list[str]
    currencies: list[str]
    year: int | None
    facts: int  # facts counted (each once)
    left_out: int  # facts with an amount but none of the chosen trends
    amounts: dict[int, Decimal] = field(default_factory=dict)  # fact id: amount

    def total(self, **match: str) -> Cell:
        """The sum of the cells matching every given key part (same currency required)."""
        assert "currency" in match, "amounts are only added within one currency"
        out = Cell()
        for key, cell in self.cells.items():
            if all(getattr(key, k) == v for k, v in match.items()):
                for fact_id in cell.facts:
                    if fact_id not in out.facts:  # a fact of two trends counts once
                        out.facts.append(fact_id)
                        out.amount += self.amounts[fact_id]
                out.documents |= cell.documents
        return out

    def rows(self) -> list[tuple[str, str, str]]:
        """The (government, trend slug, currency) lines the tables show, in order."""
        present = {(k.jurisdiction, k.trend, k.currency) for k in self.cells}
        ordered = []
        for name, _ in self.jurisdictions:
            for trend in self.trends:
                for currency in self.currencies:
                    if (name, trend.slug, currency) in present:
                        ordered.append((name, trend.slug, currency))
        return ordered


def period_of(fact: Fact, year: int | None) -> str:
    if fact.date is None:
        return NO_DATE
    if year is not None:
        return f"{fact.date.year}-Q{(fact.date.month - 1) // 3 + 1}"
    return str(fact.date.year)


def period_label(period: str) -> str:
    if period == NO_DATE:
        return "Date not said"
    if "-Q" in period:
        y, q = period.split("-Q")
        return f"Q{q} {y}"
    return period


def build(
    user: Any,
    *,
    jurisdiction_ids: list[int] | None = None,
    trends: list[str] | None = None,
    year: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Comparison:
    visible_trends = list(policy.visible(user, TrendTag).order_by("order", "slug"))
    wanted = set(trends or DEFAULT_TRENDS)
    chosen = [t for t in visible_trends if t.slug in wanted]
    slugs = {t.slug for t in chosen}
    qs = (
        policy.visible(user, Fact)
        .exclude(status=FactStatus.REJECTED)
        .filter(amount_cad__isnull=False)
        .select_related("jurisdiction")
        .prefetch_related(with_trends(user))
        .only(
            "pk", "document_id", "amount_cad", "currency", "instrument", "date",
            "jurisdiction__name", "jurisdiction_id",
        )
        .order_by("date", "pk")
    )  # fmt: skip
    if jurisdiction_ids:
        qs = qs.filter(jurisdiction_id__in=jurisdiction_ids)
    if year is not None:
        qs = qs.filter(date__year=year)
    else:
        if year_from:
            qs = qs.filter(date__year__gte=year_from)
        if year_to:
            qs = qs.filter(date__year__lte=year_to)
    cells: dict[Key, Cell] = defaultdict(Cell)
    governments: dict[str, int | None] = {}
    periods: set[str] = set()
    currencies: set[str] = set()
    counted = left_out = 0
    amounts: dict[int, Decimal] = {}
    for fact in qs:
        tags = [t.slug for t in fact.trends.all() if t.slug in slugs]
        if not tags:
            left_out += 1
            continue
        counted += 1
        amounts[fact.pk] = fact.amount_cad or Decimal(0)  # never None: filtered above
        name = fact.jurisdiction.name if fact.jurisdiction else UNKNOWN
        governments[name] = fact.jurisdiction_id
        period = period_of(fact, year)
        periods.add(period)
        currencies.add(fact.currency)
        for slug in tags:
            key = Key(name, slug, period, fact.instrument or NOT_SAID, fact.currency)
            cells[key].add(fact)
    if year is not None:  # every quarter of the chosen year, even an empty one
        periods |= {f"{year}-Q{q}" for q in range(1, 5)}
    ordered_periods = sorted(periods - {NO_DATE}) + ([NO_DATE] if NO_DATE in periods else [])
    ordered_governments = sorted(governments.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0]))
    return Comparison(
        dict(cells),
        ordered_governments,
        chosen,
        ordered_periods,
        sorted(currencies, key=lambda c: (c != "CAD", c)),
        year,
        counted,
        left_out,
        amounts,
    )


def jurisdictions_with_money(user: Any) -> list[Jurisdiction]:
    ids = policy.visible(user, Fact).filter(amount_cad__isnull=False).values("jurisdiction_id")
    return list(policy.visible(user, Jurisdiction).filter(pk__in=ids).order_by("name"))


def years_with_money(user: Any) -> list[int]:
    dates = (
        policy.visible(user, Fact)
        .exclude(status=FactStatus.REJECTED)
        .filter(amount_cad__isnull=False, date__isnull=False)
        .dates("date", "year")
    )
    return sorted({d.year for d in dates})


EXPORT_HEADER = [
    "government",
    "trend",
    "period",
    "instrument",
    "currency",
    "amount",
    "facts",
    "fact_ids",
    "document_ids",
]


def export_lines(result: Comparison) -> list[list[Any]]:
    names = {t.slug: t.name for t in result.trends}
    order = {p: i for i, p in enumerate(result.periods)}
    keys = sorted(
        result.cells,
        key=lambda k: (
            k.jurisdiction == UNKNOWN, k.jurisdiction, k.trend, order.get(k.period, 0),
            k.instrument, k.currency,
        ),
    )  # fmt: skip
    return [
        [
            k.jurisdiction,
            names.get(k.trend, k.trend),
            period_label(k.period),
            instrument_label(k.instrument),
            k.currency,
            result.cells[k].amount,
            len(result.cells[k].facts),
            " ".join(str(i) for i in result.cells[k].facts),
            " ".join(str(i) for i in sorted(result.cells[k].documents)),
        ]
        for k in keys
    ]
