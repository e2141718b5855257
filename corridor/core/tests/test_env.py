from pathlib import Path

import pytest

from corridor.env import ConfigError, envbool, envint, envlist, envstr


def test_envbool_reads_yes_and_no_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAG", "Yes")
    assert envbool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert envbool("FLAG", True) is False


def test_envbool_refuses_a_typo_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ConfigError, match="DEBUG='ture'"):
        envbool("DEBUG")


def test_envint_refuses_non_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "80OO")
    with pytest.raises(ConfigError, match="PORT"):
        envint("PORT", 1)


def test_envint_uses_the_default_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORT", raising=False)
    assert envint("PORT", 8000) == 8000


def test_secrets_can_come_from_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert envstr("SECRET_KEY") == "s3cret"


def test_an_unreadable_secret_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY_FILE", "/nonexistent/key")
    with pytest.raises(ConfigError, match="SECRET_KEY_FILE"):
        envstr("SECRET_KEY")


def test_envlist_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", "corridor.example.ca, www.corridor.example.ca,")
    assert envlist("ALLOWED_HOSTS", []) == ["corridor.example.ca", "www.corridor.example.ca"]
