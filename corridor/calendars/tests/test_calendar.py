"""The calendar: its sources, the month, week and agenda pages, and the iCalendar feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import icalendar
import pytest
from django.test import Client

from conftest import World, client_for
from corridor.calendars import feeds, schedule
from corridor.calendars.models import CalendarFeed, FeedScope
from corridor.calls.follow_ups import add_follow_up
from corridor.calls.tests.helpers import facility, planned
from corridor.core import calendar_entries
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.outreach import services as outreach
from corridor.outreach.models import EngagementKind, Tour

DAY = dt.date(2026, 10, 14)  # a Wednesday
SECRET = "FOLLOW-UP-TEXT-BOB-8841"  # bob's follow-up's description: Oshawa and the coordinator
PURPOSE = "PURPOSE-ALICE-2208"  # alice's call's purpose: Windsor and the coordinator
PRIVATE = "PRIVATE-MEETING-BOB-6610"  # bob's engagement not shared with partners


@dataclass
class Plans:
    call: Any
    follow_up: Any
    bob_follow_up: Any


@pytest.fixture
def plans(world: World) -> Plans:
    w = world
    windsor_plant = facility("Calendar Castings, Windsor", w.windsor)
    oshawa_plant = facility("Calendar Mouldings; Oshawa", w.oshawa)
    with change_context(user=w.alice, source="tests"):
        call = planned(
            w.alice, windsor_plant, w.org_a, DAY, starts_at=dt.time(9, 30), purpose=PURPOSE,
            participants=[w.alice],
        )  # fmt: skip
        follow_up = add_follow_up(
            w.alice, facility=windsor_plant, owner_organisation=w.org_a, call=call,
            category="information", due_on=DAY + dt.timedelta(days=2), owner=w.alice,
        )  # fmt: skip
    with change_context(user=w.bob, source="tests"):
        bob_call = planned(w.bob, oshawa_plant, w.org_b, DAY + dt.timedelta(days=1))
        bob_follow_up = add_follow_up(
            w.bob, facility=oshawa_plant, owner_organisation=w.org_b, call=bob_call,
            category="permits", due_on=DAY + dt.timedelta(days=3), description=SECRET,
            owner=w.bob,
        )  # fmt: skip
        outreach.create_engagement(
            w.bob, organisation=w.org_b, kind=EngagementKind.MPP_MEETING, title=PRIVATE,
            starts_on=DAY + dt.timedelta(days=5), shared=False, location="Queen's Park, Toronto",
        )  # fmt: skip
    with change_context(user=w.carol, source="tests"):
        outreach.create_engagement(
            w.carol, organisation=w.office, kind=EngagementKind.EVENT,
            title="Auto Mayors Day, Queen's Park", starts_on=DAY + dt.timedelta(days=6),
            ends_on=DAY + dt.timedelta(days=7), shared=True,
        )  # fmt: skip
    with system_scope("test fixtures"), change_context(user=w.carol, source="tests"):
        Tour.objects.create(
            name="Detroit head offices", starts_on=DAY + dt.timedelta(days=8),
            ends_on=DAY + dt.timedelta(days=9), organisation=w.office,
        )  # fmt: skip
    return Plans(call, follow_up, bob_follow_up)


def _titles(entries: list[calendar_entries.CalendarEntry]) -> list[str]:
    return [e.title for e in entries]


def test_every_kind_is_registered() -> None:
    slugs = set(calendar_entries.labels())
    assert {"call", "follow_up", "engagement", "tour", "engagement_follow_up"} <= slugs


def test_sources_as_each_role(world: World, plans: Plans) -> None:
    first, last = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=20)
    alice = calendar_entries.entries_between(world.alice, first, last)
    kinds = {e.kind for e in alice}
    assert {"call", "follow_up", "engagement", "tour"} <= kinds
    call = next(e for e in alice if e.uid == f"call-{plans.call.pk}")
    assert isinstance(call.start, dt.datetime) and call.detail == PURPOSE
    assert call.start.hour == 9 and call.start.minute == 30  # local time
    assert world.alice.pk in call.user_ids
    bobs = next(e for e in alice if e.uid == f"follow-up-{plans.bob_follow_up.pk}")
    assert bobs.detail == ""  # the fact of bob's follow-up, not its text
    bob = calendar_entries.entries_between(world.bob, first, last)
    assert next(e for e in bob if e.uid == f"call-{plans.call.pk}").detail == ""
    assert SECRET in [e.detail for e in bob]
    dave = calendar_entries.entries_between(world.dave, first, last)
    assert {e.kind for e in dave} == {"engagement", "tour"}  # shared outreach only
    assert PRIVATE not in " ".join(_titles(dave))
    assert [e.day for e in alice] == sorted(e.day for e in alice)


def test_my_items_and_my_organisation(world: World, plans: Plans) -> None:
    first, last = DAY, DAY + dt.timedelta(days=20)
    mine = schedule.entries(world.alice, first, last, FeedScope.MINE)
    assert {e.uid for e in mine} == {f"call-{plans.call.pk}", f"follow-up-{plans.follow_up.pk}"}
    ours = _titles(schedule.entries(world.alice, first, last, FeedScope.OURS))
    assert not any("Oshawa" in t for t in ours)  # bob's call is Oshawa's
    everything = _titles(schedule.entries(world.alice, first, last, FeedScope.ALL))
    assert any("Oshawa" in t for t in everything)
    carol = schedule.entries(world.carol, first, last, FeedScope.OURS)
    assert len(carol) == len(schedule.entries(world.carol, first, last, FeedScope.ALL))


def _get(world: World, who: str, url: str) -> str:
    response = client_for(world.users()[who]).get(url)
    assert response.status_code == 200, (who, url, response.status_code)
    return response.content.decode()


def test_month_page(world: World, plans: Plans) -> None:
    page = _get(world, "alice", "/calendar/?month=2026-10&who=all")
    assert "<caption>October 2026" in page
    assert page.count('<th scope="col">') == 7
    assert f'href="/calls/{plans.call.pk}/"' in page
    assert PURPOSE in page  # the list of the month (a phone's view) shows the details
    assert "?month=2026-09" in page and "?month=2026-11" in page
    assert 'class="month-list"' in page  # the phone's list of the same month
    assert SECRET not in page
    mine = _get(world, "alice", "/calendar/?month=2026-10&who=mine")
    assert "Oshawa" not in mine.split('class="month-grid')[1]
    odd = _get(world, "alice", "/calendar/?month=nonsense")
    assert "Calendar:" in odd


def test_week_and_agenda_pages(world: World, plans: Plans) -> None:
    week = _get(world, "bob", f"/calendar/week/?week={DAY + dt.timedelta(days=2)}&who=ours")
    assert "week of 12 October 2026" in week
    assert SECRET in week and PURPOSE not in week
    assert "?week=2026-10-05" in week and "?week=2026-10-19" in week
    assert week.count('class="calendar-day') == 7
    agenda = _get(world, "carol", f"/calendar/agenda/?from={DAY}")
    assert "Auto Mayors Day" in agenda and "Detroit head offices" in agenda
    assert PRIVATE in agenda and SECRET in agenda and PURPOSE in agenda
    partner = _get(world, "dave", f"/calendar/agenda/?from={DAY}&who=all")
    assert PRIVATE not in partner and "Auto Mayors Day" in partner


def _subscribe(world: World, who: str, scope: str = "all") -> tuple[Client, str]:
    client = client_for(world.users()[who])
    response = client.post("/calendar/subscribe/new/", {"scope": scope})
    assert response.status_code == 200
    address = response.context["address"]
    assert address.startswith("http://testserver/calendar/feed/") and address.endswith(".ics")
    return client, address.removeprefix("http://testserver")


def test_the_feed_is_valid_icalendar_without_a_session(world: World, plans: Plans) -> None:
    _, path = _subscribe(world, "alice")
    response = Client().get(path)  # no session: the address is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(body)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    call = events[f"call-{plans.call.pk}@testserver"]
    assert str(call["summary"]).startswith("Call: Calendar Castings, Windsor")
    assert call.decoded("dtstart") == dt.datetime(2026, 10, 14, 13, 30, tzinfo=dt.UTC)
    assert PURPOSE in str(call["description"])
    assert "DTSTAMP" in call
    follow_up = events[f"follow-up-{plans.follow_up.pk}@testserver"]
    assert follow_up.decoded("dtstart") == DAY + dt.timedelta(days=2)  # all day
    assert b"DTSTART;VALUE=DATE:20261016" in body
    mayors = next(e for e in events.values() if "Auto Mayors" in str(e["summary"]))
    assert mayors.decoded("dtend") == DAY + dt.timedelta(days=8)  # the day after the last
    oshawa = next(e for e in events.values() if "Mouldings" in str(e["summary"]))
    assert (
        str(oshawa["summary"]) == "Call: Calendar Mouldings; Oshawa (Oshawa Economic Development)"
    )
    assert b"Mouldings\\; Oshawa" in body  # escaped, as RFC 5545 says
    # another municipality's confidential things stay out of alice's feed
    assert SECRET.encode() not in body and f"follow-up-{plans.bob_follow_up.pk}@" in str(events)
    assert PRIVATE.encode() in body  # participants see every engagement (not confidential)


def test_the_feed_shows_what_its_user_may_see(world: World, plans: Plans) -> None:
    _, path = _subscribe(world, "dave")
    body = Client().get(path).content
    assert PRIVATE.encode() not in body and b"Auto Mayors" in body
    assert b"Calendar Castings" not in body  # partners see no calls
    _, bobs = _subscribe(world, "bob")
    assert SECRET.encode() in Client().get(bobs).content
    _, mine = _subscribe(world, "alice", "mine")
    cal = icalendar.Calendar.from_ical(Client().get(mine).content)
    assert {str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT")} == {
        f"call-{plans.call.pk}",
        f"follow-up-{plans.follow_up.pk}",
    }


def test_a_new_address_retires_the_old_one(world: World, plans: Plans) -> None:
    client, old = _subscribe(world, "alice")
    assert Client().get(old).status_code == 200
    _, new = _subscribe(world, "alice")
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    with system_scope("test"):
        feed = CalendarFeed.objects.get(user=world.alice)
        assert feed.token_digest == feeds.digest(new.split("/")[-1].removesuffix(".ics"))
        assert new.split("/")[-1].removesuffix(".ics") not in str(feed.__dict__)
    page = client.get("/calendar/subscribe/").content.decode()
    assert new not in page  # shown once only
    assert client.post("/calendar/subscribe/stop/").status_code == 302
    assert Client().get(new).status_code == 404
    assert Client().get("/calendar/feed/not-a-token.ics").status_code == 404


def test_a_deactivated_users_feed_stops(world: World, plans: Plans) -> None:
    _, path = _subscribe(world, "erin")
    world.erin.is_active = False
    world.erin.save()
    assert Client().get(path).status_code == 404


def test_the_pages_need_a_sign_in(world: World) -> None:
    for url in ("/calendar/", "/calendar/week/", "/calendar/agenda/", "/calendar/subscribe/"):
        assert Client().get(url).status_code == 302
    assert Client().post("/calendar/subscribe/new/").status_code == 302
