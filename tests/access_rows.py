"""Rows of the access matrix and shorthands for the status each role gets.

Used by tests/test_access_matrix.py and the capability row modules beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ROLES = ["alice", "bob", "carol", "dave", "erin", "anonymous"]
SIGNED_IN = ROLES[:-1]


def everyone(status: int, anonymous: int = 302) -> dict[str, int]:
    return {**dict.fromkeys(SIGNED_IN, status), "anonymous": anonymous}


def only(allowed: dict[str, int], others: int, anonymous: int = 302) -> dict[str, int]:
    return {**dict.fromkeys(SIGNED_IN, others), **allowed, "anonymous": anonymous}


def participants(status: int, partner: int, anonymous: int = 302) -> dict[str, int]:
    """Municipalities and the coordinator office get ``status``; the partner (dave) not."""
    return {**dict.fromkeys(SIGNED_IN, status), "dave": partner, "anonymous": anonymous}


def coordinator(status: int, editors: int, partner: int, anonymous: int = 302) -> dict[str, int]:
    """carol may; the municipalities' people get ``editors``, the partner ``partner``."""
    return {
        **dict.fromkeys(SIGNED_IN, editors),
        "carol": status,
        "dave": partner,
        "anonymous": anonymous,
    }


@dataclass(frozen=True)
class Row:
    name: str  # URL name, or "METHOD /api/v1/path" for the API
    url: Callable[[Any], str]
    expect: dict[str, int]
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
