"""Small-count suppression for aggregates shown to partners and the public.

A count of fewer than ``MINIMUM`` companies is never shown: it could point to one
company's confidential answers. When a table also shows row totals, a row with a
single suppressed cell would let anyone recover it (total minus the others), so
the next-smallest cell of that row is suppressed too (complementary suppression).
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


def suppress_row(counts: Sequence[int], *, with_total: bool, minimum: int = MINIMUM) -> list[Cell]:
    """A row of counts; with a total shown, a lone suppressed cell takes a partner with it."""
    cells = [suppress(c, minimum) for c in counts]
    hidden = [i for i, c in enumerate(cells) if c.suppressed]
    if with_total and len(hidden) == 1:
        candidates = [i for i, c in enumerate(counts) if i not in hidden and c > 0]
        if candidates:
            partner = min(candidates, key=lambda i: (counts[i], i))
            cells[partner] = Cell(None)
    return cells


def suppress_total(counts: Sequence[int], minimum: int = MINIMUM) -> Cell:
    return suppress(sum(counts), minimum)


def suppress_table(
    rows: Mapping[str, Sequence[int]], *, with_totals: bool, minimum: int = MINIMUM
) -> dict[str, list[Cell]]:
    return {
        key: suppress_row(counts, with_total=with_totals, minimum=minimum)
        for key, counts in rows.items()
    }
