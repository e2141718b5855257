"""What investment attraction and retention tell people through notifications."""

from __future__ import annotations


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
