"""The `corridor` console command."""

import subprocess
import sys
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client


def test_issue_token_prints_a_token_that_works(world: Any) -> None:
    out = StringIO()
    call_command("issue_token", "alice", stdout=out)
    token = out.getvalue().strip()
    assert token.startswith("cor_")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me")
    assert response.json()["username"] == "alice"


def test_issue_token_names_an_unknown_user(world: Any) -> None:
    with pytest.raises(CommandError, match="No user named 'zed'"):
        call_command("issue_token", "zed")


def test_the_console_script_speaks_with_hyphens(tmp_path: Any) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "corridor.cli", "issue-token", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"CORRIDOR_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "Print a new API bearer token" in result.stdout
