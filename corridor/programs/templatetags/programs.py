"""Template filters and the call form's program-fit panel."""

from __future__ import annotations

from typing import Any

from django import template

from corridor.programs.facility_panel import facility_programs
from corridor.supplychain.templatetags.supplychain import dollars

register = template.Library()
register.filter("dollars", dollars)


@register.filter
def times(value: Any) -> str:
    """A leverage ratio with two decimals and a times sign; None -> "Not known"."""
    return "Not known" if value is None else f"{value:.2f}×"


@register.filter
def per_million(value: Any) -> str:
    return "Not known" if value is None else f"{value:.1f}"


@register.filter
def figure(item: dict[str, Any]) -> str:
    """A published figure in words: dollars, "more than 3,000", "95%", "about 613"."""
    value, unit = item.get("value"), item.get("unit", "")
    if value is None:
        return "Not known"
    if unit == "dollars":
        return f"${value:,}"
    if unit == "percent":
        return f"{value}%"
    if unit in ("more than", "about"):
        return f"{unit} {value:,}"
    return f"{value:,}"


@register.inclusion_tag("programs/_program_fit.html", takes_context=True)
def program_fit(context: Any, facility: Any) -> dict[str, Any]:
    """The programs that fit a facility, for the page that records a call on it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"panel": facility_programs(user, facility) if user is not None else None}
