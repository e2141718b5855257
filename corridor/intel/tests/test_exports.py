"""The document list export: the documents the search finds, with their fact counts."""

from __future__ import annotations

import csv
import io
from typing import Any

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact
from corridor.intel.tests.helpers import add_text
from corridor.intel.tests.test_views import QUEBEC


def _csv(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))


def test_the_document_export_follows_the_search_and_counts_facts(world: Any) -> None:
    ontario = add_text(world.alice)
    quebec = add_text(world.alice, QUEBEC, "quebec.txt")
    client = client_for(world.dave)
    rows = _csv(client.get("/intel/", {"q": "welding tecumseh", "format": "csv"}))
    assert [r[0] for r in rows[1:]] == [str(ontario.pk)]
    with system_scope("test"):
        assert int(rows[1][6]) == Fact.objects.filter(document=ontario).count() >= 1
    everything = _csv(client.get("/intel/", {"format": "csv"}))
    assert {r[0] for r in everything[1:]} == {str(ontario.pk), str(quebec.pk)}
    assert (
        'href="?q=batter&amp;format=csv"' in client.get("/intel/", {"q": "batter"}).content.decode()
    )
