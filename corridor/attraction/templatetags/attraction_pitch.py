"""Template filters of the pitch pack: whole dollars and counts with commas."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def pitch_dollars(value: Any) -> str:
    """4000000 -> "$4,000,000"; None -> "not shown"."""
    if value is None or value == "":
        return "not shown"
    return f"${round(float(value)):,}"


@register.filter
def pitch_number(value: Any) -> str:
    """1200 -> "1,200"; 40.4 -> "40"; None -> "—"."""
    if value is None or value == "":
        return "—"
    return f"{round(float(value)):,}"
