"""What the skills-map pages share."""

from __future__ import annotations

from typing import Any

NAV = "workforce"


def section(name: str) -> dict[str, Any]:
    """Context every skills-map page carries: its main-navigation entry and its sub-page."""
    return {"nav_current": NAV, "workforce_section": name}
