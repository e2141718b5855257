"""The figures of the reports dashboards and of the mayors' quarterly briefing.

Plain functions of (user, quarter, municipality) that read each figure from
``corridor.core.metrics``, where the capabilities register them (``calls/metrics.py``,
``registry/metrics.py``, ``intel/metrics.py``, ``programs/metrics.py``,
``supplychain/metrics.py``, ``workforce/metrics.py``, ``attraction/metrics.py``): every
query goes through ``policy.visible`` or through an app's own aggregate, so a dashboard
shows exactly what its reader may know, and a figure is computed once per page or
briefing however many sections show it (``metrics.session()``). Counts of companies
derived from confidential call answers (risk, expansion, issues) are suppressed below
``disclosure.MINIMUM`` for every reader except the coordinator office and the
municipality that owns the calls; so are the investment-attraction pipeline's counts of
prospects and the money and jobs behind them (``attraction.outcomes``), which
participants alone read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from corridor.attraction.outcomes import PipelineFigures
from corridor.calls.aggregates import Quarter
from corridor.calls.metrics import Movement
from corridor.core import metrics, policy
from corridor.core.disclosure import Cell, for_reader
from corridor.core.metrics import Period
from corridor.core.models import Municipality
from corridor.registry.models import Facility

QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)


NO_MOVEMENT = Movement(Cell(0), 0, 0)


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
    at_risk: Movement = NO_MOVEMENT
    expanding: Movement = NO_MOVEMENT
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
    """The corridor's supply gaps and ``user``'s skills gap table on the quarter's day:
    read once per session (``metrics``), however many dashboards of a briefing show them."""
    as_of = _as_of(quarter, today)
    return CorridorGaps(
        metrics.raw("supplychain.gap_analysis", None),
        metrics.raw("workforce.gap_analysis", user, Period(as_of=as_of)),
    )


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
    (``gaps``: ``corridor_gaps`` for the same user, quarter and day, when already read).
    Each figure is read through ``metrics`` in the open session (a briefing's), or in a
    session of this dashboard's own."""
    with metrics.session():
        return _build(user, quarter, municipality, today, suppressed, gaps)


def _build(
    user: Any,
    quarter: Quarter,
    municipality: Municipality | None,
    today: dt.date | None,
    suppressed: bool,
    gaps: CorridorGaps | None,
) -> Dashboard:
    start, end = quarter.starts_on, quarter.ends_on
    as_of = _as_of(quarter, today)
    full = sees_everything(user, municipality) and not suppressed
    board = Dashboard(quarter, municipality, full)
    period = Period(start, end, as_of)
    # "called in the last 12 months": the 365 days to the quarter's end
    year = Period(end - dt.timedelta(days=364), end)

    def figure(key: str, when: Period = period) -> Any:
        return metrics.value(key, user, when, municipality, full=full)

    board.calls_completed = figure("calls.completed").value
    board.calls_planned = figure("calls.planned")
    board.calls_by_municipality = figure("calls.completed_by_municipality")
    board.campaign_targets = len(figure("calls.campaign_targets"))
    board.campaign_targets_called = figure("calls.campaign_targets_called")

    facilities: Any = policy.visible(user, Facility)
    if municipality is not None:
        facilities = facilities.filter(municipality=municipality)
    board.facilities = figure("registry.facilities").value
    called = figure("calls.facilities_called", year)
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

    board.red_flags_by_age = figure("calls.red_flags_by_age")
    board.at_risk = figure("calls.at_risk")
    board.expanding = figure("calls.expanding")
    board.overdue_follow_ups = figure("calls.overdue_follow_ups")

    investment = figure("intel.investment")
    board.investment_announced = investment.announced
    board.investment_facts = investment.announced_facts
    board.investment_tracked = investment.tracked
    board.investment_tracked_facts = investment.tracked_facts

    funded = figure("programs.funded_projects")
    board.funded_projects = funded.projects
    board.program_contribution = funded.contribution
    board.jobs_expected = funded.jobs_expected
    referrals = figure("programs.referrals")
    board.referrals, board.referrals_won = referrals.referrals, referrals.won

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
        board.attraction = figure("attraction.pipeline")
    return board


@dataclass
class Shared:
    """What partners read: counts of companies by region and issue, small ones suppressed."""

    regions: list[tuple[str, Cell]]
    issues: list[tuple[str, Cell]]


def shared(quarter: Quarter) -> Shared:
    """The corridor's aggregates of the quarter (``calls/metrics.py``), as partners read
    them: small counts suppressed."""
    period = Period(quarter.starts_on, quarter.ends_on)
    with metrics.session():
        table = metrics.value("calls.companies_called_by_region", None, period, full=False)
        issues = metrics.value("calls.issues_raised", None, period, full=False)
    return Shared([(region, total) for region, _, total in table.rows], issues)
