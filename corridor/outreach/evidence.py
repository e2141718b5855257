"""Live evidence for the messaging library, the policy agenda and briefs.

Every figure is a headline figure of ``corridor.core.metrics`` tagged ``evidence``,
registered by the capability it comes from in its own ``metrics.py``
(``registry.jobs``, ``calls.completed``, ``supplychain.gaps``, ...). Messages and policy
asks store those keys (the metric keys are the evidence keys, unchanged); briefs ask
``figures(user, keys)`` at the moment they are rendered, so the numbers are always
today's. A figure is read for the whole corridor (reader ``None``: region-wide
aggregates, never naming a company) once per page through a ``metrics.Session``, reused
for ``CORRIDOR_EVIDENCE_SECONDS``, and a figure that counts companies (the metric's
``COMPANIES`` rule) is shown to partners with the small-count rule of
``corridor/core/disclosure.py``: fewer than 5 companies is never shown.

A plug-in (or a test) may still add a figure with one function::

    @provider("workforce.skills_gaps", "Occupations short of workers", source="Skills")
    def _skills_gaps() -> Reading:
        return Reading(value=..., companies=None)

which registers it as an evidence metric.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache

from corridor.core import disclosure, metrics, policy
from corridor.core.scoping import system_scope

T = TypeVar("T")
TAG = "evidence"  # the metrics tag of the evidence figures


@dataclass(frozen=True, slots=True)
class Reading:
    value: int
    # how many companies the value stands on, counted up to disclosure.MINIMUM: all that
    # the small-count rule needs (None: the figure counts no companies' answers)
    companies: int | None = None
    money: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    source: str
    value: int | None  # None when suppressed for this reader
    money: bool = False

    @property
    def suppressed(self) -> bool:
        return self.value is None

    @property
    def display(self) -> str:
        if self.value is None:
            return disclosure.SUPPRESSED_LABEL
        return f"${self.value:,}" if self.money else f"{self.value:,}"


@dataclass(frozen=True, slots=True)
class Provider:
    key: str
    label: str
    source: str
    read: Callable[[], Reading]


class _Providers:
    """The evidence figures by key: the metrics tagged ``evidence`` (``pop`` takes one
    away again, for plug-ins and tests that add their own)."""

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def keys(self) -> list[str]:
        return [m.key for m in metrics.registered(TAG)]

    def pop(self, key: str, default: Any = None) -> Any:
        found = metrics.unregister(key) if key in self else None
        return default if found is None else found


_providers = _Providers()


def provider(key: str, label: str, *, source: str) -> Callable[[Callable[[], Reading]], Any]:
    """Register ``read`` as the evidence figure ``key`` (a metric of the whole corridor)."""

    def decorate(read: Callable[[], Reading]) -> Callable[[], Reading]:
        metrics.register(
            key, label, lambda reader, period, place: read(), source=source,
            suppress=metrics.COMPANIES, tags=(TAG,),
        )  # fmt: skip
        return read

    return decorate


def providers() -> dict[str, Provider]:
    def reader(metric: metrics.Metric) -> Callable[[], Reading]:
        return lambda: _reading(metric, metrics.raw(metric.key, None))

    return {m.key: Provider(m.key, m.label, m.source, reader(m)) for m in metrics.registered(TAG)}


def choices() -> list[tuple[str, str]]:
    return [(m.key, m.label) for m in metrics.registered(TAG)]


def unknown_keys(keys: Iterable[str]) -> list[str]:
    known = set(_providers.keys())
    return [k for k in keys if k not in known]


def recently(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, reused for ``CORRIDOR_EVIDENCE_SECONDS`` under ``name`` (evidence is
    region-wide, the same for every reader: suppression is applied per reader after)."""
    seconds = settings.CORRIDOR_EVIDENCE_SECONDS
    key = f"corridor:evidence:{name}"
    value = cache.get(key) if seconds > 0 else None
    if value is None:
        with system_scope(f"region-wide evidence {name}"):
            value = compute()
        if seconds > 0:
            cache.set(key, value, seconds)
    return value


def _reading(metric: metrics.Metric, raw: Any) -> Reading:
    """A metric's unsuppressed value as a Reading (a value, the companies it stands on)."""
    if isinstance(raw, Reading):
        return raw
    money = metric.unit == "money"
    if isinstance(raw, metrics.Counted):
        return Reading(int(raw.value), raw.companies, money)
    return Reading(int(raw), None, money)


def recent_reading(found: Provider) -> Reading:
    """The provider's reading, reused for ``CORRIDOR_EVIDENCE_SECONDS``."""
    return recently(found.key, found.read)


class Snapshot:
    """The figures as one reader sees them now; each figure is read once however many
    messages or asks of a page name it (the page's ``metrics.Session``, or one of its
    own)."""

    def __init__(self, user: Any) -> None:
        self.partner = not policy.actor_for(user).is_participant
        self.session = metrics.current() or metrics.Session()
        self._readings: dict[str, Reading] = {}

    def figure(self, key: str) -> Figure:
        found = metrics.get(key)
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = recently(
                key, lambda: _reading(found, self.session.raw(key, None))
            )
        # partners see no figure that rests on fewer than MINIMUM companies
        shown = metrics.COMPANIES(reading, not self.partner)
        return Figure(found.key, found.label, found.source, shown.value, reading.money)

    def figures(self, keys: Iterable[str] | None = None) -> list[Figure]:
        """The figures for ``keys`` (every evidence figure when None), unknown keys
        skipped."""
        known = _providers.keys()
        wanted = known if keys is None else [k for k in keys if k in set(known)]
        return [self.figure(k) for k in dict.fromkeys(wanted)]


def figures(user: Any, keys: Iterable[str] | None = None) -> list[Figure]:
    return Snapshot(user).figures(keys)
