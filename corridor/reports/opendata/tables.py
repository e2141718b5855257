"""The open-data tables: counts of companies with row, column and grand totals, all of
them suppressed together (``suppression.suppress_grid``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from corridor.calls.models import Call, CallStatus
from corridor.calls.models.flags import Flag, FlagCategory, FlagStatus
from corridor.core.disclosure import MINIMUM
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.reports.opendata.listings import (
    Value,
    funded_projects_by_program_and_year,
    skills_gaps,
)
from corridor.reports.opendata.suppression import suppress_grid


class Published(Protocol):
    """What ``publish`` writes: a name, a description, a header, lines, a dictionary, and
    which columns count companies (the suppression rule applies to them) and whether the
    last column and the last row are totals."""

    name: str
    description: str

    def header(self) -> list[str]: ...
    def lines(self) -> list[list[Value]]: ...
    def dictionary(self) -> list[tuple[str, str]]: ...
    def company_counts(self) -> list[str]: ...
    def has_totals(self) -> bool: ...


@dataclass
class Table:
    name: str
    description: str
    row_label: str
    columns: list[str]
    rows: list[str]
    counts: list[list[int]]

    def published(self) -> list[list[int | None]]:
        """Cells, then each row's total, with ``None`` where suppressed; a last row of the
        column totals and the grand total. Cells and totals are suppressed together."""
        hidden = suppress_grid(self.counts, MINIMUM)
        out: list[list[int | None]] = []
        for r, row in enumerate(self.counts):
            cells: list[int | None] = [
                None if (r, c) in hidden.cells else v for c, v in enumerate(row)
            ]
            cells.append(None if r in hidden.row_totals else sum(row))
            out.append(cells)
        totals: list[int | None] = [
            None if c in hidden.column_totals else sum(row[c] for row in self.counts)
            for c in range(len(self.columns))
        ]
        totals.append(None if hidden.grand_total else sum(sum(row) for row in self.counts))
        out.append(totals)
        return out

    def header(self) -> list[str]:
        return [self.row_label, *self.columns, "total"]

    def lines(self) -> list[list[Value]]:
        return [
            [label, *cells]
            for label, cells in zip([*self.rows, "total"], self.published(), strict=True)
        ]

    def dictionary(self) -> list[tuple[str, str]]:
        return [
            (self.row_label, f"the row: {self.row_label.replace('_', ' ')}"),
            *((c, f"number of companies in {c}") for c in self.columns),
            (
                "total",
                "the row's total (the last row, `total`, holds the column totals and the "
                "grand total); totals are counts of companies too and suppressed alike",
            ),
        ]

    def company_counts(self) -> list[str]:
        return [*self.columns, "total"]

    def has_totals(self) -> bool:
        return True


def facilities_by_naics_and_municipality() -> Table:
    """Companies with a facility, by 3-digit NAICS subsector and municipality."""
    with system_scope("open data: aggregate counts"):
        pairs = set(
            Facility.objects.filter(municipality__isnull=False)
            .exclude(naics="")
            .values_list("naics", "municipality__name", "company_id")
        )
    companies: dict[tuple[str, str], set[int]] = defaultdict(set)
    for naics, place, company in pairs:
        companies[(naics[:3], place)].add(company)
    rows, columns, counts = _grid(companies)
    return Table(
        "facilities_by_naics_and_municipality",
        "Companies with at least one facility, by NAICS subsector (3 digits) and municipality.",
        "naics_subsector",
        columns,
        rows,
        counts,
    )


def _grid(cells: dict[tuple[str, str], set[int]]) -> tuple[list[str], list[str], list[list[int]]]:
    rows = sorted({k[0] for k in cells})
    columns = sorted({k[1] for k in cells})
    return rows, columns, [[len(cells.get((r, c), ())) for c in columns] for r in rows]


def calls_by_month_and_region() -> Table:
    """Companies called on (calls not cancelled), by month and economic region."""
    with system_scope("open data: aggregate counts"):
        triples = (
            Call.objects.exclude(status=CallStatus.CANCELLED)
            .filter(facility__municipality__isnull=False)
            .values_list(
                "scheduled_on", "facility__municipality__economic_region", "facility__company_id"
            )
        )
        companies: dict[tuple[str, str], set[int]] = defaultdict(set)
        for day, region, company in triples.iterator(chunk_size=5000):
            companies[(f"{day:%Y-%m}", region or "Region not known")].add(company)
    rows, columns, counts = _grid(companies)
    return Table(
        "calls_by_month_and_region",
        "Companies called on (planned or completed calls), by month and economic region "
        "of the facility visited; a company called twice in a month counts once.",
        "month",
        columns,
        rows,
        counts,
    )


def issues_by_category_and_region() -> Table:
    """Companies with an issue raised (flags not withdrawn), by category and region;
    only the category is counted, never a flag's detail."""
    with system_scope("open data: aggregate counts"):
        triples = (
            Flag.objects.exclude(status=FlagStatus.WITHDRAWN)
            .filter(facility__municipality__isnull=False)
            .values_list(
                "category", "facility__municipality__economic_region", "facility__company_id"
            )
        )
        companies: dict[tuple[str, str], set[int]] = defaultdict(set)
        labels = dict(FlagCategory.choices)
        for category, region, company in triples.iterator(chunk_size=5000):
            companies[(str(labels.get(category, category)), region or "Region not known")].add(
                company
            )
    rows, columns, counts = _grid(companies)
    return Table(
        "issues_by_category_and_region",
        "Companies with an issue raised on a call (red flags not withdrawn), by category and "
        "economic region of the facility; a company with two issues in a cell counts once.",
        "category",
        columns,
        rows,
        counts,
    )


TABLES: list[Callable[[], Published]] = [
    facilities_by_naics_and_municipality,
    calls_by_month_and_region,
    issues_by_category_and_region,
    funded_projects_by_program_and_year,
    skills_gaps,
]
