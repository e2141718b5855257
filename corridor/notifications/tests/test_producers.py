"""Each producer: who is told of what, in words they may read, never the person acting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from corridor.calls import follow_ups, notices, planning
from corridor.calls.tests.helpers import facility
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import notices as intel_notices
from corridor.notifications import jobs
from corridor.notifications.tests.helpers import texts, told
from corridor.programs import notices as program_notices
from corridor.programs.referrals import record_referral
from corridor.programs.tests.helpers import program
from tests.matrix_calls import DAY, build_calls


@pytest.fixture
def calls(world: Any, settings: Any) -> Any:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORRIDOR_REMINDER_DAYS = 3
    build_calls(world)
    return world


def test_a_red_flag_tells_the_municipality_it_is_in_but_not_who_raised_it(calls: Any) -> None:
    with change_context(user=calls.bob, source="tests"):
        flag = follow_ups.raise_flag(
            calls.bob, facility=calls.windsor_plant, organisation=calls.org_b,
            severity="red", category="relocation_closure", detail="Moving to Ohio, MARK-1",
        )  # fmt: skip
    for person in (calls.alice, calls.erin):  # Windsor's editor and its mayor
        [note] = [n for n in told(person, notices.RED_FLAG) if n.subject_id == flag.pk]
        assert note.title.startswith("Red flag at Matrix Mouldings: Relocation or closure risk")
        assert "MARK-1" not in note.title + note.body
    assert [n for n in told(calls.bob, notices.RED_FLAG) if n.subject_id == flag.pk] == []
    assert told(calls.dave, notices.RED_FLAG) == []  # partners see no flags
    # a yellow flag tells nobody
    with change_context(user=calls.bob, source="tests"):
        follow_ups.raise_flag(
            calls.bob, facility=calls.windsor_plant, organisation=calls.org_b,
            severity="yellow", category="expansion", detail="Growing",
        )  # fmt: skip
    assert len(told(calls.alice, notices.RED_FLAG)) == 2  # flag_a's (fixtures) and this one


def test_the_raising_municipality_reads_the_detail(calls: Any) -> None:
    # flag_a: Windsor's own red flag, raised while the fixtures acted as carol
    [note] = [n for n in told(calls.erin, notices.RED_FLAG) if n.subject_id == calls.flag_a.pk]
    assert "Considering relocating operations." in note.body


def test_a_lead_conflict_waits_for_the_coordinator_and_the_lead(calls: Any) -> None:
    plant = facility("Conflict Plant", calls.windsor)
    with change_context(user=calls.bob, source="tests"):
        call = planning.plan_call(calls.bob, plant, calls.org_b, DAY)
    assert call.approval == "pending"
    for person in (calls.carol, calls.alice):  # the coordinator; Windsor leads the plant
        [note] = [n for n in told(person, notices.CONFLICT) if n.subject_id == call.pk]
        assert "Waiting for your approval" in note.title and note.url == f"/calls/{call.pk}/"
    for person in (calls.bob, calls.erin, calls.dave):  # the planner, a viewer, a partner
        assert [n for n in told(person, notices.CONFLICT) if n.subject_id == call.pk] == []


def test_being_put_on_a_call_or_given_a_follow_up(calls: Any) -> None:
    plant = facility("Assigned Plant", calls.windsor)
    with change_context(user=calls.alice, source="tests"):
        call = planning.plan_call(
            calls.alice, plant, calls.org_a, DAY, purpose="Talk about PURPOSE-9",
            participants=[calls.alice, calls.erin, calls.carol],
        )  # fmt: skip
        owned = follow_ups.add_follow_up(
            calls.alice, facility=plant, call=call, owner_organisation=calls.org_a,
            owner=calls.erin, due_on=DAY, category="information", description="Send DESC-4",
        )  # fmt: skip
    [on_call] = [n for n in told(calls.erin, notices.ASSIGNED) if n.subject_id == call.pk]
    assert "You are on Windsor Economic Development's call on Assigned Plant" in on_call.title
    assert "PURPOSE-9" in on_call.body  # Windsor's own call: she may read its purpose
    assert any(n.subject_id == call.pk for n in told(calls.carol, notices.ASSIGNED))
    assert [n for n in told(calls.alice, notices.ASSIGNED) if n.subject_id == call.pk] == []
    [given] = [n for n in told(calls.erin, notices.ASSIGNED) if n.subject_id == owned.pk]
    assert given.title.startswith("A follow-up is yours: Assigned Plant")
    assert "DESC-4" in given.body


def test_another_municipalitys_call_purpose_is_not_told(calls: Any) -> None:
    plant = facility("Oshawa Plant", calls.oshawa)
    with change_context(user=calls.bob, source="tests"):
        call = planning.plan_call(
            calls.bob, plant, calls.org_b, DAY, purpose="PURPOSE-SECRET", participants=[calls.erin]
        )
    [note] = [n for n in told(calls.erin, notices.ASSIGNED) if n.subject_id == call.pk]
    assert "PURPOSE-SECRET" not in note.title + note.body


def test_a_referral_on_a_follow_up_tells_the_partner(calls: Any) -> None:
    # referral_a: Windsor refers the company to APMA (in the fixtures)
    [note] = told(calls.dave, notices.REFERRED)
    assert note.title == "Matrix Mouldings was referred to APMA (follow up by 2026-10-19)"
    assert "Introduce to APMA's workforce committee" in note.body  # the partner may read it


def test_a_program_referral_tells_the_delivering_partner(calls: Any) -> None:
    parts = program("notify", delivered_by=calls.apma)
    with change_context(user=calls.alice, source="tests"):
        referral = record_referral(
            calls.alice, facility=calls.windsor_plant, program=parts, organisation=calls.org_a,
            referred_on=DAY, notes="Ask for Sam, NOTES-3",
        )  # fmt: skip
    [note] = told(calls.dave, program_notices.REFERRAL)
    assert note.title == (
        "New referral: Matrix Mouldings to Parts Program notify, from Windsor Economic Development"
    )
    assert note.body == "Ask for Sam, NOTES-3" and note.url == f"/programs/referrals/{referral.pk}/"
    assert told(calls.bob, program_notices.REFERRAL) == []


def test_news_about_a_company_we_called_on(calls: Any) -> None:
    from corridor.intel.tests.helpers import add_text

    text = (
        "Matrix Mouldings expands in Windsor\nMarch 4, 2026\n\n"
        "The Ontario government is investing $3.5 million in Matrix Mouldings Inc. through the "
        "Southwestern Ontario Development Fund. The project will create 45 new jobs."
    )
    add_text(calls.carol, text, name="matrix.txt", title="Matrix Mouldings expands in Windsor")
    # Windsor (call_a) and Oshawa (call_b) both completed calls on the company's plants
    for person in (calls.alice, calls.erin, calls.bob):
        [note] = told(person, intel_notices.ANNOUNCEMENT)
        assert "Matrix Mouldings, a company you called on, is in the news" in note.title
        assert "$3,500,000" in note.body
    assert told(calls.dave, intel_notices.ANNOUNCEMENT) == []  # APMA called on nobody


def test_the_morning_scan_reminds_of_follow_ups_and_flag_deadlines(calls: Any) -> None:
    soon = DAY + dt.timedelta(days=12)
    night = timezone.make_aware(dt.datetime.combine(soon, dt.time(3, 0)))
    assert notices.scan_deadlines(night) == "deadlines are looked at from 07:00"
    assert told(calls.alice, notices.FOLLOW_UP_DUE) == []
    morning = night.replace(hour=7, minute=15)
    jobs.every_quarter_hour(morning)
    assert len(told(calls.alice, notices.FOLLOW_UP_DUE)) == 2
    reminders = [m for m in mail.outbox if "follow-ups due" in m.subject]
    assert len(reminders) == 1  # one reminder message, the follow-ups not mailed again
    # flag_b (Oshawa's yellow flag, no follow-up) is due within 3 days of DAY + 28
    later = timezone.make_aware(dt.datetime.combine(DAY + dt.timedelta(days=28), dt.time(8)))
    notices.scan_deadlines(later)
    [due] = told(calls.bob, notices.FLAG_DUE)
    assert due.title.startswith("Flag response due") and "Expansion opportunity" in due.title
    notices.scan_deadlines(later + dt.timedelta(minutes=15))
    assert len(told(calls.bob, notices.FLAG_DUE)) == 1  # once per stage
    assert "Opportunity" in texts(calls.bob)
    # the day after its deadline it is overdue (told once more); weeks later, not again
    overdue = later + dt.timedelta(days=3)
    notices.scan_deadlines(overdue)
    assert told(calls.bob, notices.FLAG_DUE)[0].title.startswith("Flag response overdue by 1 day")
    notices.scan_deadlines(overdue + dt.timedelta(days=21))
    assert len(told(calls.bob, notices.FLAG_DUE)) == 2


def test_nothing_is_told_to_the_person_who_acts(calls: Any) -> None:
    plant = facility("Own Plant", calls.windsor)
    with change_context(user=calls.alice, source="tests"), system_scope("test"):
        before = len(told(calls.alice))
        follow_ups.raise_flag(
            calls.alice, facility=plant, organisation=calls.org_a, severity="red",
            category="downsizing", detail="Own flag",
        )  # fmt: skip
    assert len(told(calls.alice)) == before
    assert any("Own Plant" in n.title for n in told(calls.erin, notices.RED_FLAG))
