"""Demo investment attraction and retention (fictional): see docs/attraction.md, "The demo"."""

from __future__ import annotations

from collections.abc import Callable

from corridor.attraction.demo_risk import build_demo_risk


def build_demo(say: Callable[[str], None] = print) -> None:
    build_demo_risk(say)
