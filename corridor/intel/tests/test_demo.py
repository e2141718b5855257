"""The intelligence demo: the seeds and the demo announcements, once."""

from __future__ import annotations

from typing import Any

from corridor.core.scoping import system_scope
from corridor.intel.demo import build_demo
from corridor.intel.models import Document, Fact, FactStatus


def test_the_demo_ingests_the_seeds_and_marks_its_announcements(world: Any) -> None:
    said: list[str] = []
    build_demo(said.append)
    build_demo(said.append)
    with system_scope("test"):
        seeds = Document.objects.filter(is_demo=False)
        assert seeds.count() == 3
        assert Document.objects.filter(is_demo=True).count() >= 10
        quebec = Fact.objects.get(amount_cad=516_100_000)
        assert (quebec.kind, str(quebec.jurisdiction)) == ("policy", "Quebec")
        assert "Automotive Policy Research Centre" in quebec.document.source
        assert Fact.objects.filter(document__is_demo=True, amount_cad=19_100_000_000).count() == 0
        assert Fact.objects.filter(status=FactStatus.CONFIRMED).count() == 0  # no coordinator here
    documents_said = [line for line in said if "documents added" in line]
    assert documents_said[1].startswith("Intelligence: 0 documents added")
    assert said[-1].startswith("Intelligence: 2 watched sources (demo), 0 documents read")
