"""The progress bar of long commands: imports call ``progress(done, total)`` per row."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from tqdm import tqdm

Progress = Callable[[int, int], None]


@contextmanager
def progress_bar(desc: str, unit: str = "row") -> Iterator[Progress]:
    """A ``progress(done, total)`` callback drawing a bar on a terminal (nothing in a log);
    the bar starts at the first call, when the total is known, and closes at the end."""
    bar: tqdm[Any] | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit=unit, desc=desc, disable=not sys.stderr.isatty())
        bar.update(1)

    try:
        yield progress
    finally:
        if bar is not None:
            bar.close()
