"""The calling program's headline figures, registered with ``corridor.core.metrics``.

Read by the reports dashboards and the mayors' briefing, the calling program's dashboard
and overview, and the outreach messaging library's live evidence (tagged
``evidence``: their keys are stored on messages and asks). Each is computed once per
page (see ``core/metrics.py``): ``reader`` ``None`` is the whole corridor (the evidence,
the partners' aggregates), otherwise what the reader may see through the policy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from corridor.calls.aggregates import (
    Quarter,
    Table,
    companies_called_by_region,
    issues_raised,
)
from corridor.calls.models import (
    Call,
    CallStatus,
    Campaign,
    Flag,
    FlagCategory,
    FlagStatus,
    FollowUp,
    FollowUpStatus,
    Severity,
)
from corridor.core import metrics, policy
from corridor.core.disclosure import Cell, for_reader, suppress_row_and_total
from corridor.core.metrics import Counted, Period
from corridor.registry.models import Facility

SOURCE = "Corporate calls"
# a red flag's age, in days since it was raised (the local day)
AGE_BUCKETS = (
    (0, 7, "0–7 days"),
    (8, 30, "8–30 days"),
    (31, 90, "31–90 days"),
    (91, None, "Over 90 days"),
)
# the flag categories that put a facility's jobs at risk; closing one retains them
RISK_CATEGORIES: tuple[str, ...] = (FlagCategory.RELOCATION_CLOSURE, FlagCategory.DOWNSIZING)


@dataclass(frozen=True, slots=True)
class Movement:
    """Facilities at risk or expanding: companies (suppressible) and the jobs at stake."""

    companies: Cell
    facilities: int | None
    jobs: int | None  # employees on record at those facilities; None when suppressed


def _as_of(period: Period | None) -> dt.date:
    return (period.as_of if period is not None else None) or timezone.localdate()


def _counted(reader: Any, rows: Any) -> Counted:
    """A count of ``rows`` and, for the whole corridor's figure (shown to anyone), the
    companies it stands on; a reader's own figure shows only what they may see."""
    if reader is not None:
        return Counted(rows.count())
    return Counted(rows.count(), metrics.companies_behind(rows, "facility__company_id"))


def completed(reader: Any, period: Period | None, place: Any) -> Counted:
    """Calls completed (scheduled in ``period``; every one when ``None``)."""
    rows = metrics.rows_of(Call, reader, place).filter(status=CallStatus.COMPLETED)
    return _counted(reader, metrics.between(rows, period, "scheduled_on"))


def planned(reader: Any, period: Period | None, place: Any) -> int:
    rows = metrics.rows_of(Call, reader, place).filter(status=CallStatus.PLANNED)
    return int(metrics.between(rows, period, "scheduled_on").count())


def completed_by_municipality(
    reader: Any, period: Period | None, place: Any
) -> list[tuple[str, int]]:
    """Calls completed per member municipality, the most first."""
    rows = metrics.between(
        metrics.rows_of(Call, reader, place).filter(status=CallStatus.COMPLETED),
        period,
        "scheduled_on",
    )
    by_place = Counter(rows.values_list("facility__municipality__name", flat=True))
    return sorted(
        ((name or "Outside a member municipality", n) for name, n in by_place.items()),
        key=lambda item: (-item[1], item[0]),
    )


def completed_by_organisation(reader: Any, period: Period | None, place: Any) -> Counter[int]:
    """Calls completed per calling organisation (its id)."""
    rows = metrics.between(
        metrics.rows_of(Call, reader, place).filter(status=CallStatus.COMPLETED),
        period,
        "scheduled_on",
    )
    return Counter(rows.values_list("organisation_id", flat=True))


def facilities_called(reader: Any, period: Period | None, place: Any) -> frozenset[int]:
    """The facilities with a completed call in ``period`` (e.g. the 12 months to a day)."""
    rows = metrics.between(
        metrics.rows_of(Call, reader, place).filter(status=CallStatus.COMPLETED),
        period,
        "scheduled_on",
    )
    return frozenset(rows.values_list("facility_id", flat=True))


