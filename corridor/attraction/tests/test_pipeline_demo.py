"""The pipeline's demo on a small corridor: the Windsor battery-enclosure gap becomes a
won prospect with its dated moves; other prospects across stages; a second run adds
nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import _person
from corridor.attraction import demo
from corridor.attraction.models import Prospect, StageChange
from corridor.calls.tests.helpers import facility
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord, Role
from corridor.core.scoping import system_scope

TODAY = dt.date(2026, 11, 2)


def test_the_demo_tells_the_battery_enclosure_story(world: Any) -> None:
    with system_scope("test"), change_context(source="tests"):
        _person("edo.windsor", world.org_a, Role.EDITOR)
        _person("edo.oshawa", world.org_b, Role.EDITOR)
        _person("coordinator", world.office, Role.COORDINATOR)
        facility("Demo Oshawa Stamping", world.oshawa, is_fictional=True)
    said: list[str] = []
    made = demo.build_demo_pipeline(said.append, today=TODAY)
    assert made == 4  # London's and Brampton's officers and the demo announcements are absent
    assert said[-1] == "Attraction: 4 fictional prospects in the pipeline"
    with system_scope("test"):
        story = Prospect.objects.select_related("organisation", "capability").get(
            name__startswith="Keystone Die Casting"
        )
        assert story.is_fictional and story.organisation == world.org_a
        assert story.capability is not None and story.capability.key == "battery-enclosure"
        assert (story.source, story.competitors) == ("gap", ["Michigan", "Tennessee"])
        assert (story.stage, story.won_jobs, story.won_investment) == ("won", 190, 78_000_000)
        assert story.decided_on == TODAY - dt.timedelta(days=12)
        moves = list(StageChange.objects.filter(prospect=story).order_by("changed_on"))
        assert [m.to_stage for m in moves] == [
            "identified", "contacted", "visit", "proposal", "decision", "won",
        ]  # fmt: skip
        assert [m.changed_on for m in moves] == sorted(m.changed_on for m in moves)
        assert moves[0].changed_on == TODAY - dt.timedelta(days=210)
        expansion = Prospect.objects.get(kind="expansion")
        assert expansion.facility is not None and expansion.facility.name == "Demo Oshawa Stamping"
        assert expansion.organisation == world.org_b and expansion.stage == "proposal"
        office = Prospect.objects.get(organisation=world.office)
        assert office.shared and office.stage == "contacted"
        assert all(p.is_fictional for p in Prospect.objects.all())
        assert ChangeRecord.objects.filter(source="demo", content_type__model="prospect").exists()
    again: list[str] = []
    assert demo.build_demo_pipeline(again.append, today=TODAY) == 0
    with system_scope("test"):
        assert Prospect.objects.count() == 4
