"""Suppression of a grid and its totals: no small count published, none recoverable."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.reports.opendata.suppression import Suppression, suppress_grid
from corridor.reports.opendata.tables import Table
from corridor.reports.tests.opendata_audit import grid_problems


def test_small_cells_are_hidden_and_zero_and_large_are_not():
    result = suppress_grid([[0, 3, 7, 9, 12]])
    # 3 is primary; with one row, each column total is the cell itself, so both go,
    # and the cheapest circuit through the 3 takes the next-smallest, 7, and its total
    assert result.cells == {(0, 1), (0, 2)}
    assert result.column_totals == {1, 2}
    assert not result.row_totals and not result.grand_total


def test_complementary_cell_in_row_and_then_column():
    counts = [
        [2, 10, 20],
        [8, 30, 40],
    ]
    result = suppress_grid(counts)
    # (0,0)=2 is primary. The cheapest rectangle through it: 10, 30 and 8 (48).
    assert result.cells == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert not result.row_totals and not result.column_totals and not result.grand_total


def test_a_lone_nonzero_cell_hides_its_total():
    result = suppress_grid([[0, 0, 4], [6, 7, 9]])
    # row 0's total is 4, small; the circuit through it and the 4 must come back through
    # another row total (or the grand total): row 1's 22 and its 9 are the cheapest
    assert result.cells == {(0, 2), (1, 2)}
    assert result.row_totals == {0, 1}
    assert not result.column_totals and not result.grand_total


def test_no_small_cells_nothing_hidden():
    result = suppress_grid([[5, 6], [0, 50]])
    assert result == Suppression()


def test_a_small_total_over_hidden_months_is_hidden():
    """The defect: a region (column) of 1 + 1 + 2 = 4 published its total 4."""
    result = suppress_grid([[1, 9], [1, 10], [2, 8]])
    assert 0 in result.column_totals
    assert _problems([[1, 9], [1, 10], [2, 8]], result) == []


def test_three_beside_ten_is_not_the_total_minus_ten():
    result = suppress_grid([[3, 6], [10, 7]])
    # the 3 of a column 3 + 10 = 13: the cheapest rectangle through it hides 6, 7 and 10
    # (23), rather than a circuit through the totals
    assert result.cells == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert not result.row_totals and not result.column_totals and not result.grand_total
    assert _problems([[3, 6], [10, 7]], result) == []


def test_two_hidden_ones_are_not_told_by_their_sum():
    # 1 and 1 hidden in a row of total 29: the hidden part would be 2, so both are 1
    counts = [[1, 1, 9, 9, 9], [9, 9, 9, 9, 9], [9, 9, 9, 9, 9]]
    result = suppress_grid(counts)
    assert sum(p[0] == 0 for p in result.cells) >= 3 or 0 in result.row_totals
    assert _problems(counts, result) == []


def test_ragged_rows_are_refused():
    with pytest.raises(ValueError):
        suppress_grid([[1, 2], [3]])


def _published(counts: list[list[int]], result: Suppression) -> list[list[int | None]]:
    height, width = len(counts), len(counts[0])
    grid: list[list[int | None]] = [
        [None if (r, c) in result.cells else v for c, v in enumerate(row)]
        + [None if r in result.row_totals else sum(row)]
        for r, row in enumerate(counts)
    ]
    grid.append(
        [None if c in result.column_totals else sum(row[c] for row in counts) for c in range(width)]
        + [None if result.grand_total else sum(map(sum, counts))]
    )
    assert len(grid) == height + 1
    return grid


def _problems(counts: list[list[int]], result: Suppression) -> list[tuple[str, str]]:
    """What the auditor finds in the grid with its totals, and any small value shown or
    zero hidden."""
    grid = _published(counts, result)
    width = len(counts[0])
    full = [[*row, sum(row)] for row in counts]
    full.append([sum(c) for c in zip(*full, strict=True)])
    out = grid_problems(grid, width, len(counts))
    for r, row in enumerate(full):
        for c, value in enumerate(row):
            if 0 < value < 5 and grid[r][c] is not None:
                out.append((str((r, c)), f"{value} published"))
            if value == 0 and grid[r][c] is None:
                out.append((str((r, c)), "a zero suppressed"))
    return out


small_counts = st.integers(0, 4) | st.integers(0, 30)
grids = st.integers(1, 6).flatmap(
    lambda width: st.lists(
        st.lists(small_counts, min_size=width, max_size=width), min_size=1, max_size=6
    )
)


@settings(max_examples=400)
@given(grids)
def test_random_tables_publish_no_small_or_recoverable_value(counts):
    """Every small count (cell or total) hidden, no zero hidden, no line with a lone hidden
    value or a small hidden remainder beside its published total, and no hidden value
    pinned down by any combination of lines (the auditor's own linear algebra)."""
    result = suppress_grid(counts)
    assert _problems(counts, result) == [], (counts, result)


@settings(max_examples=200)
@given(grids)
def test_a_published_table_gives_no_hidden_value_back(counts):
    """``Table.published`` (what the files hold) agrees with the suppression and the sums."""
    width = len(counts[0])
    table = Table(
        "t",
        "",
        "row",
        [f"c{i}" for i in range(width)],
        [str(i) for i in range(len(counts))],
        counts,
    )
    published = table.published()
    assert published == _published(counts, suppress_grid(counts))
    assert grid_problems(published, width, len(counts)) == []


def test_large_random_tables_of_mostly_small_counts():
    """Tables the size of the real ones (a few years of months by a dozen regions, NAICS
    by municipality), most counts small."""
    rng = random.Random(20261204)
    for _ in range(12):
        height, width = rng.randint(8, 36), rng.randint(4, 20)
        counts = [
            [rng.choice([0, 0, 1, 2, 3, 4, rng.randint(5, 60)]) for _ in range(width)]
            for _ in range(height)
        ]
        result = suppress_grid(counts)
        assert _problems(counts, result) == [], counts
