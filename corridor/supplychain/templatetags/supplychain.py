"""Template filters of the supply-chain pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def dollars(value: Any) -> str:
    """Whole Canadian dollars with commas: 4000000 -> "$4,000,000"; None -> "Not known"."""
    if value is None or value == "":
        return "Not known"
    return f"${int(value):,}"
