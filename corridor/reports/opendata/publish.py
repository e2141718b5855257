"""Write the open-data tables as CSV and JSON with a data dictionary, all or nothing."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path

from corridor.core.disclosure import MINIMUM
from corridor.core.progress import Progress
from corridor.reports.opendata.tables import TABLES, Published


class PublishError(Exception):
    pass


RULE = (
    f"A count of 1 to {MINIMUM - 1} companies is suppressed (left empty in CSV, null in "
    "JSON); 0 is published. In a table with totals, the totals (each row's, each "
    "column's and the grand total) are counts too and follow the same rule. Then more "
    "values are suppressed, cells or totals, until no suppressed value can be worked out "
    "from the published ones: no row or column (the row of column totals and the column "
    "of row totals included) has a lone suppressed value beside a published total, nor "
    "suppressed values that add up to fewer than "
    f"{MINIMUM}, and no combination of rows and columns pins one down. The values "
    "suppressed for that are those adding up to the least."
)


def _write(table: Published, into: Path) -> str:
    header, lines = table.header(), table.lines()
    with (into / f"{table.name}.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for line in lines:
            writer.writerow(["" if v is None else v for v in line])
    records = [dict(zip(header, line, strict=True)) for line in lines]
    counts, totals = table.company_counts(), table.has_totals()
    document = {"table": table.name, "company_counts": counts, "totals": totals, "rows": records}
    (into / f"{table.name}.json").write_text(json.dumps(document, indent=1), encoding="utf-8")
    text = [f"## {table.name}", "", table.description, ""]
    if counts:
        names = ", ".join(f"`{c}`" for c in counts)
        text += [f"Counts of companies (suppressed as above): {names}.", ""]
    if totals:
        text += ["The last column and the last row (`total`) are totals.", ""]
    text += ["| column | meaning |", "|---|---|"]
    text += [f"| `{column}` | {meaning} |" for column, meaning in table.dictionary()]
    return "\n".join(text)


def publish(directory: Path, progress: Progress | None = None) -> list[str]:
    """Write every table into ``directory`` (created, or replaced) through a temporary
    folder beside it, renamed at the end: a failure leaves the old contents."""
    parent = directory.resolve().parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise PublishError(f"{directory}: cannot write there (the folder {parent} is not writable)")
    if directory.exists() and not directory.is_dir():
        raise PublishError(f"{directory}: exists and is not a folder")
    work = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=parent))
    try:
        sections = []
        for done, build in enumerate(TABLES, 1):
            sections.append(_write(build(), work))
            if progress:
                progress(done, len(TABLES))
        (work / "README.md").write_text(
            "# Corridor open data\n\nSuppression rule: "
            + RULE
            + "\n\n"
            + "\n\n".join(sections)
            + "\n",
            encoding="utf-8",
        )
        if directory.exists():
            old = parent / f".{directory.name}-old"
            directory.rename(old)
            work.rename(directory)
            shutil.rmtree(old)
        else:
            work.rename(directory)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return sorted(p.name for p in directory.iterdir())
