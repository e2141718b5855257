"""What the program pages share: their navigation entry and sub-page."""

from __future__ import annotations

from typing import Any

NAV = "programs"


def section(name: str) -> dict[str, Any]:
    return {"nav_current": NAV, "programs_section": name}
