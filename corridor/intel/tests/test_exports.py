"""The document list export: the documents the search finds, with their fact counts."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact
from corridor.intel.tests.helpers import add_text
from corridor.intel.tests.test_views import QUEBEC
from tests.export_files import csv_rows


def test_the_document_export_follows_the_search_and_counts_facts(world: Any) -> None:
    ontario = add_text(world.alice)
    quebec = add_text(world.alice, QUEBEC, "quebec.txt")
    client = client_for(world.dave)
    rows = csv_rows(client.get("/intel/", {"q": "welding tecumseh", "format": "csv"}))
    assert [r[0] for r in rows[1:]] == [str(ontario.pk)]
    with system_scope("test"):
        assert int(rows[1][6]) == Fact.objects.filter(document=ontario).count() >= 1
    everything = csv_rows(client.get("/intel/", {"format": "csv"}))
    assert {r[0] for r in everything[1:]} == {str(ontario.pk), str(quebec.pk)}
    assert (
        'href="?q=batter&amp;format=csv"' in client.get("/intel/", {"q": "batter"}).content.decode()
    )
