"""The activity timeline of a company or a facility: every touch, newest first.

Core knows no capability: each app registers what it contributes (calls, touches, flags,
follow-ups, referrals, needs, facts, ...) from its ``AppConfig.ready()``::

    timeline.register("call", "Calls", calls_on)

A source is called with the reader and the facilities the timeline is about, and returns
the items the reader may see, each only as far as the reader may see it: a source asks
``core.policy`` like any page does. The registry's company and facility pages draw the
merged list (``items_for``), filterable by kind and by date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing that happened with a company: when, what kind, a line to read, a link."""

    when: dt.datetime  # aware; a date-only event is at the start of its day, local time
    kind: str  # the slug its source was registered with
    title: str
    detail: str = ""
    url: str = ""
    who: str = ""  # the organisation or person it came from, as the reader may see it
    confidential: bool = False  # shown only because the reader may see it: marked so


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """What a source is asked for: the facilities, and the window (both ends inclusive)."""

    facility_ids: tuple[int, ...]
    company_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 200
    # the records the timeline is about, for their own change history: (app label, model
    # name, pk) each, e.g. ("registry", "facility", 7); core knows no capability's models
    records: tuple[tuple[str, str, int], ...] = ()


# (user, query) -> the items of this kind the user may see, in any order
Source = Callable[[Any, TimelineQuery], Iterable[TimelineItem]]


@dataclass(frozen=True, slots=True)
class Kind:
    slug: str
    label: str
    source: Source


_KINDS: dict[str, Kind] = {}


def register(slug: str, label: str, source: Source) -> None:
    """Add a kind of item to every timeline (called once, from an app's ``ready()``)."""
    _KINDS[slug] = Kind(slug, label, source)


def unregister(slug: str) -> None:
    """Take a kind away again (tests that register a kind of their own)."""
    _KINDS.pop(slug, None)


def kinds() -> list[Kind]:
    """The registered kinds, in the order they were registered."""
    return list(_KINDS.values())


def as_moment(value: dt.date | dt.datetime) -> dt.datetime:
    """A date or datetime as an aware datetime (a date: midnight, local time)."""
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return moment(value)


def labels() -> dict[str, str]:
    """Each registered kind's label, by slug."""
    return {k.slug: k.label for k in _KINDS.values()}


def moment(day: dt.date, at: dt.time | None = None) -> dt.datetime:
    """A day (and a time on it, local time) as an aware datetime."""
    return timezone.make_aware(dt.datetime.combine(day, at or dt.time.min))


def window(query: TimelineQuery) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The query's window as aware datetimes: [start, end), for sources filtering on a
    datetime field (``created_at__gte=start``, ``created_at__lt=end``)."""
    start = moment(query.since) if query.since is not None else None
    end = moment(query.until + dt.timedelta(days=1)) if query.until is not None else None
    return start, end


def day_range(query: TimelineQuery, field: str) -> dict[str, dt.date]:
    """Filter arguments for a source's date field, both ends inclusive."""
    found: dict[str, dt.date] = {}
    if query.since is not None:
        found[f"{field}__gte"] = query.since
    if query.until is not None:
        found[f"{field}__lte"] = query.until
    return found


def time_range(query: TimelineQuery, field: str) -> dict[str, dt.datetime]:
    """Filter arguments for a source's datetime field, the window's days inclusive."""
    start, end = window(query)
    found: dict[str, dt.datetime] = {}
    if start is not None:
        found[f"{field}__gte"] = start
    if end is not None:
        found[f"{field}__lt"] = end
    return found


def items_for(
    user: Any, query: TimelineQuery, only: Sequence[str] | None = None
) -> list[TimelineItem]:
    """The timeline: every registered kind (or ``only`` those), newest first, at most
    ``query.limit`` items, within ``query.since``..``query.until``."""
    chosen = [k for k in _KINDS.values() if only is None or k.slug in only]
    items: list[TimelineItem] = []
    for kind in chosen:
        items.extend(kind.source(user, query))
    if query.since is not None:
        start = as_moment(query.since)
        items = [i for i in items if i.when >= start]
    if query.until is not None:
        end = as_moment(query.until + dt.timedelta(days=1))
        items = [i for i in items if i.when < end]
    items.sort(key=lambda i: (i.when, i.kind, i.title), reverse=True)
    return items[: query.limit]


PAGE_LENGTH = 25
MOST = 500


@dataclass(frozen=True, slots=True)
class Filters:
    """What a reader asked of a timeline (the page's GET form and the API alike)."""

    kinds: tuple[str, ...] = ()  # none chosen: every kind
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = PAGE_LENGTH
    problems: tuple[str, ...] = ()

    @property
    def only(self) -> tuple[str, ...] | None:
        return self.kinds or None


def _date(text: str, label: str, problems: list[str]) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{label}: “{text}” is not a date (write it as 2026-10-05).")
        return None


def read_filters(
    kinds: Sequence[str], since: str = "", until: str = "", limit: str | int = ""
) -> Filters:
    """The filters from a form's or a URL's values; a bad value is named and left out."""
    problems: list[str] = []
    known = labels()
    chosen = tuple(k for k in kinds if k in known)
    unknown = [k for k in kinds if k not in known]
    if unknown:
        problems.append(f"Kind: no such kind of item: {', '.join(unknown)}.")
    first = _date(since, "From", problems)
    last = _date(until, "To", problems)
    if first and last and first > last:
        problems.append("From: the first day is after the last.")
        first = last = None
    try:
        length = int(limit) if str(limit).strip() else PAGE_LENGTH
    except ValueError:
        problems.append(f"Show: “{limit}” is not a number.")
        length = PAGE_LENGTH
    length = max(1, min(length, MOST))
    return Filters(chosen, first, last, length, tuple(problems))


def page_for(
    user: Any,
    filters: Filters,
    facility_ids: Sequence[int],
    company_id: int | None,
    records: Sequence[tuple[str, str, int]] = (),
) -> tuple[list[TimelineItem], bool]:
    """The items one page of a timeline shows, and whether there are more."""
    query = TimelineQuery(
        facility_ids=tuple(facility_ids),
        company_id=company_id,
        since=filters.since,
        until=filters.until,
        limit=filters.limit + 1,
        records=tuple(records),
    )
    items = items_for(user, query, filters.only)
    return items[: filters.limit], len(items) > filters.limit
