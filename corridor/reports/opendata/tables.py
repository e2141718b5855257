"""The open-data tables: counts of companies, suppressed, with row and column totals."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corridor.core.disclosure import MINIMUM
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.reports.opendata.suppression import suppress_grid


@dataclass
class Table:
    name: str
    description: str
    row_label: str
    columns: list[str]
    rows: list[str]
    counts: list[list[int]]

    def published(self) -> list[list[int | None]]:
        """Cells, then each row's total, with ``None`` where suppressed; a last totals row."""
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
        totals.append(sum(sum(row) for row in self.counts))
        out.append(totals)
        return out


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
    rows = sorted({k[0] for k in companies})
    columns = sorted({k[1] for k in companies})
    counts = [[len(companies.get((r, c), ())) for c in columns] for r in rows]
    return Table(
        "facilities_by_naics_and_municipality",
        "Companies with at least one facility, by NAICS subsector (3 digits) and municipality.",
        "naics_subsector",
        columns,
        rows,
        counts,
    )


TABLES = [facilities_by_naics_and_municipality]
