"""Primary and secondary (complementary) suppression of a table of company counts.

A published table shows its row and column totals. A cell counting fewer than
``disclosure.MINIMUM`` companies is suppressed (primary). A row or column with
exactly one suppressed cell would give that cell away (total minus the others), so
the next-smallest published non-zero cell of that row or column is suppressed too
(secondary). Suppressing one cell may leave a lone suppressed cell in its column or
row, so the rule is applied until nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from corridor.core.disclosure import MINIMUM

Grid = Sequence[Sequence[int]]


@dataclass
class Suppression:
    cells: set[tuple[int, int]] = field(default_factory=set)
    row_totals: set[int] = field(default_factory=set)  # rows whose total is hidden
    column_totals: set[int] = field(default_factory=set)


def suppress_grid(counts: Grid, minimum: int = MINIMUM) -> Suppression:
    """What to hide in ``counts``: cells (primary and secondary), and the total of any
    row or column whose only non-zero cell is hidden (the total would be that cell)."""
    hidden = {
        (r, c) for r, row in enumerate(counts) for c, value in enumerate(row) if 0 < value < minimum
    }
    width = max((len(row) for row in counts), default=0)
    lines: list[list[tuple[int, int]]] = [
        [(r, c) for c in range(len(row))] for r, row in enumerate(counts)
    ]
    lines += [[(r, c) for r in range(len(counts)) if c < len(counts[r])] for c in range(width)]
    out = Suppression()
    changed = True
    while changed:
        changed = False
        for index, line in enumerate(lines):
            lone = [p for p in line if p in hidden]
            if len(lone) != 1:
                continue
            partners = [p for p in line if p not in hidden and counts[p[0]][p[1]] > 0]
            if not partners:  # the others are all zero: the total is the hidden cell itself
                if index < len(counts):
                    out.row_totals.add(index)
                else:
                    out.column_totals.add(index - len(counts))
                continue
            hidden.add(min(partners, key=lambda p: (counts[p[0]][p[1]], p)))
            changed = True
    out.cells = hidden
    return out
