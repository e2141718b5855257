"""Query counts per page: constant in the number of rows (no N+1), within the committed baseline.

Each page is rendered with 3 and with 15 rows of every capability (tests/query_count_rows.py:
facilities, calls, follow-ups, needs, programs, documents, contacts, asks, ...); the count of
SQL queries must be the same, and no higher than ``tests/query_counts.json`` (one section
per database vendor).
After a deliberate change, regenerate the file:
``CORRIDOR_UPDATE_QUERY_COUNTS=1 .venv/bin/pytest -n 0 tests/test_query_counts.py``, once
plain (SQLite) and once with ``DATABASE_URL`` on PostgreSQL.
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
from corridor.core.models import ApiToken
from tests.matrix_attraction_pipeline import ATTRACTION_PIPELINE_API_LISTS
from tests.matrix_attraction_risk import ATTRACTION_RISK_API_LISTS
from tests.matrix_calls_api import CALL_API_LISTS
from tests.matrix_intel import INTEL_API_LISTS
from tests.matrix_outreach_api import OUTREACH_API_LISTS
from tests.matrix_programs_api import PROGRAM_API_LISTS
from tests.matrix_supplychain_needs_api import SUPPLY_API_LISTS
from tests.matrix_workforce import WORKFORCE_API_LISTS
from tests.query_count_rows import seed

BASELINE = Path(__file__).with_name("query_counts.json")
UPDATE = os.environ.get("CORRIDOR_UPDATE_QUERY_COUNTS") == "1"
SMALL, LARGE = 3, 15
Rows = dict[str, Any]

PAGES: dict[str, Callable[[Rows], str]] = {
    "registry facility list": lambda r: "/registry/",
    "registry facility detail": lambda r: f"/registry/facilities/{r['call'].facility_id}/",
    "calls planner": lambda r: "/calls/",
    "call detail": lambda r: f"/calls/{r['call'].pk}/",
    "follow-ups": lambda r: "/calls/follow-ups/",
    "supplier search": lambda r: "/supply-chain/search/?q=die",
    "supply needs": lambda r: "/supply-chain/needs/",
    "supply need detail": lambda r: f"/supply-chain/needs/{r['need'].pk}/",
    "supply gaps": lambda r: "/supply-chain/gaps/",
    "capabilities": lambda r: "/supply-chain/capabilities/",
    "workforce gaps": lambda r: "/workforce/",
    "occupations": lambda r: "/workforce/occupations/",
    "occupation detail": lambda r: "/workforce/occupations/72400/",
    "training programs": lambda r: "/workforce/programs/",
    "training program detail": lambda r: f"/workforce/programs/{r['course'].pk}/",
    "programs list": lambda r: "/programs/",
    "program detail": lambda r: f"/programs/{r['fund'].pk}/",
    "funded projects": lambda r: "/programs/projects/",
    "funded project detail": lambda r: f"/programs/projects/{r['project'].pk}/",
    "referrals": lambda r: "/programs/referrals/",
    "referral detail": lambda r: f"/programs/referrals/{r['referral'].pk}/",
    "intel documents": lambda r: "/intel/",
    "intel document detail": lambda r: f"/intel/documents/{r['document'].pk}/",
    "intel tracker": lambda r: "/intel/tracker/",
    "outreach home": lambda r: "/outreach/",
    "contacts": lambda r: "/outreach/contacts/",
    "contact detail": lambda r: f"/outreach/contacts/{r['contact'].pk}/",
    "relationships": lambda r: "/outreach/relationships/",
    "engagement calendar": lambda r: "/outreach/calendar/",
    "engagement detail": lambda r: f"/outreach/engagements/{r['engagement'].pk}/",
    "tours": lambda r: "/outreach/visits/",
    "tour detail": lambda r: f"/outreach/visits/tours/{r['tour'].pk}/",
    "messages": lambda r: "/outreach/messages/",
    "asks": lambda r: "/outreach/agenda/",
    "ask detail": lambda r: f"/outreach/agenda/asks/{r['ask'].pk}/",
    "working groups": lambda r: "/outreach/centre/working-groups/",
    "partnerships": lambda r: "/outreach/centre/partnerships/",
    "pilots": lambda r: "/outreach/pilots/",
    "api facility list": lambda r: "/api/v1/facilities",
    "company detail": lambda r: f"/registry/companies/{r['call'].facility.company_id}/",
    "review queue": lambda r: "/registry/review/",
    "flag board": lambda r: "/calls/flags/",
    "campaigns": lambda r: "/calls/campaigns/",
    "leads": lambda r: "/calls/leads/",
    "calls dashboard": lambda r: "/calls/dashboard/",
    "calls overview": lambda r: "/calls/overview/",
    "call templates": lambda r: "/calls/templates/",
    "supply map": lambda r: "/supply-chain/",
    "workforce heat map": lambda r: "/workforce/heat-map/",
    "unmapped occupations": lambda r: "/workforce/occupations/unmapped/",
    "program analytics": lambda r: "/programs/analytics/",
    "intel trends": lambda r: "/intel/trends/",
    "head-office map": lambda r: "/outreach/head-offices/",
    "common agenda": lambda r: "/outreach/agenda/common/",
    "message brief": lambda r: f"/outreach/messages/{r['message'].pk}/brief/",
    "calendar month": lambda r: "/calendar/?month=2026-10&who=all",
    "calendar week": lambda r: "/calendar/week/?week=2026-10-05&who=all",
    "calendar agenda": lambda r: "/calendar/agenda/?from=2026-10-01&who=all",
    "api facility timeline": lambda r: f"/api/v1/facilities/{r['call'].facility_id}/timeline",
    "api company timeline": lambda r: f"/api/v1/companies/{r['call'].facility.company_id}/timeline",
    "attraction board": lambda r: "/attraction/",
    "prospects": lambda r: "/attraction/prospects/",
    "prospect detail": lambda r: f"/attraction/prospects/{r['prospect'].pk}/",
    "prospect pitch pack": lambda r: f"/attraction/prospects/{r['prospect'].pk}/pitch/",
    "gap pitch pack": lambda r: "/attraction/gaps/die-casting/pitch/",
    "risk list": lambda r: "/attraction/at-risk/",
    "risk dismissals": lambda r: "/attraction/at-risk/dismissed/",
    "risk weights": lambda r: "/attraction/at-risk/weights/",
    "api at-risk": lambda r: "/api/v1/at-risk",
}
for _lists in (CALL_API_LISTS, SUPPLY_API_LISTS, WORKFORCE_API_LISTS, PROGRAM_API_LISTS,
               INTEL_API_LISTS, OUTREACH_API_LISTS, ATTRACTION_PIPELINE_API_LISTS,
               ATTRACTION_RISK_API_LISTS):  # fmt: skip
    for _path in _lists:
        PAGES[f"api {_path.removeprefix('/api/v1/')}"] = lambda r, p=_path: p


def _count(world: World, path: str) -> int:
    _, token = ApiToken.issue(world.carol, "query counts")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    client.force_login(world.carol)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def _measure(world: World, start: int, stop: int) -> dict[str, int]:
    rows = seed(world, start, stop)
    return {name: _count(world, url(rows)) for name, url in PAGES.items()}


_MEASURED: dict[str, tuple[int, int]] = {}


@pytest.fixture
def measured(world: World) -> dict[str, tuple[int, int]]:
    """Measured once per module (the rows are built once, the figures kept for both tests)."""
    if not _MEASURED:
        small = _measure(world, 0, SMALL)
        large = _measure(world, SMALL, LARGE)  # adds to the rows already there
        _MEASURED.update({name: (small[name], large[name]) for name in PAGES})
    return _MEASURED


def test_query_counts_do_not_grow_with_the_rows(measured: dict[str, tuple[int, int]]) -> None:
    grows = {name: counts for name, counts in measured.items() if counts[1] > counts[0]}
    assert not grows, f"query count grows from {SMALL} to {LARGE} rows (N+1): {grows}"


def test_query_counts_stay_within_the_committed_baseline(
    measured: dict[str, tuple[int, int]],
) -> None:
    counts = {name: max(pair) for name, pair in measured.items()}
    committed: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    if UPDATE:  # only this database's section (search runs other SQL on each vendor)
        committed[connection.vendor] = counts
        BASELINE.write_text(json.dumps(committed, indent=2, sort_keys=True) + "\n", "utf-8")
    baseline = committed[connection.vendor]
    assert baseline.keys() == counts.keys(), "regenerate tests/query_counts.json"
    over = {
        name: (counts[name], baseline[name]) for name in counts if counts[name] > baseline[name]
    }
    assert not over, f"more queries than the baseline (now, committed): {over}"
