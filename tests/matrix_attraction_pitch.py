"""The attraction pitch's part of the access matrix (see tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row


def build_attraction_pitch(world: Any) -> None:
    """Add the rows' objects to the matrix world (after every other capability's)."""


ATTRACTION_PITCH_PAGES: list[Row] = []
ATTRACTION_PITCH_API: list[Row] = []
ATTRACTION_PITCH_API_LISTS: dict[str, Any] = {}
