"""SQLite under concurrent writers: every write waits its turn, none sees "database is locked".

Several processes create organisations and make versioned edits on one file
database at once, as officers in several municipalities would; WAL, IMMEDIATE
transactions and the busy timeout (corridor/settings.py) must queue them all.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse

WRITERS = 4
WRITES = 25

WRITER = """
import sys
import django
django.setup()
from corridor.core.history import change_context
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope

writer = sys.argv[1]
with system_scope("concurrent writer test"), change_context(source="tests"):
    for n in range(int(sys.argv[2])):
        org = Organisation.objects.create(name=f"Writer {writer} firm {n}", kind="association")
        org.short_name = f"W{writer}-{n}"
        org.save_versioned(org.version)
print("done", writer)
"""


def _env(database: Path, var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="corridor.settings",
        DATABASE_URL=f"sqlite:///{database}",
        CORRIDOR_VAR_DIR=str(var_dir),
    )
    return env


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="the concurrent-writer guarantee is SQLite's; PostgreSQL runs the same suite",
)
def test_concurrent_writers_on_a_sqlite_file_all_succeed(tmp_path: Path) -> None:
    database = tmp_path / "corridor.sqlite3"
    env = _env(database, tmp_path)
    migrate = [sys.executable, "-m", "corridor.cli", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, env=env, check=True, timeout=300)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), str(WRITES)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    outcomes = [(w.wait(timeout=300), *w.communicate()) for w in writers]
    for returncode, out, err in outcomes:
        assert "locked" not in err, err
        assert returncode == 0 and out.startswith("done"), err
    with sqlite3.connect(database) as db:
        created = db.execute(
            "SELECT COUNT(*), SUM(version > 1) FROM core_organisation WHERE name LIKE 'Writer %'"
        ).fetchone()
    assert created == (WRITERS * WRITES, WRITERS * WRITES)


@pytest.mark.parametrize(("path", "kind"), [("/registry/", "text/plain"), ("/api/v1/me", "json")])
def test_a_locked_database_becomes_a_clear_retry_message(path: str, kind: str) -> None:
    from django.db import OperationalError
    from django.test import RequestFactory

    from corridor.core.middleware import DatabaseBusyMiddleware

    middleware = DatabaseBusyMiddleware(lambda request: HttpResponse())
    request = RequestFactory().post(path)
    response = middleware.process_exception(request, OperationalError("database is locked"))
    assert response is not None and response.status_code == 503
    assert kind in response["Content-Type"] and response["Retry-After"] == "5"
    assert b"nothing was saved. Please try again." in response.content
    assert middleware.process_exception(request, OperationalError("no such table")) is None
