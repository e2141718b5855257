"""Counts of calls and flags for people who may not see the calls themselves.

Partners (and later the public) see these instead of calls: counts of distinct
companies, with fewer than five suppressed (``corridor.core.disclosure``).
The coordinator's dashboard uses the same counts unsuppressed. Pages read them as the
headline figures ``calls.companies_called_by_region`` and ``calls.issues_raised``
(``calls/metrics.py``), suppressed per reader there.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from corridor.calls.models import Call, CallStatus, Flag, FlagCategory
from corridor.core.disclosure import Cell, suppress, suppress_row_and_total
from corridor.core.scoping import system_scope


@dataclass(frozen=True, slots=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def ends_on(self) -> dt.date:
        following = self.next()
        return following.starts_on - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def __str__(self) -> str:
        return f"{self.year} Q{self.number}"


def last_quarters(count: int, today: dt.date | None = None) -> list[Quarter]:
    quarter = Quarter.of(today or dt.date.today())
    quarters = [quarter]
    for _ in range(count - 1):
        quarters.append(quarters[-1].previous())
    return list(reversed(quarters))


@dataclass(slots=True)
class Table:
    columns: list[str]
    rows: list[tuple[str, list[Cell], Cell]] = field(default_factory=list)


def companies_called_by_region(quarters: list[Quarter], *, suppressed: bool = True) -> Table:
    """Distinct companies with a completed call, per economic region and quarter."""
    start, end = quarters[0].starts_on, quarters[-1].ends_on
    with system_scope("aggregate counts of calls (no answers leave this function)"):
        rows = Call.objects.filter(
            status=CallStatus.COMPLETED, scheduled_on__gte=start, scheduled_on__lte=end
        ).values_list(
            "facility__municipality__economic_region", "scheduled_on", "facility__company_id"
        )
        companies: dict[str, dict[Quarter, set[int]]] = defaultdict(lambda: defaultdict(set))
        for region, day, company in rows:
            companies[region or "Outside the corridor's regions"][Quarter.of(day)].add(company)
    table = Table([str(q) for q in quarters])
    for region in sorted(companies):
        counts = [len(companies[region][q]) for q in quarters]
        total = len(set().union(*companies[region].values()))
        if suppressed:
            table.rows.append((region, *suppress_row_and_total(counts, total)))
        else:
            table.rows.append((region, [Cell(c) for c in counts], Cell(total)))
    return table


def issues_raised(
    start: dt.date, end: dt.date, *, suppressed: bool = True
) -> list[tuple[str, Cell]]:
    """Distinct companies with a flag of each category raised in a period, most first."""
    with system_scope("aggregate counts of flags (no details leave this function)"):
        rows = (
            Flag.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
            .exclude(status="withdrawn")
            .values_list("category", "facility__company_id")
        )
        companies: dict[str, set[int]] = defaultdict(set)
        for category, company in rows:
            companies[category].add(company)
    labels = dict(FlagCategory.choices)
    ranked = sorted(companies.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        (labels.get(category, category), suppress(len(ids)) if suppressed else Cell(len(ids)))
        for category, ids in ranked
    ]
