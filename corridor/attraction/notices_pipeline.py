"""What the pipeline tells people through notifications (see docs/notifications.md)."""

from __future__ import annotations


def register() -> None:
    """Called once, from ``notices.register()``."""
