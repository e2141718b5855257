"""Backups: a round trip gives back every table, row for row, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from conftest import build_world
from corridor.core import backup as backup_module
from corridor.core.history import change_context
from corridor.core.models import Municipality, User
from corridor.core.scoping import system_scope

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the database, in a comparable order."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            tables[table] = sorted(cursor.fetchall(), key=repr)
    return tables


def test_a_round_trip_restores_every_table(tmp_path: Path, capsys: Any) -> None:
    build_world()
    before = snapshot()
    assert len(before) > 40 and sum(map(len, before.values())) > 50
    file = tmp_path / "corridor.backup"
    call_command("backup", str(file))
    assert "Backed up" in capsys.readouterr().out and file.stat().st_size > 0

    with system_scope("test"), change_context(source="tests"):
        Municipality.objects.filter(name="Toronto").update(name="Renamed")
        User.objects.create_user("mallory", password="x" * 20)
    assert snapshot() != before

    with pytest.raises(CommandError, match=r"not empty .* add --force"):
        call_command("restore", str(file))
    call_command("restore", str(file), "--force")
    assert "Restored from" in capsys.readouterr().out
    after = snapshot()
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table


def test_restore_into_an_empty_database_needs_no_force(tmp_path: Path) -> None:
    build_world()
    file = tmp_path / "corridor.backup"
    backup_module.backup(file)
    with system_scope("test"):
        users = User.objects.count()
    call_command("flush", "--noinput")
    assert backup_module.restore(file).path == file
    with system_scope("test"):
        assert User.objects.count() == users


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a database", encoding="utf-8")
    with pytest.raises(CommandError, match=r"notes\.txt is not a Corridor backup"):
        call_command("restore", str(file), "--force")
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore", str(tmp_path / "missing.backup"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL client tools")
def test_missing_postgresql_tools_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="pg_dump is not installed"):
        call_command("backup", str(tmp_path / "corridor.backup"))
    assert not (tmp_path / "corridor.backup").exists()


def test_an_older_pg_dump_than_the_server_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Result:
        stdout = "pg_dump (PostgreSQL) 13.4"

    monkeypatch.setattr(backup_module.subprocess, "run", lambda *a, **k: Result())
    with pytest.raises(backup_module.BackupError, match="version 13 but the server runs 15"):
        backup_module._check_version("pg_dump", 15)
