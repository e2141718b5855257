"""The needs list, its export and ``GET /api/v1/supply-needs`` read one filter
(``supplychain/filtersets.NeedFilter``): the same needs for the same question, the active
ones (open or introduced) unless asked, and the page's older links still work."""

from __future__ import annotations

from typing import Any

from django.test import Client

from conftest import client_for
from corridor.core.models import ApiToken
from corridor.supplychain import needs
from corridor.supplychain.models import NeedStatus
from corridor.supplychain.tests.test_views import region  # noqa: F401  (the fixture)
from tests.export_files import csv_rows


def _api(user: Any, query: str = "") -> set[int]:
    _, token = ApiToken.issue(user)
    path = f"/api/v1/supply-needs?page_size=100{'&' + query if query else ''}"
    body = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get(path).json()
    return {item["id"] for item in body["items"]}


def _page(user: Any, query: str = "") -> set[int]:
    rows = csv_rows(client_for(user).get(f"/supply-chain/needs/?format=csv&{query}"))
    at = rows[0].index("need_id")
    return {int(r[at]) for r in rows[1:]}


def test_page_export_and_api_agree_and_show_the_active_needs_unless_asked(
    region: Any,  # noqa: F811
) -> None:
    w = region
    needs.set_status(w.bob, w.mega, NeedStatus.DROPPED)
    active = {w.enclosure.pk, w.casting.pk}
    assert _api(w.bob) == _page(w.bob) == active
    assert _api(w.bob, "status=all") == _page(w.bob, "status=all") == active | {w.mega.pk}
    assert _api(w.bob, "status=dropped") == _page(w.bob, "status=dropped") == {w.mega.pk}
    # a mistyped status on the page shows the active needs, as before
    assert _page(w.bob, "status=nonsense") == active


def test_the_page_s_whose_mine_is_the_filter_s_mine(region: Any) -> None:  # noqa: F811
    w = region
    assert _page(w.bob, "whose=mine") == _page(w.bob, "mine=true") == {w.mega.pk}
    assert _api(w.bob, "mine=true") == {w.mega.pk}
    assert _api(w.alice, "mine=true") == {w.enclosure.pk, w.casting.pk}


def test_the_words_and_the_buyer_filters_are_the_same_everywhere(region: Any) -> None:  # noqa: F811
    w = region
    assert _api(w.alice, "q=casting") == _page(w.alice, "q=casting") == {w.casting.pk}
    buyer = f"buyer={w.buyer.pk}"
    assert _api(w.alice, buyer) == _page(w.alice, buyer) == {w.enclosure.pk, w.casting.pk}
    assert _api(w.bob, buyer) == _page(w.bob, buyer) == set()
