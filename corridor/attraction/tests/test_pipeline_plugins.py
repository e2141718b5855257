"""The pipeline on the calendar, on a company's timeline, and in notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from corridor.attraction import notices_pipeline, services
from corridor.attraction.models import Stage
from corridor.attraction.tests.test_pipeline_services import TODAY, prospect
from corridor.core import calendar_entries, timeline
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.notifications.models import Notification


def _entries(user: Any) -> list[Any]:
    week = (TODAY, TODAY + dt.timedelta(days=14))
    return [e for e in calendar_entries.entries_between(user, *week) if e.kind == "prospect-step"]


def test_next_steps_are_on_the_calendar_without_the_words_for_others(world: Any) -> None:
    p = prospect(world.alice, shared=True)
    prospect(world.alice, name="Private Casting")
    [mine, _] = sorted(_entries(world.alice), key=lambda e: e.title)
    assert mine.title.startswith("Send the site list: ") and mine.start == p.next_step_due
    assert mine.user_ids == (world.alice.pk,) and mine.organisation_ids == (world.org_a.pk,)
    [theirs] = _entries(world.bob)
    assert theirs.title == "Next step: Example Die Casting (Windsor Economic Development)"
    assert _entries(world.dave) == []
    services.move_stage(world.alice, p, Stage.LOST, outcome_reason="costs")
    assert _entries(world.bob) == []  # a decided prospect has no next step


def test_stage_changes_are_on_the_companys_timeline(world: Any) -> None:
    from corridor.calls.tests.helpers import facility

    with system_scope("test"), change_context(source="tests"):
        plant = facility("Example Stamping", world.windsor)
    p = prospect(world.alice, kind="expansion", facility=plant, shared=True)
    services.move_stage(world.alice, p, Stage.CONTACTED, note="Met the plant manager")
    query = timeline.TimelineQuery(facility_ids=(plant.pk,), company_id=plant.company_id)
    [source] = [k for k in timeline.kinds() if k.slug == "prospect-stage"]
    alice = sorted(source.source(world.alice, query), key=lambda i: i.title)
    assert [i.title for i in alice] == [
        "Prospect Example Die Casting added (Identified)",
        "Prospect Example Die Casting: Contacted",
    ]
    assert alice[1].detail == "Met the plant manager" and alice[1].confidential
    bob = list(source.source(world.bob, query))
    assert len(bob) == 2 and all(i.detail == "" for i in bob)
    assert list(source.source(world.dave, query)) == []


def _told(user: Any, kind: str) -> list[Notification]:
    with system_scope("test"):
        return list(Notification.objects.filter(recipient=user, kind=kind))


def test_the_lead_officer_is_told_of_a_step_due_once_per_stage(world: Any) -> None:
    prospect(world.alice, next_step_due=TODAY + dt.timedelta(days=1))
    prospect(world.alice, name="Later Casting", next_step_due=TODAY + dt.timedelta(days=5))
    prospect(world.alice, name="Old Casting", next_step_due=TODAY - dt.timedelta(days=30))
    assert notices_pipeline.steps_due(TODAY) == 1
    assert notices_pipeline.steps_due(TODAY) == 0  # told once
    [told] = _told(world.alice, notices_pipeline.STEP_DUE)
    assert told.title == "Next step due tomorrow: Example Die Casting"
    assert told.body == "Send the site list"
    assert notices_pipeline.steps_due(TODAY + dt.timedelta(days=2)) == 1  # now overdue
    morning = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(6, 0)))
    assert "07:00" in notices_pipeline.scan_steps(morning)


def test_participants_are_told_of_a_shared_win_but_not_its_note(world: Any) -> None:
    p = prospect(world.alice, shared=True)
    private = prospect(world.alice, name="Private Casting")
    with change_context(user=world.alice, source="tests"):
        services.move_stage(world.alice, private, Stage.WON, won_jobs=10)
        services.move_stage(world.alice, p, Stage.WON, won_jobs=80, note="Signed at city hall")
    [bob] = _told(world.bob, notices_pipeline.WON)
    assert bob.title == "Won: Example Die Casting, 80 jobs" and "Signed" not in bob.body
    [erin] = _told(world.erin, notices_pipeline.WON)
    assert "Signed at city hall" in erin.body
    assert _told(world.alice, notices_pipeline.WON) == []  # she recorded it
    assert _told(world.dave, notices_pipeline.WON) == []  # partners see no prospect
