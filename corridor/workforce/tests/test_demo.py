"""The skills-map demo: marked figures, real colleges, and a gap table with contrasts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import demo as calls_demo
from corridor.core import demo as core_demo
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry import demo as registry_demo
from corridor.workforce import demo
from corridor.workforce.gap_report import collect
from corridor.workforce.gaps import gap_table
from corridor.workforce.models import Demand, DemandKind, Institution, TrainingProgram

TODAY = dt.date(2026, 11, 2)


def test_the_demo_shows_shortages_and_surpluses_with_marked_figures(
    db: Any, settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(registry_demo, "SUPPLIER_ROWS", 150)
    messages: list[str] = []
    with system_scope("test"), change_context(source="command:demo"):
        core_demo.build_demo()
        registry_demo.build_demo()
        calls_demo.build_demo(calls=30, today=TODAY)
        summary = demo.build_demo(messages.append, today=TODAY)
    assert not summary.skipped
    assert "pairs short of people" in messages[-1]
    with system_scope("test"):
        assert Demand.objects.filter(kind=DemandKind.CALL).exists()  # from the demo calls
        postings = Demand.objects.filter(kind=DemandKind.POSTINGS)
        assert set(postings.values_list("source", flat=True)) == {demo.SOURCE}
        assert set(TrainingProgram.objects.values_list("source", flat=True)) == {demo.SOURCE}
        conestoga = Institution.objects.get(name="Conestoga College")
        assert conestoga.organisation is not None  # the partner keeps its programs
        table = gap_table(collect(TODAY))
        by_name = {(g.occupation_id, g.region_id): g for g in table}
        assert sum(1 for g in table if g.index >= 2) >= 5
        assert sum(1 for g in table if g.index < 0.5) >= 5
        windsor_welders = next(
            g
            for key, g in by_name.items()
            if g.region_id == _region("3570") and g.occupation_id == _occupation("72106")
        )
        toronto_assemblers = next(
            g
            for g in table
            if g.region_id == _region("3530") and g.occupation_id == _occupation("94200")
        )
        assert windsor_welders.index > 2 > 0.5 > toronto_assemblers.index
        count = postings.count()
    with system_scope("test"), change_context(source="command:demo"):
        assert demo.build_demo(today=TODAY).skipped
    with system_scope("test"):
        assert Demand.objects.filter(kind=DemandKind.POSTINGS).count() == count


def _region(code: str) -> int:
    from corridor.workforce.models import Region

    return int(Region.objects.get(code=code).pk)


def _occupation(code: str) -> int:
    from corridor.workforce.models import Occupation

    return int(Occupation.objects.get(noc_code=code).pk)
