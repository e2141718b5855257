"""Secondary suppression: no hidden count can be recovered from a published total."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.reports.opendata.suppression import suppress_grid


def test_small_cells_are_hidden_and_zero_and_large_are_not():
    result = suppress_grid([[0, 3, 7, 9, 12]])
    # 3 is primary; the row's lone hidden cell takes the next-smallest non-zero, 7
    assert result.cells == {(0, 1), (0, 2)}


def test_complementary_cell_in_row_and_then_column():
    counts = [
        [2, 10, 20],
        [8, 30, 40],
    ]
    result = suppress_grid(counts)
    # (0,0)=2 is primary. Row 0 hides 10 (next-smallest). Column 0 has one hidden
    # cell, so 8 goes; column 1 then has 10 alone, so 30 goes; row 1 has 8 and 30: done.
    assert result.cells == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert not result.row_totals and not result.column_totals


def test_a_lone_nonzero_cell_hides_its_total():
    result = suppress_grid([[0, 0, 4], [6, 7, 9]])
    assert (0, 2) in result.cells
    assert result.row_totals == {0}


def test_no_small_cells_nothing_hidden():
    result = suppress_grid([[5, 6], [0, 50]])
    assert result.cells == set() and not result.row_totals and not result.column_totals


grids = st.integers(1, 6).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 30), min_size=width, max_size=width), min_size=1, max_size=6
    )
)


@settings(max_examples=300, deadline=None)
@given(grids)
def test_no_suppressed_value_is_recoverable_by_subtraction(counts):
    result = suppress_grid(counts)
    rows = [[(r, c) for c in range(len(counts[0]))] for r in range(len(counts))]
    columns = [[(r, c) for r in range(len(counts))] for c in range(len(counts[0]))]
    for index, line in enumerate(rows):
        if index not in result.row_totals:
            assert sum(p in result.cells for p in line) != 1, (counts, result)
    for index, line in enumerate(columns):
        if index not in result.column_totals:
            assert sum(p in result.cells for p in line) != 1, (counts, result)
    for r, row in enumerate(counts):
        for c, value in enumerate(row):
            if 0 < value < 5:
                assert (r, c) in result.cells
            if value == 0:
                assert (r, c) not in result.cells


@settings(max_examples=200, deadline=None)
@given(grids)
def test_a_published_table_gives_no_hidden_value_back(counts):
    from corridor.reports.opendata.tables import Table

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
    body, totals = published[:-1], published[-1]
    lines = [(row[:width], row[width]) for row in body]
    lines += [([row[c] for row in body], totals[c]) for c in range(width)]
    for cells, total in lines:
        if total is not None:
            assert sum(v is None for v in cells) != 1, published
            if None not in cells:
                assert total == sum(v for v in cells if v is not None)
    if any(row[width] is None for row in body) or None in totals[:width]:
        assert totals[width] is None  # the grand total would give a hidden total back
    else:
        assert totals[width] == sum(map(sum, counts))
