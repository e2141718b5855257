"""The need and capability exports: the buyer named only to those the page names it to."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.supplychain.tests import test_views
from tests.export_files import csv_rows

region = test_views.region  # the supply-chain pages' fixture: a Windsor buyer, suppliers


def test_the_need_export_names_the_buyer_only_to_the_recording_municipality(region: Any) -> None:
    w = region
    alice = csv_rows(client_for(w.alice).get("/supply-chain/needs/", {"format": "csv"}))
    assert alice[0][:3] == ["need_id", "need", "buyer"]
    assert "Lakeside Seating (Windsor)" in {r[2] for r in alice[1:]}
    bob = client_for(w.bob).get("/supply-chain/needs/", {"format": "csv"})
    text = bob.content.decode()
    assert "Lakeside Seating" not in text and "A facility in Windsor" in text
    assert "Durham Trim" in text  # his own buyer
    by_buyer = csv_rows(
        client_for(w.bob).get("/supply-chain/needs/", {"buyer": w.buyer.pk, "format": "csv"})
    )
    assert by_buyer[1:] == []  # the filter confirms nothing in the file either
    assert client_for(w.dave).get("/supply-chain/needs/", {"format": "csv"}).status_code == 403


def test_the_capability_export_flattens_the_tree_with_tag_counts(region: Any) -> None:
    rows = csv_rows(client_for(region.dave).get("/supply-chain/capabilities/", {"format": "csv"}))
    by_key = {r[0]: r for r in rows[1:]}
    assert int(by_key["stamping"][5]) >= 2  # Windsor Stamping, Tecumseh Stamping
    assert by_key["mega-casting"][3] != ""  # under its parent
    page = client_for(region.dave).get("/supply-chain/capabilities/").content.decode()
    assert 'href="?format=csv"' in page
