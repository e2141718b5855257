"""Access rules for calendar feeds: a feed is its owner's alone, as API tokens are.

The calendar's entries themselves are decided by the rules of the apps they come from
(calls, outreach): each source asks ``core.policy`` as the reader.
"""

from __future__ import annotations

from corridor.calendars.models import CalendarFeed
from corridor.core.policy import OwnRule, register


@register(CalendarFeed)
class CalendarFeedRule(OwnRule):
    """Only its owner sees or replaces a feed (not even the coordinator)."""
