"""The outreach demo on the core and a small registry: a Queen's Park day, a tour with a
briefing pack per visit, an agenda with endorsements, the centre and pilots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core import demo as core_demo
from corridor.core.history import change_context
from corridor.core.models import User
from corridor.core.scoping import system_scope
from corridor.outreach import agenda, demo, planner
from corridor.outreach.models import (
    Contact,
    Engagement,
    EngagementKind,
    FleetPilot,
    Partnership,
)
from corridor.registry import demo as registry_demo

TODAY = dt.date(2026, 11, 2)


def test_the_demo_builds_the_outreach_story(
    db: Any, settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(registry_demo, "SUPPLIER_ROWS", 100)
    messages: list[str] = []
    with system_scope("test"), change_context(source="command:demo"):
        core_demo.build_demo()
        registry_demo.build_demo()
        summary = demo.build_demo(messages.append, today=TODAY)
        again = demo.build_demo(messages.append, today=TODAY)
    assert isinstance(summary, demo.OutreachDemoSummary) and not summary.skipped
    assert isinstance(again, demo.OutreachDemoSummary) and again.skipped  # idempotent
    coordinator = User.objects.get(username="coordinator")
    with system_scope("test"):
        assert Engagement.objects.get(title="Auto Mayors Day at Queen's Park").press_items
        visits = list(Engagement.objects.filter(kind=EngagementKind.HEAD_OFFICE_VISIT))
        assert len(visits) == 4
        assert set(Partnership.objects.filter(is_example=True).values_list("name", flat=True)) == {
            "Conestoga College Centre for Smart Manufacturing",
            "Communitech",
        }
        assert not Contact.objects.filter(is_fictional=False).exists()
        assert FleetPilot.objects.filter(vendor__isnull=False).count() == 1
    ford = next(v for v in visits if v.head_office and v.head_office.key == "ford-na")
    pack = planner.briefing_pack(coordinator, ford)
    assert [line.facility.name for line in pack.plants] == ["Ford Oakville Assembly Complex"]
    assert [c.contact.name for c in pack.contacts] == ["Jordan Ellery"]
    common = agenda.common_agenda(coordinator, with_figures=False)
    assert [line.support for line in common.lines] == [11, 10, 6, 5, 3, 3]
    assert summary.endorsements == 38
