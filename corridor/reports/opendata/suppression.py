"""Primary and secondary (complementary) suppression of a table of company counts.

A published table shows its cells, each row's total, each column's total and the grand
total. Together they form one grid of ``(rows + 1) x (columns + 1)`` values in which
every line adds up: each row of cells to its row total, each column to its column total,
the row totals and the column totals both to the grand total. Suppression works on that
whole grid, totals included, since a total is a count of companies too:

* **Primary**: a value of 1 to ``MINIMUM - 1`` (cell or total) is hidden; 0 is published.
* **No exact recovery**: a hidden value is recoverable exactly when some combination of
  the lines' sums pins it down. For a grid whose every line adds up, that happens exactly
  when the hidden value lies on no *circuit* of hidden values (a closed path going
  alternately along a row and a column, a rectangle being the smallest): in the graph
  whose nodes are the lines and whose edges are the hidden values, it is a bridge. A row
  or column with a lone hidden value is the simplest case. So while a hidden value is a
  bridge, the circuit through it whose newly hidden values add up to the least is
  completed (values already hidden cost nothing; zeros are never hidden).
* **No small remainder**: in a line with a published total, the hidden values add up to
  the total minus the published ones, a subtotal in all but name. Where that is 1 to
  ``MINIMUM - 1`` (say two hidden cells making 2: both are 1, since zeros are published),
  the smallest published non-zero cell of the line is hidden as well.

Each step only hides more, so the rules are applied until nothing changes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from corridor.core.disclosure import MINIMUM

Grid = Sequence[Sequence[int]]
Position = tuple[int, int]


@dataclass
class Suppression:
    cells: set[Position] = field(default_factory=set)
    row_totals: set[int] = field(default_factory=set)  # rows whose total is hidden
    column_totals: set[int] = field(default_factory=set)  # columns whose total is hidden
    grand_total: bool = False


def suppress_grid(counts: Grid, minimum: int = MINIMUM) -> Suppression:
    """What to hide in ``counts`` and its totals (see the module's rules)."""
    height = len(counts)
    width = len(counts[0]) if counts else 0
    if any(len(row) != width for row in counts):
        raise ValueError("a table's rows must all have the same number of cells")
    if not height or not width:
        return Suppression()
    full = _with_totals(counts)
    hidden = {
        (r, c) for r, row in enumerate(full) for c, value in enumerate(row) if 0 < value < minimum
    }
    while True:
        bridges = _bridges(hidden, len(full))
        if bridges:
            hidden.update(_cheapest_circuit(full, hidden, bridges[0]))
        elif not _fill_thin_lines(full, hidden, minimum):
            break
    return Suppression(
        cells={(r, c) for r, c in hidden if r < height and c < width},
        row_totals={r for r, c in hidden if r < height and c == width},
        column_totals={c for r, c in hidden if r == height and c < width},
        grand_total=(height, width) in hidden,
    )


def _with_totals(counts: Grid) -> list[list[int]]:
    rows = [[*row, sum(row)] for row in counts]
    return [*rows, [sum(column) for column in zip(*rows, strict=True)]]


def _lines(full: list[list[int]]) -> Iterator[tuple[list[Position], Position]]:
    """(cells, total) of every line of the grid with its totals."""
    last_row, last_column = len(full) - 1, len(full[0]) - 1
    for r in range(last_row + 1):
        yield [(r, c) for c in range(last_column)], (r, last_column)
    for c in range(last_column + 1):
        yield [(r, c) for r in range(last_row)], (last_row, c)


def _fill_thin_lines(full: list[list[int]], hidden: set[Position], minimum: int) -> bool:
    """Hide more in each line whose hidden cells add up to 1 to ``minimum - 1`` while its
    total is published. True when anything was hidden."""
    changed = False
    for cells, total in _lines(full):
        if total in hidden:
            continue
        while 0 < sum(full[r][c] for r, c in cells if (r, c) in hidden) < minimum:
            # the total is at least the hidden part, so when it is published and
            # small, it is hidden already; a published non-zero cell is left
            shown = [(full[r][c], (r, c)) for r, c in cells if (r, c) not in hidden]
            hidden.add(min((v, p) for v, p in shown if v > 0)[1])
            changed = True
    return changed


def _node(p: Position, rows: int) -> tuple[int, int]:
    """The two nodes a value joins: its row (0..) and its column (``rows``..)."""
    return p[0], rows + p[1]


def _bridges(hidden: set[Position], rows: int) -> list[Position]:
    """The hidden values no circuit of hidden values passes through (Tarjan's bridges,
    without recursion), in grid order."""
    around: dict[int, list[tuple[int, Position]]] = {}
    for p in sorted(hidden):
        a, b = _node(p, rows)
        around.setdefault(a, []).append((b, p))
        around.setdefault(b, []).append((a, p))
    found: list[Position] = []
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    for start in sorted(around):
        if start in order:
            continue
        order[start] = low[start] = len(order)
        stack: list[tuple[int, Position | None, Iterator[tuple[int, Position]]]] = [
            (start, None, iter(around[start]))
        ]
        while stack:
            node, came_by, onward = stack[-1]
            for nxt, by in onward:
                if by == came_by:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, by, iter(around[nxt])))
                    break
            else:
                stack.pop()
                if stack and came_by is not None:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(came_by)
    return sorted(found)


def _cheapest_circuit(
    full: list[list[int]], hidden: set[Position], bridge: Position
) -> list[Position]:
    """The published values to hide so that ``bridge`` lies on a circuit of hidden values:
    the path from its row to its column (without it) whose published values add up to the
    least (Dijkstra; hidden values cost nothing, zeros cannot be used)."""
    rows, columns = len(full), len(full[0])
    start, goal = _node(bridge, rows)
    best: dict[int, tuple[int, int]] = {start: (0, 0)}
    came: dict[int, tuple[int, Position]] = {}
    queue = [(0, 0, start)]
    while queue:
        cost, steps, node = heapq.heappop(queue)
        if node == goal:
            break
        if (cost, steps) > best[node]:
            continue
        if node < rows:
            onward = [((node, c), rows + c) for c in range(columns)]
        else:
            onward = [((r, node - rows), r) for r in range(rows)]
        for p, nxt in onward:
            value = full[p[0]][p[1]]
            if p == bridge or (p not in hidden and value == 0):
                continue
            candidate = (cost + (0 if p in hidden else value), steps + 1)
            if nxt not in best or candidate < best[nxt]:
                best[nxt] = candidate
                came[nxt] = (node, p)
                heapq.heappush(queue, (*candidate, nxt))
    if goal not in came:  # cannot happen: the bridge's row, column and totals close it
        raise AssertionError(f"no circuit through {bridge}")
    path = []
    node = goal
    while node != start:
        node, p = came[node]
        path.append(p)
    return [p for p in path if p not in hidden]
