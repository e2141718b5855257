"""Demo retention early warning (fictional): a plant with a red flag and its parent's
announcement heads the risk list."""

from __future__ import annotations

from collections.abc import Callable


def build_demo_risk(say: Callable[[str], None] = print) -> None:
    """Called at the end of ``demo.build_demo`` (the pipeline's demo)."""
