"""What the pipeline won and what the corridor kept: the figures of the dashboards and of
the mayors' briefing (see docs/attraction.md, "Outcomes on the dashboards and in the
briefing").

``pipeline_figures(user, quarter_start, quarter_end, municipality, full=...)`` reads only
what ``user`` may see (``policy.visible``; ``risk.listed``) and returns:

* the open pipeline by stage at the quarter's end: prospects, estimated investment and
  jobs (a prospect counts at the stage its stage changes give it on that day);
* the projects won and lost in the quarter (by ``decided_on``), with the reasons of the
  losses counted, and the win rate over the four quarters to the quarter's end;
* retention: the facilities and jobs at risk now (the risk list), and the jobs retained
  in the quarter: the employees on record at facilities whose relocation/closure or
  downsizing flags were closed in the quarter, plus the jobs won by expansion prospects
  decided in the quarter.

Counts of companies or prospects under ``disclosure.MINIMUM`` and the money and jobs
behind them are not shown unless ``full`` (the coordinator office, or the officers of the
municipality whose dashboard it is; never in print), as for every dashboard figure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from corridor.attraction import risk
from corridor.attraction.models import (
    OPEN_STAGES,
    OutcomeReason,
    Prospect,
    ProspectKind,
    Stage,
    StageChange,
)
from corridor.attraction.models.risk import RiskReason
from corridor.calls.metrics import RISK_CATEGORIES
from corridor.calls.models import Flag, FlagStatus
from corridor.core import policy
from corridor.core.disclosure import Cell, for_reader, suppress_row_and_total
from corridor.core.models import Municipality
from corridor.registry.models import Facility

TOP_RISKS = 5
NOT_RECORDED = "Not recorded"
NONE = Cell(0)


@dataclass(frozen=True, slots=True)
class StageLine:
    """One open stage: its prospects, and their estimated investment and jobs (None when
    the prospects are too few to be shown)."""

    stage: str
    label: str
    prospects: Cell
    investment: int | None
    jobs: int | None
    percent: int = 0  # the bar's length: its investment against the largest stage's


@dataclass(frozen=True, slots=True)
class Decided:
    """Projects won (or lost) in the quarter: how many, and their investment and jobs
    (committed for wins, estimated for losses); None when too few to be shown."""

    prospects: Cell
    investment: int | None
    jobs: int | None


@dataclass(frozen=True, slots=True)
class AtRisk:
    """One facility of the risk list, with its heaviest reason."""

    facility: Facility
    score: int
    jobs: int | None
    reason: str


@dataclass
class PipelineFigures:
    quarter_start: dt.date
    quarter_end: dt.date
    full: bool
    stages: list[StageLine] = field(default_factory=list)
    open_prospects: Cell = NONE
    open_investment: int | None = 0
    open_jobs: int | None = 0
    won: Decided = Decided(NONE, 0, 0)
    lost: Decided = Decided(NONE, 0, 0)
    lost_reasons: list[tuple[str, Cell]] = field(default_factory=list)
    decided_in_year: Cell = NONE  # won + lost over the four quarters to the quarter's end
    win_rate: int | None = None  # percent; None when nothing was decided or not shown
    facilities_at_risk: Cell = NONE
    jobs_at_risk: int | None = 0
    jobs_retained: int | None = 0
    retained_companies: Cell = NONE
    top_risks: list[AtRisk] = field(default_factory=list)

    @property
    def jobs_won(self) -> int | None:
        return self.won.jobs

    @property
    def year_start(self) -> dt.date:
        return four_quarters_from(self.quarter_start)

    @property
    def risk_percent(self) -> int:
        """The bars comparing the jobs at risk and retained (nothing when either is hidden)."""
        return self._share(self.jobs_at_risk)

    @property
    def retained_percent(self) -> int:
        return self._share(self.jobs_retained)

    def _share(self, value: int | None) -> int:
        if self.jobs_at_risk is None or self.jobs_retained is None or not value:
            return 0
        return round(100 * value / max(self.jobs_at_risk, self.jobs_retained))

    @property
    def has_pipeline(self) -> bool:
        return bool(self.open_prospects.value or self.open_prospects.suppressed)


def four_quarters_from(quarter_start: dt.date) -> dt.date:
    """The first day of the four quarters that end with the one starting ``quarter_start``."""
    months = quarter_start.year * 12 + quarter_start.month - 1 - 9
    return dt.date(months // 12, months % 12 + 1, 1)


def prospects_for(user: Any, municipality: Municipality | None) -> Any:
    """The prospects ``user`` may see that count for ``municipality``'s figures: those that
    would land there, or that its own economic-development office works (every one for
    the region)."""
    prospects = policy.visible(user, Prospect)
    if municipality is None:
        return prospects
    return prospects.filter(
        Q(municipality=municipality)
        | Q(organisation__municipality=municipality, organisation__kind="municipality")
    )


def _stage_on(
    day: dt.date, stage: str, changed_on: dt.date, history: list[tuple[dt.date, str]]
) -> str | None:
    """A prospect's stage at the end of ``day``, from its stage changes (in order); one with
    no recorded change is taken at its stage from ``changed_on``; None: not yet listed."""
    if history:
        before = [to_stage for on, to_stage in history if on <= day]
        return before[-1] if before else None
    return stage if changed_on <= day else None


def _shown(cell: Cell, value: int) -> int | None:
    return None if cell.suppressed else value


@dataclass(frozen=True, slots=True)
class PipelineData:
    """What the figures are made of, as ``user`` may read it (``read_pipeline``): the
    prospects' rows and stage changes, the risk list and the risk flags closed in the
    quarter. The same for a reader who sees small counts and one who does not."""

    quarter_start: dt.date
    quarter_end: dt.date
    rows: list[tuple[Any, ...]]
    history: dict[int, list[tuple[dt.date, str]]]
    listed: list[Any]  # risk.RiskLine, the heaviest first
    kept: dict[int, tuple[int, int]]  # facility -> (company, employees)


def read_pipeline(
    user: Any,
    quarter_start: dt.date,
    quarter_end: dt.date,
    municipality: Municipality | None = None,
) -> PipelineData:
    """Read what the pipeline's and the retention's figures need: five queries, whatever
    the number of rows."""
    prospects = prospects_for(user, municipality)
    rows = list(
        prospects.values_list(
            "pk", "stage", "stage_changed_on", "estimated_investment", "estimated_jobs",
            "decided_on", "won_investment", "won_jobs", "outcome_reason", "kind", "company_id",
        )
    )  # fmt: skip
    history: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    changes = policy.visible(user, StageChange).filter(prospect__in=prospects.values("pk"))
    for prospect_id, on, to_stage in changes.order_by("changed_on", "pk").values_list(
        "prospect_id", "changed_on", "to_stage"
    ):
        history[prospect_id].append((on, to_stage))
    listed = risk.listed(user, municipality)
    closed = policy.visible(user, Flag).filter(
        category__in=RISK_CATEGORIES,
        status=FlagStatus.CLOSED,
        closed_at__date__gte=quarter_start,
        closed_at__date__lte=quarter_end,
    )
    if municipality is not None:
        closed = closed.filter(facility__municipality=municipality)
    kept = {
        facility: (company, employees or 0)
        for facility, company, employees in closed.values_list(
            "facility_id", "facility__company_id", "facility__employees"
        )
    }
    return PipelineData(quarter_start, quarter_end, rows, dict(history), listed, kept)


def pipeline_figures(
    user: Any,
    quarter_start: dt.date,
    quarter_end: dt.date,
    municipality: Municipality | None = None,
    *,
    full: bool = False,
) -> PipelineFigures:
    """The pipeline's and the retention's figures for one quarter, as ``user`` may read
    them (``full``: unsuppressed). Five queries, whatever the number of rows."""
    return figures_from(read_pipeline(user, quarter_start, quarter_end, municipality), full)


def figures_from(data: PipelineData, full: bool) -> PipelineFigures:
    """The figures of ``data`` as a reader is shown them: small counts (and the money and
    jobs behind them) suppressed unless ``full``. Reads nothing from the database."""
    quarter_start, quarter_end = data.quarter_start, data.quarter_end
    figures = PipelineFigures(quarter_start, quarter_end, full)
    rows, history = data.rows, data.history

    # the open pipeline at the quarter's end
    by_stage: dict[str, list[tuple[int, int]]] = {s: [] for s in OPEN_STAGES}
    for pk, stage, changed_on, investment, jobs, *_ in rows:
        at_end = _stage_on(quarter_end, stage, changed_on, history.get(pk, []))
        if at_end in by_stage:
            by_stage[at_end].append((investment or 0, jobs or 0))
    counts = [len(by_stage[s]) for s in OPEN_STAGES]
    if full:
        cells, total = [Cell(n) for n in counts], Cell(sum(counts))
    else:
        cells, total = suppress_row_and_total(counts, sum(counts))
    values = [
        (_shown(cell, sum(i for i, _ in by_stage[s])), _shown(cell, sum(j for _, j in by_stage[s])))
        for s, cell in zip(OPEN_STAGES, cells, strict=True)
    ]
    top = max((v or 0 for v, _ in values), default=0)
    figures.stages = [
        StageLine(
            stage,
            Stage(stage).label,
            cell,
            investment,
            jobs,
            round(100 * investment / top) if investment and top else 0,
        )
        for stage, cell, (investment, jobs) in zip(OPEN_STAGES, cells, values, strict=True)
    ]
    figures.open_prospects = total
    every = [line for lines in by_stage.values() for line in lines]
    figures.open_investment = _shown(total, sum(i for i, _ in every))
    figures.open_jobs = _shown(total, sum(j for _, j in every))

    # decided: won and lost in the quarter, and over the four quarters to its end
    def decided(stage: str, start: dt.date) -> list[tuple[Any, ...]]:
        return [
            r for r in rows if r[1] == stage and r[5] is not None and start <= r[5] <= quarter_end
        ]

    won, lost = decided(Stage.WON, quarter_start), decided(Stage.LOST, quarter_start)
    won_cell, lost_cell = for_reader(len(won), full=full), for_reader(len(lost), full=full)
    figures.won = Decided(
        won_cell,
        _shown(won_cell, sum(r[6] or 0 for r in won)),
        _shown(won_cell, sum(r[7] or 0 for r in won)),
    )
    figures.lost = Decided(
        lost_cell,
        _shown(lost_cell, sum(r[3] or 0 for r in lost)),
        _shown(lost_cell, sum(r[4] or 0 for r in lost)),
    )
    reasons = Counter(r[8] or "" for r in lost)
    order = [value for value, _ in OutcomeReason.choices if reasons[value]]
    order += [""] if reasons[""] else []
    labels = [OutcomeReason(v).label if v else NOT_RECORDED for v in order]
    reason_counts = [reasons[v] for v in order]
    if full:
        reason_cells = [Cell(n) for n in reason_counts]
    else:
        reason_cells, _ = suppress_row_and_total(reason_counts, len(lost))
    figures.lost_reasons = list(zip(labels, reason_cells, strict=True))
    year = four_quarters_from(quarter_start)
    won_year, lost_year = len(decided(Stage.WON, year)), len(decided(Stage.LOST, year))
    figures.decided_in_year = for_reader(won_year + lost_year, full=full)
    if won_year + lost_year and not figures.decided_in_year.suppressed:
        figures.win_rate = round(100 * won_year / (won_year + lost_year))

    # retention: at risk now, retained in the quarter
    listed = data.listed
    companies = for_reader(len({line.facility.company_id for line in listed}), full=full)
    figures.facilities_at_risk = Cell(None) if companies.suppressed else Cell(len(listed))
    figures.jobs_at_risk = _shown(companies, sum(line.jobs or 0 for line in listed))
    figures.top_risks = [
        AtRisk(line.facility, line.score, line.jobs, _heaviest(line.reasons))
        for line in listed[:TOP_RISKS]
    ]
    kept = data.kept
    expansions = [r for r in won if r[9] == ProspectKind.EXPANSION]
    behind = {("company", c) for c, _ in kept.values()}
    behind |= {("company", r[10]) if r[10] else ("prospect", r[0]) for r in expansions}
    figures.retained_companies = for_reader(len(behind), full=full)
    figures.jobs_retained = _shown(
        figures.retained_companies,
        sum(e for _, e in kept.values()) + sum(r[7] or 0 for r in expansions),
    )
    return figures


def _heaviest(reasons: list[dict[str, Any]]) -> str:
    if not reasons:
        return ""
    heaviest = max(reasons, key=lambda r: r.get("weight") or 0)  # the first of equals
    if heaviest.get("label"):
        return str(heaviest["label"])
    key = str(heaviest.get("reason") or "")
    return str(RiskReason(key).label) if key in RiskReason.values else key


__all__ = [
    "RISK_CATEGORIES",
    "AtRisk",
    "Decided",
    "PipelineData",
    "PipelineFigures",
    "StageLine",
    "figures_from",
    "four_quarters_from",
    "pipeline_figures",
    "prospects_for",
    "read_pipeline",
]
