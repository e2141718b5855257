"""An auditor of a published open-data folder, as a member of the public would read it.

It knows nothing of how the files were made: it reads every ``*.csv`` in the folder (and
its ``.json`` twin), works out which columns count companies and where the totals are
from the file itself, and lists every way a small count could be read or worked out:

* a published count of companies of 1 to ``MINIMUM - 1`` (a total or subtotal included);
* a row or column with a published total and exactly one suppressed cell (total minus
  the others gives it back); the row of column totals and the column of row totals count
  as lines too, with the grand total as their total;
* a line with a published total whose suppressed cells add up to 1 to ``MINIMUM - 1``
  (that sum is a published subtotal in all but name; and since zeros are published, two
  hidden cells adding up to 2 are both 1);
* any suppressed entry that the published totals pin down exactly, through any
  combination of rows and columns (linear algebra over the whole grid, not line by line).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from corridor.core.disclosure import MINIMUM

Number = int | float | None
Position = tuple[int, int]
Grid = Sequence[Sequence[Number]]


def _number(text: str) -> Number:
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return None  # a label


def audit(directory: Path) -> list[str]:
    """Every problem found in every file of ``directory`` (empty: nothing discloses)."""
    files = sorted(directory.glob("*.csv"))
    assert files, f"no CSV file in {directory}"
    problems: list[str] = []
    for path in files:
        problems += [f"{path.name}: {p}" for p in audit_file(path)]
    return problems


def audit_file(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        header, *body = list(csv.reader(f))
    problems = _same_as_json(path, header, body)
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    total_column = next((i for i, h in enumerate(header) if h.strip().lower() == "total"), None)
    total_row = next((i for i, line in enumerate(body) if line[0].strip().lower() == "total"), None)
    if "company_counts" not in meta:
        problems.append("the JSON does not say which columns count companies")
    declared = set(meta.get("company_counts", ()))
    unknown = declared - set(header)
    if unknown:
        problems.append(f"company_counts names columns not in the file: {sorted(unknown)}")
    if total_column is not None or total_row is not None:
        # a grid with totals: every column but the row label counts companies
        counting = list(range(1, len(header)))
    else:
        counting = [i for i, h in enumerate(header) if h in declared or "compan" in h.lower()]
    values = [[_number(cell) for cell in line] for line in body]
    for r, line in enumerate(values):
        for c in counting:
            v = line[c]
            if v is not None and 0 < v < MINIMUM:
                problems.append(f"row {body[r][0]!r}, column {header[c]!r}: {v} published")
    if total_column is not None or total_row is not None:
        grid = [[line[c] for c in counting] for line in values]
        tc = None if total_column is None else counting.index(total_column)
        problems += [
            f"{where}: {what}" for where, what in grid_problems(grid, tc, total_row, header, body)
        ]
    return problems


def _same_as_json(path: Path, header: list[str], body: list[list[str]]) -> list[str]:
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    rows = data["rows"]
    if len(rows) != len(body):
        return [f"the JSON has {len(rows)} rows, the CSV {len(body)}"]
    problems = []
    for line, record in zip(body, rows, strict=True):
        as_csv = ["" if record.get(h) is None else str(record[h]) for h in header]
        if as_csv != line:
            problems.append(f"the JSON row {record} differs from the CSV row {line}")
    return problems


def grid_lines(
    grid: Grid, total_column: int | None, total_row: int | None
) -> list[tuple[str, list[Position], Position]]:
    """(name, cells, total) of each line that has a total: each row against the total
    column, each column against the total row (the totals themselves included)."""
    height, width = len(grid), len(grid[0]) if grid else 0
    lines = []
    if total_column is not None:
        for r in range(height):
            cells = [(r, c) for c in range(width) if c != total_column]
            lines.append((f"row {r}", cells, (r, total_column)))
    if total_row is not None:
        for c in range(width):
            cells = [(r, c) for r in range(height) if r != total_row]
            lines.append((f"column {c}", cells, (total_row, c)))
    return lines


def grid_problems(
    grid: Grid,
    total_column: int | None,
    total_row: int | None,
    header: list[str] | None = None,
    labels: list[list[str]] | None = None,
) -> list[tuple[str, str]]:
    """Problems of one grid of published values (``None``: suppressed)."""

    def name(p: Position) -> str:
        if header is None or labels is None:
            return str(p)
        return f"({labels[p[0]][0]!r}, {header[p[1] + 1]!r})"

    out: list[tuple[str, str]] = []
    lines = grid_lines(grid, total_column, total_row)
    for line, cells, total_at in lines:
        total = grid[total_at[0]][total_at[1]]
        if total is None:
            continue
        hidden = [p for p in cells if grid[p[0]][p[1]] is None]
        shown = sum(grid[p[0]][p[1]] or 0 for p in cells)
        where = f"{line} (total at {name(total_at)})"
        if len(hidden) == 1:
            out.append((where, f"{name(hidden[0])} is its only suppressed cell: {total - shown}"))
        elif not hidden and shown != total:
            out.append((where, f"the cells add up to {shown}, the total says {total}"))
        elif hidden and 0 < total - shown < MINIMUM:
            out.append((where, f"its suppressed cells add up to {total - shown}"))
    for p in recoverable(grid, lines):
        out.append((name(p), "suppressed, but the published totals pin it down"))
    return out


def recoverable(grid: Grid, lines: list[tuple[str, list[Position], Position]]) -> list[Position]:
    """The suppressed entries that the line equations determine exactly: Gauss-Jordan
    elimination over the unknowns; an unknown is determined when a row of the reduced
    system has it alone."""
    unknowns = sorted({p for _, cells, t in lines for p in [*cells, t] if grid[p[0]][p[1]] is None})
    index = {p: i for i, p in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for _, cells, total in lines:
        row = [Fraction(0)] * len(unknowns)
        for p in cells:
            if p in index:
                row[index[p]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            rows.append(row)
    pivot_row = 0
    for col in range(len(unknowns)):
        chosen = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if chosen is None:
            continue
        rows[pivot_row], rows[chosen] = rows[chosen], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    found = []
    for row in rows[:pivot_row]:
        nonzero = [i for i, v in enumerate(row) if v != 0]
        if len(nonzero) == 1:
            found.append(unknowns[nonzero[0]])
    return sorted(found)
