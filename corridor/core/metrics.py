"""The corridor's headline figures: one registry, each figure computed once per page.

Core knows no capability. Each app registers its figures from its ``AppConfig.ready()``
in a module of its own, ``<app>/metrics.py``::

    metrics.register(
        "calls.completed", "Corporate calls completed", completed,
        source="Corporate calls", suppress=metrics.COMPANIES, tags=("evidence",),
    )

``compute(reader, period, place)`` returns the figure unsuppressed:

* ``reader`` is the user whose view of the data counts (every query through
  ``policy.visible(reader, ...)``), or ``None`` for the whole corridor as the system
  reads it: such a figure is computed in ``system_scope`` and is the same for everyone
  (the outreach evidence);
* ``period`` is a ``Period`` (first and last day, the day "as of") or ``None`` (all time,
  today);
* ``place`` is a member municipality or ``None`` (the region).

A figure that rests on companies' confidential answers names its ``suppress`` rule: a
function of (the value, whether the reader sees small counts) that returns what that
reader is shown, e.g. ``COMPANIES`` (a ``Counted`` value becomes a ``disclosure.Cell``,
hidden when it stands on fewer than ``disclosure.MINIMUM`` companies). The unsuppressed
value is what is memoised, so a reader who sees everything and one who does not can
share one computation.

Reading a figure::

    with metrics.session():  # a page, a briefing: each figure computed once inside
        board.calls = metrics.value("calls.completed", user, period, place, full=full)

``metrics.value(key, reader, period, place, full=...)`` memoises the computation per
(key, reader, period, place) in the active ``Session``: a dashboard, its briefing
section and an evidence card showing the same figure compute it once. Without an open
session a call opens one for itself (figures it reads inside share it). A compute may
read other figures through ``metrics.raw``/``metrics.value``; they are memoised in the
same session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from corridor.core import disclosure
from corridor.core.scoping import system_scope

# (reader, period, place) -> the figure, unsuppressed
Compute = Callable[[Any, "Period | None", Any], Any]
# (the unsuppressed figure, the reader sees small counts) -> what the reader is shown
Rule = Callable[[Any, bool], Any]


@dataclass(frozen=True, slots=True)
class Period:
    """The days a figure covers, both included (``None``: unbounded), and the day it is
    figured on (``as_of``: today when ``None``)."""

    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Counted:
    """A figure and how many companies it stands on (``None``: it counts no company's
    answers, or its reader may see them all), the input of the ``COMPANIES`` rule."""

    value: Any
    companies: int | None = None


def companies_rule(raw: Any, full: bool) -> disclosure.Cell:
    """``raw`` (anything with ``value`` and ``companies``) as a ``Cell``: hidden from a
    reader who does not see small counts when it stands on 1 to MINIMUM - 1 companies."""
    few = raw.companies is not None and disclosure.suppress(raw.companies).suppressed
    return disclosure.Cell(None if few and not full else raw.value)


COMPANIES: Rule = companies_rule


def rows_of(model: Any, reader: Any, place: Any, path: str = "facility__municipality") -> Any:
    """The rows of ``model`` a figure counts: what ``reader`` may see (every row for the
    whole corridor, ``reader`` None, inside the caller's system scope), in ``place`` (a
    municipality, through ``path``) when one is given."""
    from corridor.core import policy

    rows = model.objects.all() if reader is None else policy.visible(reader, model)
    return rows.filter(**{path: place}) if place is not None else rows


def between(rows: Any, period: Period | None, field: str) -> Any:
    """``rows`` whose date ``field`` falls in ``period`` (either end may be open)."""
    if period is not None and period.starts_on is not None:
        rows = rows.filter(**{f"{field}__gte": period.starts_on})
    if period is not None and period.ends_on is not None:
        rows = rows.filter(**{f"{field}__lte": period.ends_on})
    return rows


def companies_behind(rows: Any, company: str) -> int:
    """How many companies the queryset ``rows`` stand on (``company``: the path to their
    company's id), counted up to ``disclosure.MINIMUM``: all that the small-count rule
    needs, and it spares counting every company behind half a million calls."""
    return len(rows.values(company).order_by().distinct()[: disclosure.MINIMUM])


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    label: str
    compute: Compute
    source: str
    unit: str = "count"  # "count", "money", "jobs", ... (how the figure reads)
    suppress: Rule | None = None
    tags: tuple[str, ...] = ()

    def shown(self, raw: Any, full: bool) -> Any:
        return raw if self.suppress is None else self.suppress(raw, full)


_METRICS: dict[str, Metric] = {}


def register(
    key: str,
    label: str,
    compute: Compute,
    *,
    source: str,
    unit: str = "count",
    suppress: Rule | None = None,
    tags: Iterable[str] = (),
) -> Metric:
    """Add the figure ``key`` (called from an app's ``ready()``; registering a key again
    replaces it). ``tags`` group figures for a consumer (``"evidence"``: the outreach
    messaging library's live evidence)."""
    metric = Metric(key, label, compute, source, unit, suppress, tuple(tags))
    _METRICS[key] = metric
    return metric


def unregister(key: str) -> Metric | None:
    """Take a figure away again (tests that register one of their own)."""
    return _METRICS.pop(key, None)


def get(key: str) -> Metric:
    """The figure ``key``; KeyError when no app registered it."""
    return _METRICS[key]


def registered(tag: str | None = None) -> list[Metric]:
    """Every figure (with ``tag``), in the order they were registered."""
    return [m for m in _METRICS.values() if tag is None or tag in m.tags]


def _reader_key(reader: Any) -> Any:
    return None if reader is None else (type(reader).__name__, getattr(reader, "pk", id(reader)))


def _place_key(place: Any) -> Any:
    return None if place is None else getattr(place, "pk", place)


class Session:
    """The figures computed for one page, briefing or API response: each (key, reader,
    period, place) is computed once, whichever part of the page asks for it."""

    def __init__(self) -> None:
        self._raw: dict[tuple[Any, ...], Any] = {}
        self.computed: list[str] = []  # the keys computed, in order (tests, diagnostics)

    def raw(self, key: str, reader: Any, period: Period | None = None, place: Any = None) -> Any:
        """The figure unsuppressed, computed the first time it is asked for."""
        memo = (key, _reader_key(reader), period, _place_key(place))
        if memo in self._raw:
            return self._raw[memo]
        metric = get(key)
        token = _current.set(self)  # figures read inside the compute share this session
        try:
            if reader is None:
                with system_scope(f"the corridor-wide figure {key} (aggregates only)"):
                    value = metric.compute(reader, period, place)
            else:
                value = metric.compute(reader, period, place)
        finally:
            _current.reset(token)
        self._raw[memo] = value
        self.computed.append(key)
        return value

    def value(
        self,
        key: str,
        reader: Any,
        period: Period | None = None,
        place: Any = None,
        *,
        full: bool = False,
    ) -> Any:
        """The figure as its reader is shown it: ``full`` when they may see small counts
        of companies (the coordinator office, the municipality that owns the answers),
        otherwise the figure's ``suppress`` rule hides them."""
        return get(key).shown(self.raw(key, reader, period, place), full)


_current: ContextVar[Session | None] = ContextVar("corridor_metrics_session", default=None)


def current() -> Session | None:
    """The open session, if any."""
    return _current.get()


@contextmanager
def session() -> Iterator[Session]:
    """Open a session for a page or a briefing (or join the one already open): figures
    read inside are computed once and forgotten when the outermost block ends."""
    active = _current.get()
    if active is not None:
        yield active
        return
    opened = Session()
    token = _current.set(opened)
    try:
        yield opened
    finally:
        _current.reset(token)


def raw(key: str, reader: Any, period: Period | None = None, place: Any = None) -> Any:
    """``Session.raw`` in the open session (or a session of its own)."""
    with session() as s:
        return s.raw(key, reader, period, place)


def value(
    key: str,
    reader: Any,
    period: Period | None = None,
    place: Any = None,
    *,
    full: bool = False,
) -> Any:
    """``Session.value`` in the open session (or a session of its own)."""
    with session() as s:
        return s.value(key, reader, period, place, full=full)


__all__ = [
    "COMPANIES",
    "Counted",
    "Metric",
    "Period",
    "Session",
    "companies_behind",
    "current",
    "get",
    "raw",
    "register",
    "registered",
    "session",
    "unregister",
    "value",
]
