"""Pages and API modules read through the access policy, never around it.

``ScopedQuerySet.scoped(label)`` marks a query as decided by the policy; only the policy
(and system work in services) may say so. A view or an API module that called it would
show rows nobody decided it may show, so this scan fails on any call of ``.scoped(`` in a
module under a ``views`` package or a module named ``api*.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORRIDOR = Path(__file__).resolve().parents[2]


def _pages_and_api() -> list[Path]:
    found = []
    for path in sorted(CORRIDOR.rglob("*.py")):
        parts = path.relative_to(CORRIDOR).parts
        if "tests" in parts or "migrations" in parts:
            continue
        if "views" in parts[:-1] or path.name.startswith("api"):
            found.append(path)
    return found


def _scoped_calls(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "scoped"
    ]


def test_the_scan_finds_pages_and_api_modules() -> None:
    names = {p.relative_to(CORRIDOR).as_posix() for p in _pages_and_api()}
    assert "calls/api.py" in names
    assert "outreach/api.py" in names
    assert "contacts/views/contacts.py" in names
    assert "supplychain/api_needs.py" in names


def test_the_scan_recognises_a_call_of_scoped() -> None:
    assert _scoped_calls("qs = Organisation.objects.scoped('why')\n") == [1]
    assert _scoped_calls("qs = policy.visible(user, Organisation)\n") == []


def test_no_view_or_api_module_calls_scoped() -> None:
    offenders = [
        f"{path.relative_to(CORRIDOR)}:{line}"
        for path in _pages_and_api()
        for line in _scoped_calls(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "read through corridor.core.policy instead: " + ", ".join(offenders)