def campaign_targets(reader: Any, period: Period | None, place: Any) -> frozenset[int]:
    """The facilities targeted by a campaign running at some time in ``period``."""
    campaigns = Campaign.objects.all() if reader is None else policy.visible(reader, Campaign)
    if period is not None and period.ends_on is not None:
        campaigns = campaigns.filter(starts_on__lte=period.ends_on)
    if period is not None and period.starts_on is not None:
        campaigns = campaigns.filter(ends_on__gte=period.starts_on)
    facilities = metrics.rows_of(Facility, reader, place, "municipality")
    return frozenset(
        facilities.filter(campaigns__in=list(campaigns.values_list("pk", flat=True)))
        .values_list("pk", flat=True)
        .distinct()
    )


def campaign_targets_called(reader: Any, period: Period | None, place: Any) -> int:
    """How many of the campaigns' targets had a completed call in ``period``."""
    targets = metrics.raw("calls.campaign_targets", reader, period, place)
    rows = metrics.between(
        metrics.rows_of(Call, reader, place).filter(status=CallStatus.COMPLETED),
        period,
        "scheduled_on",
    )
    return len(set(rows.filter(facility_id__in=targets).values_list("facility_id", flat=True)))


def _open_flags(reader: Any, period: Period | None, place: Any) -> Any:
    """Flags open and raised by the end of the period's day (the local day)."""
    return metrics.rows_of(Flag, reader, place).filter(
        status=FlagStatus.OPEN, created_at__date__lte=_as_of(period)
    )


def red_flags_by_age(reader: Any, period: Period | None, place: Any) -> list[tuple[str, int]]:
    """Open red flags by age on ``period.as_of`` (today), counted in local days."""
    as_of = _as_of(period)
    ages = [
        (as_of - timezone.localtime(created).date()).days
        for created in _open_flags(reader, period, place)
        .filter(severity=Severity.RED)
        .values_list("created_at", flat=True)
    ]
    return [
        (label, sum(1 for a in ages if low <= a and (high is None or a <= high)))
        for low, high, label in AGE_BUCKETS
    ]


def _movement_rows(categories: tuple[str, ...]) -> metrics.Compute:
    def rows(reader: Any, period: Period | None, place: Any) -> list[tuple[int, int, int | None]]:
        """(facility, company, employees) of the open flags of ``categories``."""
        return list(
            _open_flags(reader, period, place)
            .filter(category__in=categories)
            .values_list("facility_id", "facility__company_id", "facility__employees")
        )

    return rows


def movement(rows: list[tuple[int, int, int | None]], full: bool) -> Movement:
    """The companies behind the flags (suppressed unless ``full``) and the facilities and
    jobs at stake (not shown when the companies are not)."""
    cell = for_reader(len({company for _, company, _ in rows}), full=full)
    if cell.suppressed:
        return Movement(cell, None, None)
    jobs = {facility: employees or 0 for facility, _, employees in rows}
    return Movement(cell, len(jobs), sum(jobs.values()))


def overdue_follow_ups(reader: Any, period: Period | None, place: Any) -> int:
    rows = metrics.rows_of(FollowUp, reader, place).filter(
        status=FollowUpStatus.OPEN, due_on__lt=_as_of(period)
    )
    return int(rows.count())


def open_red_flags(reader: Any, period: Period | None, place: Any) -> Counted:
    rows = metrics.rows_of(Flag, reader, place).filter(
        severity=Severity.RED, status=FlagStatus.OPEN
    )
    return _counted(reader, rows)


def open_follow_ups(reader: Any, period: Period | None, place: Any) -> Counted:
    return _counted(
        reader, metrics.rows_of(FollowUp, reader, place).filter(status=FollowUpStatus.OPEN)
    )


