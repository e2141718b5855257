"""Settings: production variables pass Django's deployment checks; SQLite runs in WAL mode."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db.utils import ConnectionHandler

from corridor import settings as settings_module

PRODUCTION = {
    "SECRET_KEY": "x7!k2-production-secret-that-is-long-and-random-enough-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "corridor.example.ca",
    "CORRIDOR_SECURE": "1",
    "DEBUG": "0",
}


def _check_deploy(tmp_path: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Only the variables a deployment would set: nothing from this test session.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and not k.startswith(("DJANGO_", "CORRIDOR_", "DATABASE_"))
    }
    env.update(extra)
    env["CORRIDOR_VAR_DIR"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "corridor.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path, PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checks_fail_without_tls_settings(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path, {**PRODUCTION, "CORRIDOR_SECURE": "0"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def test_the_embedded_database_is_sqlite_in_wal_mode_with_a_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: Any
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'corridor.sqlite3'}")
    handler = ConnectionHandler({"default": settings_module._database()})
    conn = handler["default"]
    with django_db_blocker.unblock():
        with conn.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == 20000
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
        conn.close()


def test_database_url_selects_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://corridor@db.example:5432/corridor")
    config = settings_module._database()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "corridor"
    assert config["CONN_HEALTH_CHECKS"] is True
    assert config["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}
    monkeypatch.setenv("CORRIDOR_PG_PREPARE_THRESHOLD", "0")  # behind an old PgBouncer
    assert "OPTIONS" not in settings_module._database()


def test_the_urls_connection_options_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "DATABASE_URL", "postgres://corridor@db.example:5432/corridor?sslmode=require"
    )
    assert settings_module._database()["OPTIONS"] == {
        "sslmode": "require",
        "server_side_binding": True,
        "prepare_threshold": 5,
    }


def test_a_sqlite_urls_options_are_kept_beside_corridors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/corridor-test.sqlite3?timeout=5")
    options = settings_module._database()["OPTIONS"]
    assert options["timeout"] == 5  # the URL's, not the default 20
    assert (options["transaction_mode"], "journal_mode=WAL" in options["init_command"]) == (
        "IMMEDIATE",
        True,
    )


@pytest.mark.django_db
def test_a_query_run_often_is_prepared_on_postgresql() -> None:
    from django.db import connection

    from corridor.core.models import Municipality
    from corridor.core.scoping import system_scope

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (SQLite has no planner to spare)")
    with system_scope("counting municipalities"):
        for _ in range(6):
            list(Municipality.objects.filter(name="Windsor"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("core_municipality" in text for text in prepared), prepared


PROFILE_PRODUCTION = {
    "CORRIDOR_PROFILE": "production",
    "SECRET_KEY": PRODUCTION["SECRET_KEY"],
    "ALLOWED_HOSTS": "corridor.example.ca",
    "CSRF_TRUSTED_ORIGINS": "https://corridor.example.ca",
    "DATABASE_URL": "postgres://corridor@127.0.0.1:5432/corridor",
}


def test_the_production_profile_passes_the_deployment_checks(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path, PROFILE_PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"])
def test_the_production_profile_refuses_to_start_without_a_required_variable(
    tmp_path: Path, missing: str
) -> None:
    env = {k: v for k, v in PROFILE_PRODUCTION.items() if k != missing}
    result = _check_deploy(tmp_path, env)
    assert result.returncode != 0
    assert f"CORRIDOR_PROFILE=production needs {missing} to be set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_the_production_profile_refuses_debug(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path, {**PROFILE_PRODUCTION, "DEBUG": "1"})
    assert result.returncode != 0
    assert "refuses DEBUG=1" in result.stderr


def test_the_production_profile_logs_to_stdout() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from corridor import settings as s;"
            " print(s.LOGGING['handlers']['console']['stream'], s.SESSION_COOKIE_SECURE,"
            " s.SECURE_PROXY_SSL_HEADER[0], s.SECURE_HSTS_SECONDS)",
        ],
        env={**os.environ, **PROFILE_PRODUCTION},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "ext://sys.stdout",
        "True",
        "HTTP_X_FORWARDED_PROTO",
        "31536000",
    ], result.stderr
