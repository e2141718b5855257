"""The bell in the page header: how many of my notifications are unread (one COUNT)."""

from __future__ import annotations

from typing import Any

from django import template

from corridor.notifications import services

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: Any) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return services.unread_count(user)
