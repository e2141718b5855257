"""Helpers for the notifications tests."""

from __future__ import annotations

from typing import Any

from corridor.core.scoping import system_scope
from corridor.notifications.models import Notification

# A kind every test process has (registered by corridor/calls/notices.py).
KIND = "calls.red-flag"


def told(user: Any, kind: str | None = None) -> list[Notification]:
    """What ``user`` was told (of ``kind``), newest first."""
    with system_scope("tests read what was told"):
        found = Notification.objects.filter(recipient=user)
        if kind is not None:
            found = found.filter(kind=kind)
        return list(found)


def texts(user: Any) -> str:
    """Every title and body ``user`` was told, as one string to search."""
    return "\n".join(f"{n.title}\n{n.body}" for n in told(user))
