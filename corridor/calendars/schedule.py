"""The calendar's views of the entries: a month's grid, a week, the agenda.

The entries come from ``core.calendar_entries`` (each app registers its own), already
only those the user may see; here they are narrowed to "my items", "my organisation's"
or everything, and laid out by day.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corridor.calendars.models import FeedScope
from corridor.core import calendar_entries, policy
from corridor.core.calendar_entries import CalendarEntry

AGENDA_DAYS = 30


def mine(user: Any, entry: CalendarEntry, scope: str) -> bool:
    """Whether ``entry`` belongs in the user's chosen scope."""
    actor = policy.actor_for(user)
    if scope == FeedScope.MINE:
        return actor.user_id in entry.user_ids
    if scope == FeedScope.OURS:
        return (
            actor.is_coordinator
            or bool(set(entry.organisation_ids) & actor.organisation_ids)
            or actor.user_id in entry.user_ids
        )
    return True


def entries(
    user: Any, first: dt.date, last: dt.date, scope: str, only: Sequence[str] | None = None
) -> list[CalendarEntry]:
    found = calendar_entries.entries_between(user, first, last, only)
    return [e for e in found if mine(user, e, scope)]


@dataclass
class Day:
    date: dt.date
    in_month: bool = True
    entries: list[CalendarEntry] = field(default_factory=list)


def by_day(found: list[CalendarEntry], first: dt.date, last: dt.date) -> list[Day]:
    days = {first + dt.timedelta(days=n): Day(first + dt.timedelta(days=n))
            for n in range((last - first).days + 1)}  # fmt: skip
    for entry in found:
        if entry.day in days:
            days[entry.day].entries.append(entry)
    return list(days.values())


def month_of(text: str, today: dt.date) -> dt.date:
    """The first day of the month ``text`` names (YYYY-MM), else of today's month."""
    try:
        year, month = (int(part) for part in text.split("-")[:2])
        return dt.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def day_of(text: str, today: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return today


def month_weeks(user: Any, first: dt.date, scope: str) -> tuple[list[list[Day]], list[Day]]:
    """The weeks (Monday first) of the month starting ``first``, and its days with entries."""
    grid = stdcal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = grid[0][0], grid[-1][-1]
    days = {d.date: d for d in by_day(entries(user, start, end, scope), start, end)}
    weeks = []
    for week in grid:
        row = []
        for date in week:
            day = days[date]
            day.in_month = date.month == first.month
            row.append(day)
        weeks.append(row)
    listed = [d for week in weeks for d in week if d.in_month and d.entries]
    return weeks, listed


def next_month(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1)


def previous_month(first: dt.date) -> dt.date:
    return (first - dt.timedelta(days=1)).replace(day=1)


def week_days(user: Any, any_day: dt.date, scope: str) -> list[Day]:
    monday = any_day - dt.timedelta(days=any_day.weekday())
    sunday = monday + dt.timedelta(days=6)
    return by_day(entries(user, monday, sunday, scope), monday, sunday)


def agenda(user: Any, start: dt.date, scope: str, days: int = AGENDA_DAYS) -> list[Day]:
    last = start + dt.timedelta(days=days - 1)
    return [d for d in by_day(entries(user, start, last, scope), start, last) if d.entries]