def _quarters(period: Period | None) -> list[Quarter]:
    today = timezone.localdate()
    first = Quarter.of(period.starts_on if period and period.starts_on else today)
    last = Quarter.of(period.ends_on if period and period.ends_on else today)
    quarters = [first]
    while quarters[-1] != last:
        quarters.append(quarters[-1].next())
    return quarters


def _issues(reader: Any, period: Period | None, place: Any) -> list[tuple[str, Cell]]:
    """Distinct companies with a flag of each category raised in the period (aggregate,
    the corridor's), most first; unsuppressed. The period is the quarter to date when
    not given."""
    quarter = Quarter.of(timezone.localdate())
    start = period.starts_on if period and period.starts_on else quarter.starts_on
    end = period.ends_on if period and period.ends_on else quarter.ends_on
    return issues_raised(start, end, suppressed=False)


def _issues_shown(raw: list[tuple[str, Cell]], full: bool) -> list[tuple[str, Cell]]:
    return [(label, for_reader(cell.value or 0, full=full)) for label, cell in raw]


def _by_region(reader: Any, period: Period | None, place: Any) -> Table:
    """Distinct companies with a completed call per economic region and quarter of the
    period (aggregate, the corridor's); unsuppressed."""
    return companies_called_by_region(_quarters(period), suppressed=False)


def _by_region_shown(raw: Table, full: bool) -> Table:
    if full:
        return raw
    table = Table(raw.columns)
    for region, cells, total in raw.rows:
        counts = [c.value or 0 for c in cells]
        table.rows.append((region, *suppress_row_and_total(counts, total.value or 0)))
    return table


def register() -> None:
    """The calling program's figures (from ``CallsConfig.ready``)."""
    add = metrics.register
    evidence = ("evidence",)
    add(
        "calls.completed",
        "Corporate calls completed",
        completed,
        source=SOURCE,
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    add(
        "calls.open_red_flags",
        "Open red flags (plants at risk)",
        open_red_flags,
        source=SOURCE,
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    add(
        "calls.open_follow_ups",
        "Open follow-ups promised to companies",
        open_follow_ups,
        source=SOURCE,
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    add("calls.planned", "Calls planned", planned, source=SOURCE)
    add(
        "calls.completed_by_municipality",
        "Calls completed per municipality",
        completed_by_municipality,
        source=SOURCE,
    )
    add(
        "calls.completed_by_organisation",
        "Calls completed per organisation",
        completed_by_organisation,
        source=SOURCE,
    )
    add(
        "calls.facilities_called",
        "Facilities called",
        facilities_called,
        source=SOURCE,
        unit="facilities",
    )
    add(
        "calls.campaign_targets",
        "Campaign targets",
        campaign_targets,
        source=SOURCE,
        unit="facilities",
    )
    add(
        "calls.campaign_targets_called",
        "Campaign targets called",
        campaign_targets_called,
        source=SOURCE,
        unit="facilities",
    )
    add("calls.red_flags_by_age", "Open red flags by age", red_flags_by_age, source=SOURCE)
    add(
        "calls.at_risk",
        "Companies at risk (jobs)",
        _movement_rows(RISK_CATEGORIES),
        source=SOURCE,
        unit="companies",
        suppress=movement,
    )
    add(
        "calls.expanding",
        "Companies expanding (jobs)",
        _movement_rows((FlagCategory.EXPANSION,)),
        source=SOURCE,
        unit="companies",
        suppress=movement,
    )
    add("calls.overdue_follow_ups", "Overdue follow-ups", overdue_follow_ups, source=SOURCE)
    add(
        "calls.issues_raised",
        "Companies raising each issue",
        _issues,
        source=SOURCE,
        unit="companies",
        suppress=_issues_shown,
    )
    add(
        "calls.companies_called_by_region",
        "Companies called per region and quarter",
        _by_region,
        source=SOURCE,
        unit="companies",
        suppress=_by_region_shown,
    )
