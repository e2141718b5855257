"""The activity timeline on a facility's page in a real browser: filtered with htmx and
without JavaScript, "show more", on a phone; checked with axe."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.calls.follow_ups import add_follow_up, raise_flag
from corridor.calls.tests.helpers import facility, planned
from corridor.core.history import change_context
from tests.browser.conftest import check_accessibility, sign_in


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    w.plant = facility("Harbour Stamping", w.windsor, employees=250)
    day = dt.date(2026, 9, 14)
    with change_context(user=w.alice, source="tests"):
        w.call = planned(w.alice, w.plant, w.org_a, day, purpose="Retention visit")
        for n in range(30):
            add_follow_up(
                w.alice, facility=w.plant, owner_organisation=w.org_a, call=w.call,
                category="information", due_on=day + dt.timedelta(days=n),
                description=f"Send brochure {n}",
            )  # fmt: skip
        raise_flag(
            w.alice, facility=w.plant, organisation=w.org_a, severity="red",
            category="relocation_closure", detail="Considering a move to Ohio",
        )  # fmt: skip
    return w


def _items(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".timeline-item .timeline-kind").all_inner_texts()]


def test_filtering_the_activity_with_htmx(page: Any, scene: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/registry/facilities/{scene.plant.pk}/")
    section = page.get_by_role("region", name="Activity")
    assert section.locator(".timeline-item").count() == 25  # a page, then "show more"
    check_accessibility(page, "timeline-facility")
    section.get_by_role("link", name="Show more activity").click()
    page.wait_for_function("() => document.querySelectorAll('.timeline-item').length > 25")
    section.get_by_role("checkbox", name="Flags").check()
    section.get_by_role("checkbox", name="Calls").check()
    section.get_by_role("button", name="Show activity").click()
    page.wait_for_url("**kind=flag**")
    page.wait_for_function("() => document.querySelectorAll('.timeline-item').length === 2")
    assert sorted(_items(page)) == ["Calls", "Flags"]
    assert "Considering a move to Ohio" in section.inner_text()
    section.get_by_label("From").fill("2026-10-01")
    section.get_by_role("checkbox", name="Flags").uncheck()
    section.get_by_role("checkbox", name="Calls").uncheck()
    section.get_by_role("checkbox", name="Follow-ups").check()
    section.get_by_role("button", name="Show activity").click()
    page.wait_for_url("**from=2026-10-01**")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.timeline-kind')].every("
        "e => e.textContent.trim() === 'Follow-ups')"
    )
    dates = page.locator(".timeline-item time").all_inner_texts()
    assert dates and all(d >= "2026-10-01" for d in dates)
    assert dates == sorted(dates, reverse=True)  # newest first
    check_accessibility(page, "timeline-facility-filtered")


def test_filtering_without_javascript(browser: Any, live_server: Any, scene: Any) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "alice", PASSWORD)
        page.goto(f"/registry/facilities/{scene.plant.pk}/")
        page.get_by_role("checkbox", name="Calls").check()
        page.get_by_role("button", name="Show activity").click()
        page.wait_for_url("**kind=call**")
        assert _items(page) == ["Calls"]
    finally:
        context.close()


def test_the_activity_on_a_phone(page: Any, scene: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/registry/facilities/{scene.plant.pk}/?kind=flag&kind=call#activity")
    page.get_by_role("region", name="Activity").scroll_into_view_if_needed()
    check_accessibility(page, "timeline-facility-phone")
    page.goto(f"/registry/companies/{scene.plant.company_id}/")
    check_accessibility(page, "timeline-company-phone")
