"""What goes on a user's calendar: planned calls, follow-up deadlines, outreach events.

Core knows no capability: each app registers its entries from its ``AppConfig.ready()``::

    calendar_entries.register("call", "Planned calls", planned_calls_between)

A source is called with the user and a window of dates and returns the entries the user
may see. The calendar pages (month, week, agenda) and each user's iCalendar feed read
the merged list (``entries_between``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One dated thing: all day (``start`` a date) or at a time (``start`` an aware
    datetime, with ``end`` or a default length)."""

    uid: str  # stable across reads, unique in Corridor: "<kind>-<pk>" (iCalendar UID)
    kind: str  # the slug its source was registered with
    title: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    detail: str = ""
    location: str = ""
    url: str = ""  # a path in Corridor (the feed makes it absolute)
    # whose it is, for the calendar's "my items" and "my organisation" choices
    user_ids: tuple[int, ...] = ()  # the people it is for (owner, visitors, planner)
    organisation_ids: tuple[int, ...] = ()  # the organisations whose work it is

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def day(self) -> dt.date:
        return _day(self.start)


# (user, first day, last day) -> the entries that start within them, in any order
Source = Callable[[Any, dt.date, dt.date], Iterable[CalendarEntry]]


@dataclass(frozen=True, slots=True)
class Kind:
    slug: str
    label: str
    source: Source


_KINDS: dict[str, Kind] = {}


def register(slug: str, label: str, source: Source) -> None:
    """Add a kind of entry to every calendar (called once, from an app's ``ready()``)."""
    _KINDS[slug] = Kind(slug, label, source)


def kinds() -> list[Kind]:
    return list(_KINDS.values())


def _day(value: dt.date | dt.datetime) -> dt.date:
    """The local day of a date or an aware datetime."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def unregister(slug: str) -> None:
    """Take a kind away again (tests that register a kind of their own)."""
    _KINDS.pop(slug, None)


def labels() -> dict[str, str]:
    """Each registered kind's label, by slug."""
    return {k.slug: k.label for k in _KINDS.values()}


def entries_between(
    user: Any, first: dt.date, last: dt.date, only: Sequence[str] | None = None
) -> list[CalendarEntry]:
    """Every entry starting on ``first``..``last`` (inclusive) the user may see, by start."""
    entries: list[CalendarEntry] = []
    for kind in _KINDS.values():
        if only is None or kind.slug in only:
            found = kind.source(user, first, last)
            entries.extend(e for e in found if first <= _day(e.start) <= last)

    def order(entry: CalendarEntry) -> tuple[dt.date, int, str, str]:
        timed = isinstance(entry.start, dt.datetime)
        clock = (
            timezone.localtime(entry.start).time().isoformat()
            if isinstance(entry.start, dt.datetime) and timezone.is_aware(entry.start)
            else entry.start.time().isoformat()
            if isinstance(entry.start, dt.datetime)
            else ""
        )
        return (_day(entry.start), int(timed), clock, entry.title)

    entries.sort(key=order)
    return entries
