"""Query counts per page: constant in the number of rows (no N+1), within the committed baseline.

Each page is rendered with 3 and with 15 facilities and calls (pages of other
capabilities are measured against the same data, for their baseline); the count of
SQL queries must be the same, and no higher than ``tests/query_counts.json``.
After a deliberate change, regenerate the file:
``CORRIDOR_UPDATE_QUERY_COUNTS=1 .venv/bin/pytest -n 0 tests/test_query_counts.py``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import World
from corridor.calls.models import Call
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core.models import ApiToken

BASELINE = Path(__file__).with_name("query_counts.json")
UPDATE = os.environ.get("CORRIDOR_UPDATE_QUERY_COUNTS") == "1"
SMALL, LARGE = 3, 15

PAGES: dict[str, Callable[[Call], str]] = {
    "registry facility list": lambda call: "/registry/",
    "registry facility detail": lambda call: f"/registry/facilities/{call.facility_id}/",
    "calls planner": lambda call: "/calls/",
    "call detail": lambda call: f"/calls/{call.pk}/",
    "follow-ups": lambda call: "/calls/follow-ups/",
    "supplier search": lambda call: "/supply-chain/search/?q=plant",
    "supply gaps": lambda call: "/supply-chain/gaps/",
    "workforce gaps": lambda call: "/workforce/",
    "programs list": lambda call: "/programs/",
    "intel tracker": lambda call: "/intel/tracker/",
    "outreach home": lambda call: "/outreach/",
    "api facility list": lambda call: "/api/v1/facilities",
    "api call list": lambda call: "/api/v1/calls",
}


def _seed(world: World, rows: int) -> Call:
    last = None
    for n in range(rows):
        plant = facility(f"Plant {n}", world.windsor)
        last = planned(world.alice, plant, world.org_a, DAY)
    assert last is not None
    return last


def _count(world: World, path: str) -> int:
    _, token = ApiToken.issue(world.carol, "query counts")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    client.force_login(world.carol)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def _measure(world: World, rows: int) -> dict[str, int]:
    call = _seed(world, rows)
    return {name: _count(world, url(call)) for name, url in PAGES.items()}


@pytest.fixture
def measured(world: World) -> dict[str, tuple[int, int]]:
    small = _measure(world, SMALL)
    large = _measure(world, LARGE - SMALL)  # adds to the rows already there
    return {name: (small[name], large[name]) for name in PAGES}


def test_query_counts_do_not_grow_with_the_rows(measured: dict[str, tuple[int, int]]) -> None:
    grows = {name: counts for name, counts in measured.items() if counts[1] > counts[0]}
    assert not grows, f"query count grows from {SMALL} to {LARGE} rows (N+1): {grows}"


def test_query_counts_stay_within_the_committed_baseline(
    measured: dict[str, tuple[int, int]],
) -> None:
    counts = {name: max(pair) for name, pair in measured.items()}
    if UPDATE:
        BASELINE.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    baseline: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert baseline.keys() == counts.keys(), "regenerate tests/query_counts.json"
    over = {
        name: (counts[name], baseline[name]) for name in counts if counts[name] > baseline[name]
    }
    assert not over, f"more queries than the baseline (now, committed): {over}"
