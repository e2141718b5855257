"""Template filters of the skills-map pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def people(value: Any) -> str:
    """A head count that may be fractional (graduates shared between campuses): 12.5, 40."""
    if value is None:
        return ""
    return f"{float(value):,.1f}".removesuffix(".0")


@register.filter
def index(value: Any) -> str:
    """A shortage index, two decimals."""
    return "" if value is None else f"{float(value):.2f}"
