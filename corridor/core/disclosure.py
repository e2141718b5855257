"""Small-count suppression for aggregates shown to partners and the public.

A count of fewer than ``MINIMUM`` companies is never shown: it could point to one
company's confidential answers. When a table also shows row totals, a row with a
suppressed cell that could be worked out (total minus the others, or a pair of small
cells whose sum leaves one possibility) takes the next-smallest cells of that row
with it until none can (complementary suppression).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MINIMUM = 5
SUPPRESSED_LABEL = "fewer than 5"


@dataclass(frozen=True, slots=True)
class Cell:
    value: int | None  # None when suppressed

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return SUPPRESSED_LABEL if self.value is None else f"{self.value:,}"


def suppress(count: int, minimum: int = MINIMUM) -> Cell:
    """One count of companies: shown when 0 or at least ``minimum``."""
    return Cell(None if 0 < count < minimum else count)


def for_reader(count: int, *, full: bool) -> Cell:
    """One count of companies as its reader may see it: whole for a reader who sees the
    answers behind it (``full``), otherwise suppressed as ``suppress`` does."""
    return Cell(count) if full else suppress(count)


def _recoverable(counts: Sequence[int], hidden: set[int], minimum: int) -> bool:
    """Whether a reader who sees the row's total and its shown cells can tell the value of
    a hidden cell: each hidden cell is known to be 1 to ``minimum - 1`` (a small count) or at
    least ``minimum`` (a cell hidden beside one); their sum is the total minus the shown."""
    total = sum(counts[i] for i in hidden)
    bounds = [(1, minimum - 1) if 0 < counts[i] < minimum else (minimum, total) for i in hidden]
    lows = sum(low for low, _ in bounds)
    highs = sum(high for _, high in bounds)
    for low, high in bounds:
        least = max(low, total - (highs - high))
        most = min(high, total - (lows - low))
        if least == most:
            return True
    return False


def suppress_row(counts: Sequence[int], *, with_total: bool, minimum: int = MINIMUM) -> list[Cell]:
    """A row of counts. With its total shown, cells are hidden beside the small ones (the
    smallest first) until no hidden cell can be worked out from the total and the shown
    cells: ``[1, 1, 9]`` with its total 11 hides the 9 too, since a hidden pair summing to 2
    can only be 1 and 1."""
    cells = [suppress(c, minimum) for c in counts]
    hidden = {i for i, c in enumerate(cells) if c.suppressed}
    if with_total and hidden:
        while _recoverable(counts, hidden, minimum):
            candidates = [i for i, c in enumerate(counts) if i not in hidden and c > 0]
            if not candidates:
                break
            partner = min(candidates, key=lambda i: (counts[i], i))
            hidden.add(partner)
            cells[partner] = Cell(None)
    return cells


def suppress_row_and_total(
    counts: Sequence[int], total: int, minimum: int = MINIMUM
) -> tuple[list[Cell], Cell]:
    """A row of counts and its total (which may count fewer than the cells' sum, as
    distinct companies over quarters do): the cells as ``suppress_row`` hides them, and
    the total hidden too when it is small or when, every other cell being 0, it would still
    tell a hidden cell's value (``[0, 1, 5]`` with a total of 6: the 1 and the 5)."""
    cells = suppress_row(counts, with_total=True, minimum=minimum)
    hidden = {i for i, c in enumerate(cells) if c.suppressed}
    if hidden and _recoverable(counts, hidden, minimum):
        return cells, Cell(None)
    return cells, suppress(total, minimum)


def suppress_total(counts: Sequence[int], minimum: int = MINIMUM) -> Cell:
    return suppress(sum(counts), minimum)


def suppress_table(
    rows: Mapping[str, Sequence[int]], *, with_totals: bool, minimum: int = MINIMUM
) -> dict[str, list[Cell]]:
    return {
        key: suppress_row(counts, with_total=with_totals, minimum=minimum)
        for key, counts in rows.items()
    }
