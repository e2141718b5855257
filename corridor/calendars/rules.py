"""Access rules for calendar feeds: a feed is its owner's alone, as API tokens are.

The calendar's entries themselves are decided by the rules of the apps they come from
(calls, outreach): each source asks ``core.policy`` as the reader.
"""

from __future__ import annotations

from typing import Any

from corridor.calendars.models import CalendarFeed
from corridor.core.policy import Actor, Rule, register
from corridor.core.scoping import ScopedQuerySet


@register(CalendarFeed)
class CalendarFeedRule(Rule):
    """Only its owner sees or replaces a feed (not even the coordinator)."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs.filter(user_id=actor.user_id) if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_authenticated

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return bool(obj.user_id == actor.user_id)
