"""Small counts of companies are never shown, nor recoverable from a total."""

from __future__ import annotations

from corridor.core.disclosure import SUPPRESSED_LABEL, suppress, suppress_row, suppress_total


def test_counts_under_five_are_suppressed() -> None:
    assert [str(suppress(n)) for n in (0, 1, 4, 5, 12)] == ["0", *[SUPPRESSED_LABEL] * 2, "5", "12"]


def test_a_lone_suppressed_cell_takes_the_smallest_other_with_it_when_a_total_shows() -> None:
    cells = suppress_row([12, 3, 7, 0], with_total=True)
    assert [c.value for c in cells] == [12, None, None, 0]
    # without a total nothing can be recovered, so only the small cell goes
    assert [c.value for c in suppress_row([12, 3, 7], with_total=False)] == [12, None, 7]


def test_two_suppressed_cells_protect_each_other() -> None:
    assert [c.value for c in suppress_row([2, 3, 9], with_total=True)] == [None, None, 9]


def test_a_small_total_is_suppressed() -> None:
    assert suppress_total([1, 2]).suppressed and not suppress_total([3, 2]).suppressed
