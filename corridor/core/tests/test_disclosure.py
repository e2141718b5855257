"""Small counts of companies are never shown, nor recoverable from a total."""

from __future__ import annotations

from corridor.core.disclosure import (
    SUPPRESSED_LABEL,
    suppress,
    suppress_row,
    suppress_row_and_total,
    suppress_total,
)


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


def test_small_cells_whose_sum_leaves_one_possibility_take_another_with_them() -> None:
    # two hidden cells summing to 2 can only be 1 and 1; two summing to 8 only 4 and 4
    assert [c.value for c in suppress_row([1, 1, 9], with_total=True)] == [None, None, None]
    assert [c.value for c in suppress_row([4, 4, 20, 30], with_total=True)] == [
        None,
        None,
        None,
        30,
    ]
    # 1 beside a hidden 5 (sum 6): the small one must be 1 and the other 5, so one more goes
    assert [c.value for c in suppress_row([1, 5, 6, 40], with_total=True)] == [
        None,
        None,
        None,
        40,
    ]


def _possible_values(row: tuple[int, ...], shown: list[int | None]) -> list[set[int]]:
    """Every value each hidden cell could take, for a reader who sees the shown cells and
    the total and even knows which hidden cells are small (1-4) and which were hidden
    beside them (5 and more)."""
    import itertools

    hidden = [i for i, v in enumerate(shown) if v is None]
    rest = sum(row) - sum(v for v in shown if v is not None)
    ranges = [range(1, 5) if row[i] < 5 else range(5, rest + 1) for i in hidden]
    values: list[set[int]] = [set() for _ in shown]
    for combo in itertools.product(*ranges):
        if sum(combo) == rest:
            for i, v in zip(hidden, combo, strict=True):
                values[i].add(v)
    return values


def test_no_hidden_cell_of_any_small_row_can_be_worked_out_from_its_total() -> None:
    import itertools

    checked = 0
    for row in itertools.product((0, 1, 2, 4, 5, 7), repeat=4):
        cells, total = suppress_row_and_total(row, sum(row))
        if total.suppressed:
            continue  # a hidden total tells nothing
        shown = [c.value for c in cells]
        possible = _possible_values(row, shown)
        for i, value in enumerate(shown):
            if value is None:
                checked += 1
                assert len(possible[i]) > 1, (row, shown, possible[i])
    assert checked > 1000


def test_the_total_is_hidden_when_nothing_else_can_protect_a_cell() -> None:
    cells, total = suppress_row_and_total([0, 1, 5], 6)
    assert [c.value for c in cells] == [0, None, None] and total.suppressed
    cells, total = suppress_row_and_total([2, 3, 9], 14)
    assert [c.value for c in cells] == [None, None, 9] and total.value == 14
