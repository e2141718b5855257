"""A killed worker loses no task: real worker processes.

On SQLite (a file database) and, when the suite runs on PostgreSQL, on a PostgreSQL
database of its own. A task that blocks is claimed by a first worker, which is then
killed with SIGKILL (no chance to clean up); a second worker finds the task "running"
on a process that no
longer exists, queues it again and runs it to the end. The task's effect is recorded
once, its Job shows two attempts and success.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corridor.core.tests.test_sqlite_writers import _env

ENQUEUE = """
import sys
import django
django.setup()
from corridor.jobs import services
from corridor.jobs.tests import tasks
job = services.start(tasks.block_then_record, sys.argv[1], label="Blocking test task")
print(job.pk, job.task_result_id)
"""

WAIT = 120  # seconds: a bound on a stuck test, never an expectation of speed


def _wait_for(what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "corridor.cli", "worker", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--interval", "0.1"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def _sqlite(tmp_path: Path) -> Iterator[tuple[dict[str, str], Callable[..., Any]]]:
    database = tmp_path / "corridor.sqlite3"

    def query(sql: str, *params: Any) -> Any:
        with sqlite3.connect(database) as db:
            return db.execute(sql, params).fetchone()

    yield _env(database, tmp_path), query


def _postgres(tmp_path: Path) -> Iterator[tuple[dict[str, str], Callable[..., Any]]]:
    """A database of its own on the suite's PostgreSQL server (the test database lives
    inside the test's transaction, which worker processes cannot see)."""
    import psycopg

    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"corridor_killed_worker_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="corridor.settings",
        DATABASE_URL=f"{server}/{name}",
        CORRIDOR_VAR_DIR=str(tmp_path),
    )

    def query(sql: str, *params: Any) -> Any:
        with psycopg.connect(f"{server}/{name}", autocommit=True) as db:
            return db.execute(sql.replace("?", "%s"), params).fetchone()

    try:
        yield env, query
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[dict[str, str], Callable[..., Any]]]:
    """A database worker processes share: a SQLite file, or on PostgreSQL (when the
    suite runs there) a database of its own."""
    if "postgres" in os.environ.get("DATABASE_URL", ""):
        yield from _postgres(tmp_path)
    else:
        yield from _sqlite(tmp_path)


def test_a_task_of_a_killed_worker_is_run_again_by_another(
    tmp_path: Path, database: tuple[dict[str, str], Callable[..., Any]]
) -> None:
    base_env, query = database
    vendor = "postgresql" if base_env["DATABASE_URL"].startswith("postgres") else "sqlite"
    env = {
        **base_env,
        "CORRIDOR_WORKER_HEARTBEAT_SECONDS": "1",
        "CORRIDOR_WORKER_STALE_SECONDS": "5",
    }
    subprocess.run(
        [sys.executable, "-m", "corridor.cli", "migrate", "--noinput", "-v0"],
        env=env,
        check=True,
        timeout=300,
    )
    folder = tmp_path / "task"
    folder.mkdir()
    out = subprocess.run(
        [sys.executable, "-c", ENQUEUE, str(folder)],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    ).stdout.split()
    job_id, result_id = int(out[0]), out[1]
    log = tmp_path / "workers.log"

    first = _worker(env, log)
    second = None
    try:
        _wait_for("the first worker to start the task", lambda: len(_lines(folder / "starts")) == 1)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert _lines(folder / "effects") == []

        second = _worker(env, log)
        _wait_for(
            "the second worker to start it again", lambda: len(_lines(folder / "starts")) == 2
        )
        (folder / "release").touch()

        def job_finished() -> bool:
            row = query("SELECT status FROM jobs_job WHERE id = ?", job_id)
            return row is not None and row[0] in ("succeeded", "failed")

        _wait_for("the job to finish", job_finished)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)

    starts = _lines(folder / "starts")
    assert starts[0] == str(first.pid) and second is not None and starts[1] == str(second.pid)
    assert _lines(folder / "effects") == ["done"]
    job = query("SELECT status, attempts, error FROM jobs_job WHERE id = ?", job_id)
    result = query(
        "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult"
        " WHERE replace(CAST(id AS text), '-', '') = replace(?, '-', '')",
        result_id,
    )
    beats = query("SELECT COUNT(*) FROM jobs_workerheartbeat")[0]
    assert job == ("succeeded", 2, ""), log.read_text()
    # SQLite hands back JSON columns as text, psycopg decoded
    worker_ids = json.loads(result[1]) if isinstance(result[1], str) else result[1]
    value = json.loads(result[2]) if vendor == "sqlite" else result[2]
    assert result[0] == "SUCCESSFUL" and value == "recorded" and len(worker_ids) == 2
    assert "is gone, the task is queued again" in log.read_text()
    # the second worker stopped cleanly and took its heartbeat with it; the killed
    # first worker's heartbeat stays behind (harmless: its process is gone)
    assert beats == 1
