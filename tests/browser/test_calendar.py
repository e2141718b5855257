"""The calendar in a real browser: month, week and agenda by keyboard, on a phone, the
subscription page, and the feed read without a session; every page checked with axe."""

from __future__ import annotations

import datetime as dt
import urllib.request
from typing import Any

import icalendar
import pytest

from conftest import PASSWORD
from corridor.calls.follow_ups import add_follow_up
from corridor.calls.tests.helpers import facility, planned
from corridor.core.history import change_context
from corridor.outreach import services as outreach
from corridor.outreach.models import EngagementKind
from tests.browser.conftest import check_accessibility, sign_in


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    w.soon = dt.date.today() + dt.timedelta(days=2)
    w.plant = facility("Riverside Castings", w.windsor)
    with change_context(user=w.alice, source="tests"):
        w.call = planned(w.alice, w.plant, w.org_a, w.soon, starts_at=dt.time(10, 0),
                         participants=[w.alice], purpose="Expansion plans")  # fmt: skip
        add_follow_up(
            w.alice, facility=w.plant, owner_organisation=w.org_a, call=w.call,
            category="information", due_on=w.soon + dt.timedelta(days=1), owner=w.alice,
        )  # fmt: skip
    with change_context(user=w.carol, source="tests"):
        outreach.create_engagement(
            w.carol, organisation=w.office, kind=EngagementKind.EVENT,
            title="Auto Mayors Day at Queen's Park", starts_on=w.soon + dt.timedelta(days=3),
            shared=True, location="Queen's Park, Toronto",
        )  # fmt: skip
    return w


def _tab_to_entry(page: Any, most: int = 80) -> str:
    """Press Tab until a calendar entry has the focus; its text."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('calendar-entry')"):
            return str(page.evaluate("() => document.activeElement.textContent"))
    raise AssertionError("no calendar entry is reachable by keyboard")


def test_month_week_and_agenda_by_keyboard(page: Any, scene: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/calendar/?month={scene.soon:%Y-%m}")
    assert page.get_by_role("table").count() == 1
    assert page.locator("caption").inner_text().startswith(f"{scene.soon:%B %Y}")
    check_accessibility(page, "calendar-month")
    assert "Riverside Castings" in _tab_to_entry(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/calls/{scene.call.pk}/")

    page.goto(f"/calendar/?month={scene.soon:%Y-%m}")
    page.get_by_role("link", name="Week", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/calendar/week/**")
    page.goto(f"/calendar/week/?week={scene.soon}")
    assert page.locator(".calendar-day").count() == 7
    check_accessibility(page, "calendar-week")
    assert _tab_to_entry(page)

    page.get_by_role("link", name="Agenda (next 30 days)").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/calendar/agenda/**")
    body = page.locator("main").inner_text()
    # "My organisation" (the first choice): Windsor's work, not the coordinator office's
    assert "Riverside Castings" in body and "Auto Mayors Day" not in body
    page.get_by_label("Everything I may see").check()
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**who=all**")
    body = page.locator("main").inner_text()
    assert "Riverside Castings" in body and "Auto Mayors Day" in body
    check_accessibility(page, "calendar-agenda")

    # "My items only": alice's own call and follow-up, not the coordinator's event
    page.get_by_label("My items only").check()
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url("**who=mine**")
    body = page.locator("main").inner_text()
    assert "Riverside Castings" in body and "Auto Mayors Day" not in body


def test_the_month_on_a_phone_is_a_list(page: Any, scene: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/calendar/?month={scene.soon:%Y-%m}")
    assert not page.locator(".month-grid").is_visible()
    assert page.locator(".month-list").is_visible()
    assert page.locator(".month-list .calendar-entry").first.is_visible()
    check_accessibility(page, "calendar-month-phone")
    page.goto("/calendar/agenda/")
    check_accessibility(page, "calendar-agenda-phone")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390


def test_subscribing_and_a_new_address(page: Any, scene: Any, live_server: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto("/calendar/subscribe/")
    check_accessibility(page, "calendar-subscribe")
    page.get_by_role("button", name="Make my calendar address").click()
    address = page.get_by_role("textbox", name="Calendar address").input_value()
    assert address.endswith(".ics")
    check_accessibility(page, "calendar-subscribe-address")
    with urllib.request.urlopen(address) as answer:  # no session, no cookie
        assert answer.headers["Content-Type"].startswith("text/calendar")
        cal = icalendar.Calendar.from_ical(answer.read())
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert any(s.startswith("Call: Riverside Castings") for s in summaries)
    page.get_by_role("button", name="Make a new address (the old one stops working)").click()
    assert page.get_by_role("textbox", name="Calendar address").input_value() != address
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address)
    assert refused.value.code == 404
    page.goto("/calendar/subscribe/")
    assert page.get_by_role("textbox", name="Calendar address").count() == 0  # shown once only
