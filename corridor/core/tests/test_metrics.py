"""The metrics registry: registration, one computation per figure and session, suppression."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from corridor.core import metrics
from corridor.core.disclosure import SUPPRESSED_LABEL, Cell
from corridor.core.metrics import Counted, Period
from corridor.core.scoping import in_system_scope

Q4 = Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2026, 11, 15))


@dataclass(frozen=True)
class Reader:
    pk: int


@dataclass(frozen=True)
class Place:
    pk: int


class Counter:
    """A compute that counts its calls and returns ``value``."""

    def __init__(self, value: Any) -> None:
        self.value = value
        self.calls: list[tuple[Any, Any, Any]] = []

    def __call__(self, reader: Any, period: Any, place: Any) -> Any:
        self.calls.append((reader, period, place))
        return self.value


@pytest.fixture
def registered() -> Iterator[list[str]]:
    """The keys a test registers, taken away again after it."""
    keys: list[str] = []
    yield keys
    for key in keys:
        metrics.unregister(key)


def _add(keys: list[str], key: str, compute: Any, **options: Any) -> metrics.Metric:
    keys.append(key)
    options.setdefault("source", "Tests")
    return metrics.register(key, key.title(), compute, **options)


def test_a_figure_is_registered_with_its_label_source_unit_and_tags(
    registered: list[str],
) -> None:
    _add(registered, "test.jobs", Counter(1), source="Registry", unit="jobs", tags=("evidence",))
    _add(registered, "test.plants", Counter(2))
    found = metrics.get("test.jobs")
    assert (found.label, found.source, found.unit, found.tags) == (
        "Test.Jobs",
        "Registry",
        "jobs",
        ("evidence",),
    )
    assert "test.jobs" in [m.key for m in metrics.registered("evidence")]
    assert "test.plants" not in [m.key for m in metrics.registered("evidence")]
    keys = [m.key for m in metrics.registered()]
    assert keys.index("test.jobs") < keys.index("test.plants")  # in registration order
    metrics.unregister("test.plants")
    with pytest.raises(KeyError):
        metrics.get("test.plants")


def test_registering_a_key_again_replaces_it(registered: list[str]) -> None:
    _add(registered, "test.again", Counter(1))
    _add(registered, "test.again", Counter(2))
    assert metrics.value("test.again", None) == 2
    assert [m.key for m in metrics.registered()].count("test.again") == 1


def test_a_figure_asked_twice_in_one_session_is_computed_once(registered: list[str]) -> None:
    compute = Counter(Counted(42))
    _add(registered, "test.once", compute, suppress=metrics.COMPANIES)
    alice = Reader(1)
    with metrics.session() as session:
        first = metrics.value("test.once", alice, Q4, Place(7), full=True)
        again = metrics.value("test.once", Reader(1), Q4, Place(7), full=True)  # equal keys
        raw = session.raw("test.once", alice, Q4, Place(7))
    assert (first, again, raw) == (Cell(42), Cell(42), Counted(42))
    assert len(compute.calls) == 1, compute.calls
    assert session.computed == ["test.once"]


def test_each_reader_period_and_place_is_its_own_figure(registered: list[str]) -> None:
    compute = Counter(3)
    _add(registered, "test.each", compute)
    other = Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    with metrics.session():
        for reader, period, place in [
            (Reader(1), Q4, None),
            (Reader(2), Q4, None),
            (Reader(1), other, None),
            (Reader(1), Q4, Place(7)),
            (None, Q4, None),
            (Reader(1), Q4, None),  # the first again: not computed again
        ]:
            metrics.value("test.each", reader, period, place)
    assert len(compute.calls) == 5


def test_a_session_is_forgotten_when_it_ends_and_an_inner_one_joins_it(
    registered: list[str],
) -> None:
    compute = Counter(5)
    _add(registered, "test.forgotten", compute)
    with metrics.session() as outer:
        metrics.value("test.forgotten", None)
        with metrics.session() as inner:
            metrics.value("test.forgotten", None)
        assert inner is outer
    assert len(compute.calls) == 1
    assert metrics.current() is None
    metrics.value("test.forgotten", None)  # a new page: computed again
    assert len(compute.calls) == 2


def test_a_figure_read_inside_another_shares_its_session(registered: list[str]) -> None:
    base = Counter(10)
    _add(registered, "test.base", base)
    _add(registered, "test.double", lambda r, p, q: 2 * metrics.raw("test.base", r, p, q))
    _add(registered, "test.triple", lambda r, p, q: 3 * metrics.raw("test.base", r, p, q))
    session = metrics.Session()  # held by an object (a snapshot), not opened
    assert session.raw("test.double", None) + session.raw("test.triple", None) == 50
    assert len(base.calls) == 1
    assert metrics.current() is None  # the session was the current one only while computing


def test_the_corridor_wide_figure_is_read_in_system_scope_and_a_readers_is_not(
    registered: list[str],
) -> None:
    _add(registered, "test.scope", lambda reader, period, place: in_system_scope())
    assert metrics.value("test.scope", None) is True
    assert metrics.value("test.scope", Reader(1)) is False


@pytest.mark.parametrize(
    ("companies", "full", "shown"),
    [
        (4, False, None),  # fewer than five companies: not shown
        (1, False, None),
        (4, True, 900),  # a reader who sees the answers sees it
        (5, False, 900),
        (0, False, 900),  # zero is shown
        (None, False, 900),  # a figure that counts no company's answers
    ],
)
def test_the_companies_rule_hides_a_figure_resting_on_fewer_than_five_companies(
    registered: list[str], companies: int | None, full: bool, shown: int | None
) -> None:
    _add(registered, "test.rule", Counter(Counted(900, companies)), suppress=metrics.COMPANIES)
    cell = metrics.value("test.rule", None, full=full)
    assert cell == Cell(shown)
    assert (str(cell) == SUPPRESSED_LABEL) is (shown is None)


def test_a_figure_is_suppressed_by_default_and_computed_once_for_both_kinds_of_reader(
    registered: list[str],
) -> None:
    compute = Counter(Counted(12, companies=2))
    _add(registered, "test.both", compute, suppress=metrics.COMPANIES)
    with metrics.session():
        hidden = metrics.value("test.both", None)  # full defaults to False: suppressed
        whole = metrics.value("test.both", None, full=True)
    assert (hidden, whole) == (Cell(None), Cell(12))
    assert len(compute.calls) == 1


def test_a_figure_of_its_own_rule_gets_the_value_and_the_readers_right(
    registered: list[str],
) -> None:
    def rule(raw: list[int], full: bool) -> list[int | None]:
        return [n if full or n >= 5 else None for n in raw]

    _add(registered, "test.own", Counter([3, 9]), suppress=rule)
    assert metrics.value("test.own", None, full=False) == [None, 9]
    assert metrics.value("test.own", None, full=True) == [3, 9]
    assert metrics.get("test.own").shown([1], False) == [None]


def test_companies_behind_counts_up_to_the_minimum(world: Any) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.all()
    assert metrics.companies_behind(users, "pk") == min(users.count(), 5)
