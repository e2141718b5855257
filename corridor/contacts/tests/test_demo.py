"""The contacts demo on a small corridor: fictional people, touches, two people recorded
twice, all through the services and marked fictional; a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import _person
from corridor.calls.tests.helpers import facility
from corridor.contacts import demo, merging
from corridor.contacts.models import Contact, Touch
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord, Role
from corridor.core.scoping import system_scope

TODAY = dt.date(2026, 11, 2)


def test_the_demo_adds_fictional_people_touches_and_two_duplicates(world: Any) -> None:
    with system_scope("test"), change_context(source="tests"):
        _person("edo.windsor", world.org_a, Role.EDITOR)
        _person("edo.oshawa", world.org_b, Role.EDITOR)
        for n in range(6):
            facility(f"Demo Windsor Supplier {n}", world.windsor, is_fictional=True)
            facility(f"Demo Oshawa Supplier {n}", world.oshawa, is_fictional=True)
        facility("Real Assembly Plant", world.windsor)  # never given fictional people
    messages: list[str] = []
    summary = demo.build_demo(messages.append, today=TODAY)
    assert summary.people >= 10 and summary.touches == 28 and summary.duplicates == 2
    assert "fictional people" in messages[-1]
    with system_scope("test"):
        people = list(Contact.objects.select_related("facility"))
        assert len(people) == summary.people
        for p in people:
            assert p.is_fictional and p.facility is not None and p.facility.is_fictional
            assert not p.phone or "-555-01" in p.phone
            assert p.email.endswith("@example.com")
        touches = Touch.objects.all()
        assert touches.count() == 28
        assert all(TODAY - dt.timedelta(days=120) <= t.happened_on <= TODAY for t in touches)
        assert {
            t.recorded_by.username for t in touches.select_related("recorded_by") if t.recorded_by
        } == {
            "edo.windsor",
            "edo.oshawa",
        }
        assert ChangeRecord.objects.filter(source="demo", content_type__model="contact").exists()
    pairs = merging.find_duplicates(world.carol)
    assert len(pairs) >= 2 and all(p.across_organisations for p in pairs[:2])
    again = demo.build_demo(messages.append, today=TODAY)
    assert again.skipped
    with system_scope("test"):
        assert Contact.objects.count() == summary.people
