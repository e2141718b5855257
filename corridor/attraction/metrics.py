"""Investment attraction and retention's headline figures, registered with
``corridor.core.metrics``: the pipeline and retention figures of the reports dashboards
and the mayors' briefing (``attraction.outcomes``)."""

from __future__ import annotations

from typing import Any

from corridor.attraction.outcomes import PipelineData, PipelineFigures, figures_from, read_pipeline
from corridor.core import metrics
from corridor.core.metrics import Period


def pipeline(reader: Any, period: Period | None, place: Any) -> PipelineData:
    """What the quarter's pipeline and retention figures are made of, as ``reader`` may
    read it (a period with its first and last day)."""
    if period is None or period.starts_on is None or period.ends_on is None:
        raise ValueError("The pipeline's figures are of a period with a first and a last day.")
    return read_pipeline(reader, period.starts_on, period.ends_on, place)


def shown(data: PipelineData, full: bool) -> PipelineFigures:
    return figures_from(data, full)


def register() -> None:
    """Attraction's figures (from ``AttractionConfig.ready``)."""
    metrics.register(
        "attraction.pipeline",
        "Investment attraction and retention",
        pipeline,
        source="Investment attraction",
        unit="prospects",
        suppress=shown,
    )
