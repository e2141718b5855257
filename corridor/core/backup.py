"""Backups of Corridor's database: one file out, the same database back in.

SQLite is copied page by page with SQLite's online backup API, so officers can
keep working while it runs. PostgreSQL goes through ``pg_dump`` in its custom
format and ``pg_restore``; both tools must be installed and no older than the
server. A restore replaces everything, so it refuses a database that already
holds accounts or recorded changes unless told to overwrite it.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done, with the reason in plain words."""


@dataclass(frozen=True)
class Outcome:
    engine: str
    path: Path
    size: int

    def describe(self, done: str) -> str:
        """'Backed up the sqlite database to FILE (N bytes).' and the like."""
        return f"{done} the {self.engine} database {self.path} ({self.size:,} bytes)."


def _engine(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Corridor backs up SQLite and PostgreSQL, not {vendor}.")
    return vendor


def holdings(using: str = "default") -> dict[str, int]:
    """Rows a restore would destroy: accounts and recorded changes (reference data aside)."""
    from corridor.core.models import ChangeRecord, User
    from corridor.core.scoping import system_scope

    with system_scope("backup: is the database empty"):
        return {
            "users": User.objects.using(using).count(),
            "recorded changes": ChangeRecord.objects.using(using).count(),
        }


def backup(path: Path, using: str = "default") -> Outcome:
    engine = _engine(using)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        if engine == "sqlite":
            _sqlite_backup(partial, using)
        else:
            _pg_dump(partial, using)
        partial.replace(path)  # a half-written backup never carries the real name
    finally:
        partial.unlink(missing_ok=True)
    return Outcome(engine, path, path.stat().st_size)


def restore(path: Path, *, force: bool = False, using: str = "default") -> Outcome:
    engine = _engine(using)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file.")
    kind = _file_kind(path)
    if kind != engine:
        raise BackupError(
            f"{path} is {'not a Corridor backup' if kind is None else f'a {kind} backup'};"
            f" this Corridor runs on {engine}."
        )
    held = {name: count for name, count in holdings(using).items() if count}
    if held and not force:
        listed = ", ".join(f"{count:,} {name}" for name, count in held.items())
        raise BackupError(
            f"The database is not empty ({listed}). Restoring would replace it all;"
            " add --force to overwrite it."
        )
    if engine == "sqlite":
        _sqlite_restore(path, using)
    else:
        _pg_restore(path, using)
    return Outcome(engine, path, path.stat().st_size)


def _file_kind(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    return None


def _raw_sqlite(using: str) -> sqlite3.Connection:
    connection = connections[using]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _sqlite_backup(path: Path, using: str) -> None:
    target = sqlite3.connect(path)
    try:
        _raw_sqlite(using).backup(target)
    finally:
        target.close()


def _sqlite_restore(path: Path, using: str) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(_raw_sqlite(using))
    finally:
        source.close()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed; PostgreSQL backups need it"
            " (Debian: apt-get install postgresql-client)."
        )
    return found


def _pg_arguments(using: str) -> tuple[list[str], dict[str, str], int]:
    """Connection options for the client tools, and the version check they need."""
    connection = connections[using]
    settings = connection.settings_dict
    connection.ensure_connection()
    server_major = connection.pg_version // 10000  # type: ignore[attr-defined]
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", str(settings["USER"])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env, server_major


def _check_version(tool: str, server_major: int) -> None:
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True)
    match = re.search(r"(\d+)(?:\.\d+)?", output.stdout)
    if match is None:
        raise BackupError(f"Cannot read the version of {tool}: {output.stdout.strip()!r}.")
    if int(match.group(1)) < server_major:
        raise BackupError(
            f"{tool} is version {match.group(1)} but the server runs {server_major};"
            f" install the PostgreSQL {server_major} client tools"
            f" (postgresql-client-{server_major})."
        )


def _run_pg(name: str, extra: list[str], using: str) -> None:
    tool = _tool(name)
    args, env, server_major = _pg_arguments(using)
    _check_version(tool, server_major)
    result = subprocess.run([tool, *args, *extra], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.stdout.strip()}")


def _pg_dump(path: Path, using: str) -> None:
    _run_pg("pg_dump", ["--format=custom", "--no-owner", "--file", str(path)], using)


def _pg_restore(path: Path, using: str) -> None:
    connections[using].close()  # no open transaction holds a lock on the tables being replaced
    _run_pg(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)],
        using,
    )
