"""What the pipeline plugs into: next steps on the calendar, prospects on the timeline."""

from __future__ import annotations


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
