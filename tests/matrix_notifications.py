"""The notifications' part of the access matrix (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row


def build_notifications(world: Any) -> None:
    """Notifications of the matrix's people (filled in with the notification pages)."""


NOTIFICATION_PAGES: list[Row] = []
NOTIFICATION_API: list[Row] = []
NOTIFICATION_API_LISTS: dict[str, Any] = {}
