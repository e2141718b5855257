"""What the retention early warning plugs into: the periodic assessment in the worker."""

from __future__ import annotations


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
