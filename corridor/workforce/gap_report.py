"""The gap analysis as one reader may see it: figures gathered from the database, ranked by
``gaps.gap_table``, with small counts suppressed for partners.

The counts take in every recorded call (what companies said is only ever shown added up);
participants see them as they are. For partners, openings reported on calls by fewer than
5 companies in an occupation and region are left out of that cell's demand (the cell says
so), and company counts under 5 are shown as "fewer than 5" (``corridor/core/disclosure.py``).
Used by the gap table, the heat map, the exports, the occupation page and the API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from corridor.core import policy
from corridor.core.disclosure import MINIMUM, Cell, for_reader
from corridor.core.scoping import system_scope
from corridor.workforce.gaps import Figures, Gap, Key, band, gap_table, graduates_by_cell
from corridor.workforce.models import (
    Demand,
    DemandKind,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)
from corridor.workforce.rules import sees_small_counts

WINDOW_MONTHS = 12


def months_back(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def region_ids_by_name() -> dict[str, int]:
    with system_scope("regions by name"):
        return dict(Region.objects.values_list("name", "pk"))


def collect(on: dt.date) -> dict[Key, Figures]:
    """Every figure of the twelve months up to ``on``, by (occupation, region)."""
    start = months_back(on, WINDOW_MONTHS - 1)
    figures: dict[Key, Figures] = {}

    def at(key: Key) -> Figures:
        return figures.setdefault(key, Figures())

    with system_scope("the gap analysis adds up every figure; readers see only the sums"):
        window = Demand.objects.filter(
            month__gte=start, month__lte=on, occupation__isnull=False, region__isnull=False
        )
        postings = (
            window.filter(kind=DemandKind.POSTINGS)
            .values_list("occupation_id", "region_id")
            .annotate(total=Sum("count"))
            .order_by()
        )
        for occupation_id, region_id, total in postings:
            at((occupation_id, region_id)).postings += total or 0
        calls = window.filter(kind=DemandKind.CALL, call__deleted_at__isnull=True).values_list(
            "occupation_id", "region_id", "facility__company_id", "count"
        )
        for occupation_id, region_id, company_id, count in calls:
            cell = at((occupation_id, region_id))
            cell.call_openings += count
            cell.call_companies.add(company_id)  # a company's plants are one company
        latest: set[Key] = set()
        supply = (
            LabourSupply.objects.filter(period__lte=on)
            .order_by("occupation_id", "region_id", "-period", "pk")
            .values_list("occupation_id", "region_id", "employed", "unemployed")
        )
        for occupation_id, region_id, employed, unemployed in supply:
            key = (occupation_id, region_id)
            if key not in latest:
                latest.add(key)
                at(key).employed, at(key).unemployed = employed, unemployed
                at(key).supply_known = True
        regions = region_ids_by_name()
        programs = []
        for program in TrainingProgram.objects.prefetch_related(
            "campuses__municipality", "occupations"
        ):
            campus_regions = [
                regions[c.municipality.economic_region]
                for c in program.campuses.all()
                if c.deleted_at is None and c.municipality.economic_region in regions
            ]
            occupations = [o.pk for o in program.occupations.all()]
            programs.append((program.graduates_per_year, campus_regions, occupations))
        for key, graduates in graduates_by_cell(programs).items():
            at(key).graduates += graduates
    return figures


@dataclass(frozen=True, slots=True)
class GapLine:
    rank: int
    gap: Gap
    occupation: Occupation
    region: Region
    companies: Cell
    band: str


@dataclass
class Analysis:
    on: dt.date
    start: dt.date
    sees_small_counts: bool
    lines: list[GapLine]

    def by_key(self) -> dict[Key, GapLine]:
        return {(line.occupation.pk, line.region.pk): line for line in self.lines}


def analysis_for(
    user: Any,
    on: dt.date | None = None,
    *,
    region: int | None = None,
    occupation: int | None = None,
    teer: int | None = None,
    q: str = "",
) -> Analysis:
    """The ranked gap table as ``user`` may read it, optionally narrowed."""
    on = on or timezone.localdate()
    full = sees_small_counts(user)
    gaps = gap_table(collect(on), hide_calls_under=0 if full else MINIMUM)
    occupations = {o.pk: o for o in policy.visible(user, Occupation)}
    regions = {r.pk: r for r in policy.visible(user, Region)}
    needle = q.strip().lower()
    lines: list[GapLine] = []
    for gap in gaps:
        o, r = occupations.get(gap.occupation_id), regions.get(gap.region_id)
        if o is None or r is None:
            continue
        if region is not None and r.pk != region:
            continue
        if occupation is not None and o.pk != occupation:
            continue
        if teer is not None and o.teer != teer:
            continue
        if needle and needle not in o.title.lower() and not o.noc_code.startswith(needle):
            continue
        companies = for_reader(gap.companies, full=full)
        lines.append(GapLine(len(lines) + 1, gap, o, r, companies, band(gap.index)))
    return Analysis(on, months_back(on, WINDOW_MONTHS - 1), full, lines)
