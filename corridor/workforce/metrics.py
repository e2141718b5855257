"""Skills and workforce headline figures, registered with ``corridor.core.metrics``: the
gap table as a reader may read it (the reports dashboards, the briefing) and the
outreach evidence's count of occupations short of workers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core import metrics
from corridor.core.metrics import Period

SOURCE = "Skills and workforce"


def gap_analysis(reader: Any, period: Period | None, place: Any) -> Any:
    """The ranked skills gap table as ``reader`` may read it on ``period.as_of``
    (``workforce.gap_report.analysis_for``)."""
    from corridor.workforce.gap_report import analysis_for

    return analysis_for(reader, period.as_of if period is not None else None)


def shortages(reader: Any, period: Period | None, place: Any) -> int:
    """Occupations clearly short of workers in a region (shortage index 2 or more).

    Call openings from fewer than 5 companies are left out, as on partners' gap page,
    so the count can be shown to everyone."""
    from corridor.core.disclosure import MINIMUM
    from corridor.workforce.gap_report import collect
    from corridor.workforce.gaps import gap_table

    on = (period.as_of if period is not None else None) or dt.date.today()
    gaps = gap_table(collect(on), hide_calls_under=MINIMUM)
    return sum(1 for g in gaps if g.index >= 2)


def register() -> None:
    """The workforce figures (from ``WorkforceConfig.ready``)."""
    metrics.register(
        "workforce.gap_analysis", "Skills gaps", gap_analysis, source=SOURCE, unit="occupations"
    )
    metrics.register(
        "workforce.shortages",
        "Occupations clearly short of workers in a region (shortage index 2 or more)",
        shortages,
        source=SOURCE,
        unit="occupations",
        tags=("evidence",),
    )
