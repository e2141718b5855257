"""Tasks the worker's tests put on the queue (importable by a worker subprocess)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task

from corridor.jobs import services


@task()
def add(a: int, b: int) -> int:
    report = services.progress(every_seconds=0)
    for n in range(1, 4):
        report(n, 3, f"step {n}")
    services.finished(result_url="/jobs/", message="added")
    return a + b


@task()
def fails_until(folder: str, succeed_on: int) -> str:
    """Raises until its ``succeed_on``-th attempt (counted in a file under ``folder``)."""
    counter = Path(folder) / "attempts"
    attempt = int(counter.read_text()) + 1 if counter.exists() else 1
    counter.write_text(str(attempt))
    if attempt < succeed_on:
        raise ValueError(f"the supplier list is unreadable (attempt {attempt})")
    return f"done on attempt {attempt}"


@task()
def block_then_record(folder: str) -> str:
    """Writes a start line, waits until ``folder/release`` exists, then records its one
    effect ("done") unless it is already recorded, as a task written to be re-run does."""
    base = Path(folder)
    with (base / "starts").open("a") as handle:
        handle.write(f"{os.getpid()}\n")
    while not (base / "release").exists():
        time.sleep(0.05)
    effects = base / "effects"
    lines = effects.read_text().splitlines() if effects.exists() else []
    if "done" not in lines:
        with effects.open("a") as handle:
            handle.write("done\n")
    return "recorded"


@task()
def refuses(reason: str) -> None:
    """Work that cannot succeed: refused, never retried."""
    raise services.Refused(reason)


@task()
def makes_two_things() -> None:
    services.finished(
        message="made two",
        links=[("First <thing>", "/jobs/?status=succeeded"), ("Second thing", "/jobs/")],
    )
