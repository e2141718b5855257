"""One occupation over time and who asks for it, as one reader may see it.

Monthly job postings and openings reported on calls for the last 24 months; companies
asking for it per region, added up (partners see counts of fewer than 5 companies, and
the openings behind them, suppressed). The visiting municipality and the coordinator
also see their own calls' rows (``policy.can_read_confidential`` of a call's ``Demand``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from corridor.core import policy
from corridor.core.disclosure import Cell, for_reader
from corridor.core.scoping import system_scope
from corridor.workforce.gap_report import months_back
from corridor.workforce.models import Demand, DemandKind, Occupation, Region
from corridor.workforce.rules import sees_small_counts

SERIES_MONTHS = 24


@dataclass(frozen=True, slots=True)
class Month:
    month: dt.date
    postings: int
    call_openings: int | None  # None: suppressed
    companies: Cell


@dataclass(frozen=True, slots=True)
class RegionAsks:
    region: Region
    companies: Cell
    openings: int | None  # None: suppressed


def _calls(occupation: Occupation, start: dt.date, on: dt.date) -> Any:
    return Demand.objects.filter(
        kind=DemandKind.CALL,
        occupation=occupation,
        month__gte=start,
        month__lte=on,
        call__deleted_at__isnull=True,
    )


def _shown(full: bool, companies: int, value: int) -> tuple[Cell, int | None]:
    cell = for_reader(companies, full=full)
    return cell, (None if cell.suppressed else value)


def series(
    user: Any, occupation: Occupation, on: dt.date, region: Region | None = None
) -> list[Month]:
    full = sees_small_counts(user)
    start = months_back(on, SERIES_MONTHS - 1)
    postings: dict[dt.date, int] = defaultdict(int)
    openings: dict[dt.date, int] = defaultdict(int)
    companies: dict[dt.date, set[int]] = defaultdict(set)
    with system_scope("monthly sums of an occupation's demand"):
        rows = Demand.objects.filter(
            kind=DemandKind.POSTINGS, occupation=occupation, month__gte=start, month__lte=on
        )
        calls = _calls(occupation, start, on)
        if region is not None:
            rows, calls = rows.filter(region=region), calls.filter(region=region)
        for month, total in rows.values_list("month").annotate(t=Sum("count")).order_by():
            postings[month] += total or 0
        for month, company_id, count in calls.values_list("month", "facility__company_id", "count"):
            openings[month] += count
            companies[month].add(company_id)  # a company's plants are one company
    out = []
    for i in range(SERIES_MONTHS):
        month = months_back(on, SERIES_MONTHS - 1 - i)
        cell, value = _shown(full, len(companies[month]), openings[month])
        out.append(Month(month, postings[month], value, cell))
    return out


def companies_asking(user: Any, occupation: Occupation, on: dt.date) -> list[RegionAsks]:
    """Per region, the companies that named the occupation on calls in the last 12 months."""
    full = sees_small_counts(user)
    start = months_back(on, 11)
    openings: dict[int, int] = defaultdict(int)
    companies: dict[int, set[int]] = defaultdict(set)
    with system_scope("companies asking for an occupation, added up"):
        for region_id, company_id, count in (
            _calls(occupation, start, on)
            .filter(region__isnull=False)
            .values_list("region_id", "facility__company_id", "count")
        ):
            openings[region_id] += count
            companies[region_id].add(company_id)
    regions = policy.visible(user, Region).filter(pk__in=list(companies))
    out = []
    for region in regions:
        cell, value = _shown(full, len(companies[region.pk]), openings[region.pk])
        out.append(RegionAsks(region, cell, value))
    return out


def own_call_rows(user: Any, occupation: Occupation) -> list[Demand]:
    """The calls' rows the reader may see one by one (their own municipality's)."""
    return list(
        policy.visible(user, Demand)
        .filter(kind=DemandKind.CALL, occupation=occupation, call__deleted_at__isnull=True)
        .select_related("facility", "region", "call")
        .order_by("-month", "pk")[:100]
    )
