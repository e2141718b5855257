"""Typed readers for the environment variables that configure Corridor.

Every setting Corridor reads from the environment goes through these helpers so
that a typo in a deployment ("ture", "80OO") stops start-up with a message that
names the variable, instead of silently becoming a default.
A secret may also be given as a file: ``SECRET_KEY_FILE=/run/secrets/key``.
"""

from __future__ import annotations

import os
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(RuntimeError):
    """A configuration variable has a value Corridor cannot use."""


def envstr(name: str, default: str = "") -> str:
    """A string, read from NAME, or from the file named by NAME_FILE."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE={file_path!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false, yes/no)")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from exc
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name}={raw!r} is less than {minimum}")
    return value


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


PROFILES = ("embedded", "production")
PRODUCTION_REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL")


def profile() -> str:
    """CORRIDOR_PROFILE: ``embedded`` (the default) or ``production``.

    The production profile refuses to start without the variables a real
    deployment needs, or with DEBUG on, naming each one.
    """
    name = envstr("CORRIDOR_PROFILE", "embedded").strip().lower() or "embedded"
    if name not in PROFILES:
        raise ConfigError(f"CORRIDOR_PROFILE={name!r} is not one of: {', '.join(PROFILES)}")
    if name == "production":
        missing = [var for var in PRODUCTION_REQUIRED if not envstr(var).strip()]
        if missing:
            raise ConfigError(
                "CORRIDOR_PROFILE=production needs " + ", ".join(missing) + " to be set"
                " (see docs/configuration.md)"
            )
        if envbool("DEBUG", False):
            raise ConfigError("CORRIDOR_PROFILE=production refuses DEBUG=1")
    return name
