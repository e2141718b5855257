"""Template filters for people shown on pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def person(user: Any, missing: str = "—") -> str:
    """A person's full name, else their username; ``missing`` when there is nobody
    (an account since removed, or work Corridor did itself)."""
    if user is None:
        return missing
    return str(user.get_full_name() or user.username)
