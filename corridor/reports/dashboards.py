"""The figures of the reports dashboards and of the mayors' quarterly briefing.

Plain functions of (user, quarter, municipality): every query goes through
``policy.visible`` or through an app's own aggregate (which suppresses small
counts), so a dashboard shows exactly what its reader may know. Counts of
companies derived from confidential call answers (risk, expansion, issues) are
suppressed below ``disclosure.MINIMUM`` for every reader except the coordinator
office and the municipality that owns the calls; so are the investment-attraction
pipeline's counts of prospects and the money and jobs behind them
(``attraction.outcomes``), which participants alone read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from corridor.attraction.outcomes import PipelineFigures, pipeline_figures
from corridor.calls.aggregates import Quarter
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
from corridor.core import policy
from corridor.core.disclosure import Cell, for_reader
from corridor.core.models import Municipality
from corridor.intel.models import Fact
from corridor.programs.models import FundedProject, Referral
from corridor.registry.models import Facility

AGE_BUCKETS = (
    (0, 7, "0–7 days"),
    (8, 30, "8–30 days"),
    (31, 90, "31–90 days"),
    (91, None, "Over 90 days"),
)
RISK = (FlagCategory.RELOCATION_CLOSURE, FlagCategory.DOWNSIZING)
WON = ("approved", "funded")
QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)


class BadQuarter(ValueError):
    pass


def parse_quarter(text: str) -> Quarter:
    """``2026Q3`` (also ``2026 Q3``, ``2026-q3``) as a Quarter, or BadQuarter saying why."""
    match = QUARTER_PATTERN.match(text or "")
    if not match:
        raise BadQuarter(f"{text!r} is not a quarter: write it as YEAR then Q1 to Q4, e.g. 2026Q3.")
    return Quarter(int(match.group(1)), int(match.group(2)))


def quarter_slug(quarter: Quarter) -> str:
    return f"{quarter.year}Q{quarter.number}"


@dataclass(frozen=True, slots=True)
class Movement:
    """Facilities at risk or expanding: companies (suppressible) and the jobs at stake."""

    companies: Cell
    facilities: int | None
    jobs: int | None  # employees on record at those facilities; None when suppressed


@dataclass
class Dashboard:
    quarter: Quarter
    municipality: Municipality | None
    full: bool  # the reader may see unsuppressed, per-company figures
    calls_completed: int = 0
    calls_planned: int = 0
    campaign_targets: int = 0
    campaign_targets_called: int = 0
    facilities: int = 0
    facilities_called: int = 0  # with a completed call in the 12 months to the quarter's end
    red_flags_by_age: list[tuple[str, int]] = field(default_factory=list)
    overdue_follow_ups: int = 0
    at_risk: Movement = Movement(Cell(0), 0, 0)
    expanding: Movement = Movement(Cell(0), 0, 0)
    investment_announced: Decimal = Decimal(0)
    investment_facts: int = 0
    investment_tracked: Decimal = Decimal(0)  # every announcement up to the quarter's end
    investment_tracked_facts: int = 0
    program_contribution: int = 0
    funded_projects: int = 0
    jobs_expected: int = 0
    referrals: int = 0
    referrals_won: int = 0
    calls_by_municipality: list[tuple[str, int]] = field(default_factory=list)
    # capability, unmet needs (None: not shown), companies whose needs are unmet
    supply_gaps: list[tuple[str, int | None, Cell]] = field(default_factory=list)
    skills_gaps: list[tuple[str, str, float, Cell]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    # investment attraction and retention: participants only (None for partners)
    attraction: PipelineFigures | None = None

    @property
    def coverage_percent(self) -> int:
        return round(100 * self.facilities_called / self.facilities) if self.facilities else 0

    @property
    def target_percent(self) -> int:
        if not self.campaign_targets:
            return 0
        return round(100 * self.campaign_targets_called / self.campaign_targets)

    @property
    def red_flags_open(self) -> int:
        return sum(n for _, n in self.red_flags_by_age)


def sees_everything(user: Any, municipality: Municipality | None) -> bool:
    """The coordinator office, or an officer of the municipality the dashboard is about."""
    actor = policy.actor_for(user)
    if actor.is_coordinator:
        return True
    return municipality is not None and any(
        m.organisation_kind == "municipality" and m.municipality_id == municipality.pk
        for m in actor.memberships
    )


def own_municipality(user: Any) -> Municipality | None:
    """The member municipality a municipal officer or mayor acts for (the first one)."""
    for m in policy.actor_for(user).memberships:
        if m.organisation_kind == "municipality" and m.municipality_id is not None:
            return policy.visible(user, Municipality).filter(pk=m.municipality_id).first()
    return None


def _in(qs: Any, municipality: Municipality | None, path: str = "facility__municipality") -> Any:
    return qs.filter(**{path: municipality}) if municipality is not None else qs


def _movement(user: Any, flags: Any, categories: tuple[str, ...], full: bool) -> Movement:
    rows = list(
        flags.filter(category__in=categories).values_list(
            "facility_id", "facility__company_id", "facility__employees"
        )
    )
    companies = len({company for _, company, _ in rows})
    cell = for_reader(companies, full=full)
    if cell.suppressed:
        return Movement(cell, None, None)
    jobs = {facility: employees or 0 for facility, _, employees in rows}
    return Movement(cell, len(jobs), sum(jobs.values()))


@dataclass(frozen=True, slots=True)
class CorridorGaps:
    """The supply-gap analysis and the skills gap table as ``user`` may read them: the whole
    corridor's, the same on every municipality's dashboard, so a briefing reads them once
    for all its pages."""

    supply: list[Any]  # supplychain.gaps.Gap, the largest unmet value first
    skills: Any  # workforce.gap_report.Analysis


def _as_of(quarter: Quarter, today: dt.date | None) -> dt.date:
    return min(today or dt.date.today(), quarter.ends_on)


def corridor_gaps(user: Any, quarter: Quarter, today: dt.date | None = None) -> CorridorGaps:
    from corridor.supplychain.gaps import gap_analysis
    from corridor.workforce.gap_report import analysis_for

    return CorridorGaps(gap_analysis(), analysis_for(user, _as_of(quarter, today)))


def build(
    user: Any,
    quarter: Quarter,
    municipality: Municipality | None = None,
    *,
    today: dt.date | None = None,
    suppressed: bool = False,
    gaps: CorridorGaps | None = None,
) -> Dashboard:
    """Every figure of one dashboard, for ``user``, one quarter and optionally one place
    (``gaps``: ``corridor_gaps`` for the same user, quarter and day, when already read)."""
    start, end = quarter.starts_on, quarter.ends_on
    as_of = _as_of(quarter, today)
    full = sees_everything(user, municipality) and not suppressed
    board = Dashboard(quarter, municipality, full)

    calls = _in(policy.visible(user, Call), municipality)
    in_quarter = calls.filter(scheduled_on__gte=start, scheduled_on__lte=end)
    board.calls_completed = in_quarter.filter(status=CallStatus.COMPLETED).count()
    board.calls_planned = in_quarter.filter(status=CallStatus.PLANNED).count()
    by_place = Counter(
        in_quarter.filter(status=CallStatus.COMPLETED).values_list(
            "facility__municipality__name", flat=True
        )
    )
    board.calls_by_municipality = sorted(
        ((name or "Outside a member municipality", n) for name, n in by_place.items()),
        key=lambda item: (-item[1], item[0]),
    )

    facilities = _in(policy.visible(user, Facility), municipality, "municipality")
    campaigns = policy.visible(user, Campaign).filter(starts_on__lte=end, ends_on__gte=start)
    targets = set(
        facilities.filter(campaigns__in=list(campaigns.values_list("pk", flat=True)))
        .values_list("pk", flat=True)
        .distinct()
    )
    completed = calls.filter(status=CallStatus.COMPLETED)
    board.campaign_targets = len(targets)
    board.campaign_targets_called = len(
        set(
            completed.filter(
                facility_id__in=targets, scheduled_on__gte=start, scheduled_on__lte=end
            ).values_list("facility_id", flat=True)
        )
    )

    board.facilities = facilities.count()
    called = set(
        completed.filter(
            scheduled_on__gt=end - dt.timedelta(days=365), scheduled_on__lte=end
        ).values_list("facility_id", flat=True)
    )
    board.facilities_called = facilities.filter(pk__in=called).count()
    for f in facilities.filter(latitude__isnull=False, longitude__isnull=False).order_by("name"):
        board.points.append(
            {
                "lat": float(f.latitude),
                "lon": float(f.longitude),
                "label": f.name,
                "url": f"/registry/facilities/{f.pk}/",
                "detail": "Called in the last 12 months" if f.pk in called else "Not called",
                "called": f.pk in called,
                "colour": "#1e6b34" if f.pk in called else "#ffffff",
                "radius": 8 if f.pk in called else 5,
            }
        )

    flags = _in(policy.visible(user, Flag), municipality).filter(
        status=FlagStatus.OPEN, created_at__date__lte=as_of
    )
    ages = [
        (as_of - created.date()).days
        for created in flags.filter(severity=Severity.RED).values_list("created_at", flat=True)
    ]
    board.red_flags_by_age = [
        (label, sum(1 for a in ages if low <= a and (high is None or a <= high)))
        for low, high, label in AGE_BUCKETS
    ]
    board.at_risk = _movement(user, flags, RISK, full)
    board.expanding = _movement(user, flags, (FlagCategory.EXPANSION,), full)

    board.overdue_follow_ups = (
        _in(policy.visible(user, FollowUp), municipality)
        .filter(status=FollowUpStatus.OPEN, due_on__lt=as_of)
        .count()
    )

    facts = policy.visible(user, Fact).filter(
        kind="investment", date__lte=end, amount_cad__isnull=False
    )
    facts = facts.exclude(status="rejected")
    if municipality is not None:
        facts = facts.filter(recipient_company__facilities__municipality=municipality).distinct()
    for amount, day in facts.values_list("amount_cad", "date"):
        amount = amount or Decimal(0)
        board.investment_tracked += amount
        board.investment_tracked_facts += 1
        if day is not None and day >= start:
            board.investment_announced += amount
            board.investment_facts += 1

    projects = _in(policy.visible(user, FundedProject), municipality, "municipality")
    projects = projects.filter(approved_on__gte=start, approved_on__lte=end).exclude(
        status="cancelled"
    )
    for contribution, jobs in projects.values_list("contribution", "jobs_created_expected"):
        board.funded_projects += 1
        board.program_contribution += contribution or 0
        board.jobs_expected += jobs or 0

    referrals = _in(policy.visible(user, Referral), municipality).filter(
        referred_on__gte=start, referred_on__lte=end
    )
    board.referrals = referrals.count()
    board.referrals_won = referrals.filter(status__in=WON).count()

    gaps = gaps or corridor_gaps(user, quarter, today)
    for gap in [g for g in gaps.supply if g.unmet_needs][:8]:
        # the companies behind the unmet needs; their number of needs is not shown
        # where the companies are too few to be shown
        buyers = for_reader(gap.unmet_buyer_count, full=full)
        unmet = None if buyers.suppressed else gap.unmet_needs
        board.supply_gaps.append((gap.capability.label, unmet, buyers))
    region = municipality.economic_region if municipality is not None else None
    for line in gaps.skills.lines:
        if region and line.region.name != region:
            continue
        # a briefing leaves the office: its company counts are suppressed whoever prints it
        companies = for_reader(line.gap.companies, full=full)
        board.skills_gaps.append(
            (line.occupation.title, line.region.name, round(line.gap.index, 1), companies)
        )
        if len(board.skills_gaps) == 8:
            break

    if policy.actor_for(user).is_participant:
        board.attraction = pipeline_figures(user, start, end, municipality, full=full)
    return board


@dataclass
class Shared:
    """What partners read: counts of companies by region and issue, small ones suppressed."""

    regions: list[tuple[str, Cell]]
    issues: list[tuple[str, Cell]]


def shared(quarter: Quarter) -> Shared:
    from corridor.calls.aggregates import companies_called_by_region, issues_raised

    table = companies_called_by_region([quarter])
    return Shared(
        [(region, total) for region, _, total in table.rows],
        issues_raised(quarter.starts_on, quarter.ends_on),
    )
