"""The flag board and the follow-ups list read the API's filters (``calls/filtersets.py``):
the page, its export and the API list give the same rows for the same question, and the
links made before (``whose=``, ``status=all``, ``overdue=1``) still work."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import client_for
from corridor.core.models import ApiToken
from tests.export_files import csv_rows
from tests.matrix_calls import build_calls


@pytest.fixture
def w(world: Any) -> Any:
    build_calls(world)
    return world


def _api(user: Any, path: str) -> set[int]:
    _, token = ApiToken.issue(user)
    joiner = "&" if "?" in path else "?"
    body = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get(f"{path}{joiner}page_size=100").json()
    return {item["id"] for item in body["items"]}


def _board(user: Any, query: str) -> set[int]:
    response = client_for(user).get(f"/calls/flags/{query}")
    assert response.status_code == 200
    return {row.flag.pk for _, _, rows, _ in response.context["groups"] for row in rows}


def _follow_ups(user: Any, query: str) -> set[int]:
    rows = csv_rows(client_for(user).get(f"/calls/follow-ups/{query}&format=csv"))
    at = rows[0].index("follow_up_id")
    return {int(r[at]) for r in rows[1:]}


def test_the_flag_board_and_the_api_agree(w: Any) -> None:
    carol = w.carol
    everything = _api(carol, "/api/v1/flags")
    assert {w.flag_a.pk, w.flag_b.pk} <= everything
    assert _board(carol, "?status=all") == everything
    assert _board(carol, "") == _api(carol, "/api/v1/flags?status=open")
    place = f"municipality={w.oshawa.pk}"
    assert _board(carol, f"?status=all&{place}") == _api(carol, f"/api/v1/flags?{place}")
    assert w.flag_b.pk in _api(carol, f"/api/v1/flags?{place}")
    assert w.flag_a.pk not in _api(carol, f"/api/v1/flags?{place}")
    # a mistyped link shows the open flags, as before
    assert _board(carol, "?status=nonsense") == _board(carol, "")


def test_the_follow_ups_list_its_export_and_the_api_agree(w: Any) -> None:
    alice = w.alice
    assert _follow_ups(alice, "?whose=all&status=all") == _api(alice, "/api/v1/follow-ups")
    assert _follow_ups(alice, f"?whose={w.org_a.pk}&status=all") == _api(
        alice, f"/api/v1/follow-ups?owner_organisation={w.org_a.pk}"
    )
    # the new names are the old ones' aliases
    assert _follow_ups(alice, f"?owner_organisation={w.org_a.pk}&status=all") == _follow_ups(
        alice, f"?whose={w.org_a.pk}&status=all"
    )
    mine = _api(alice, "/api/v1/follow-ups?mine=true&status=open")
    assert w.follow_up_a.pk in mine
    assert _follow_ups(alice, "?") == mine == _follow_ups(alice, "?whose=mine")
    assert _follow_ups(alice, "?mine=true") == mine
    overdue = _api(alice, "/api/v1/follow-ups?overdue=true")
    assert _follow_ups(alice, "?whose=all&status=all&overdue=1") == overdue


def test_the_mine_filter_is_the_readers(w: Any) -> None:
    assert w.follow_up_a.pk in _api(w.alice, "/api/v1/follow-ups?mine=true")
    assert w.follow_up_a.pk not in _api(w.bob, "/api/v1/follow-ups?mine=true")
    assert w.follow_up_a.pk in _api(w.bob, "/api/v1/follow-ups?mine=false")
