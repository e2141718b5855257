"""Acting on calls in a real browser: the coordinator's dashboard, flags, campaigns, leads and
template versions; a partner's overview and referrals; everything by keyboard too."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.calls.models import CallTemplate
from corridor.calls.template_versions import first_version_data
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from tests.browser.conftest import check_accessibility, sign_in
from tests.matrix_calls import build_calls


@pytest.fixture
def calls_world(world: Any) -> Any:
    with system_scope("browser test fixtures"), change_context(source="tests"):
        if not CallTemplate.objects.filter(number=1).exists():  # flushed by a transactional test
            data = first_version_data()
            CallTemplate.objects.create(number=1, title=data["title"], sections=data["sections"])
    build_calls(world)
    with system_scope("browser test fixtures"), change_context(source="tests"):
        # More plants on the map; the second Windsor plant has no completed call.
        for plant, (lat, lon) in (
            (world.windsor_plant_2, (42.28, -82.95)),
            (world.oshawa_plant, (43.90, -78.86)),
        ):
            Facility.objects.filter(pk=plant.pk).update(latitude=lat, longitude=lon)
    return world


def test_the_coordinator_watches_the_program(page: Any, calls_world: Any) -> None:
    w = calls_world
    sign_in(page, "carol", PASSWORD)

    page.goto("/calls/dashboard/")
    page.get_by_role("heading", name="Calling program dashboard").wait_for()
    page.wait_for_selector("#coverage-map[data-ready='3']")
    assert page.locator("#coverage-map").is_visible()
    legend = page.get_by_role("list", name="Map legend")
    # Both plants called on the fixtures' day (Windsor, Oshawa); the second Windsor plant not.
    assert legend.get_by_text("Called in the last 12 months (2)", exact=True).is_visible()
    assert legend.get_by_text("Not called in the last 12 months (1)", exact=True).is_visible()
    assert page.get_by_role("table", name="Open red flags, by days since they were raised")
    # The map's content is also a table, opened by keyboard.
    page.get_by_text("The facilities on the map, as a table").focus()
    page.keyboard.press("Enter")
    page.get_by_role("cell", name="Matrix Mouldings East").wait_for()  # loaded
    assert page.get_by_role("cell", name="Matrix Mouldings East").is_visible()
    check_accessibility(page, "calls-dashboard")

    page.get_by_role("navigation", name="Corporate calls").get_by_role("link", name="Flags").click()
    page.get_by_role("heading", name="Flag board").wait_for()
    assert page.get_by_text("Parent company comparing this plant").is_visible()
    check_accessibility(page, "calls-flag-board")
    page.get_by_role("button", name="Close the flag: Relocation or closure risk").click()
    page.get_by_text("A red flag closes when a follow-up on it is done.").wait_for()  # loaded
    assert page.get_by_text("A red flag closes when a follow-up on it is done.").is_visible()

    page.goto(f"/calls/flags/raise/?facility={w.oshawa_plant.pk}")
    page.get_by_role("heading", name="Raise a flag").wait_for()
    check_accessibility(page, "calls-flag-raise")

    page.goto("/calls/campaigns/")
    check_accessibility(page, "calls-campaign-list")
    page.get_by_role("link", name="Automotive focus").click()
    page.get_by_role("heading", name="Automotive focus").wait_for()
    assert page.get_by_text("2 of 2 called (100%)").first.is_visible()
    check_accessibility(page, "calls-campaign-detail")
    page.get_by_role("link", name="Edit the campaign and its targets").click()
    page.get_by_label("Oshawa", exact=True).check()
    page.get_by_role("button", name="Preview the facilities that match").click()
    page.get_by_text("1 facility matches").wait_for()  # loaded
    assert page.get_by_text("1 facility matches").is_visible()
    check_accessibility(page, "calls-campaign-edit")

    page.goto("/calls/leads/")
    check_accessibility(page, "calls-lead-list")
    page.get_by_role("link", name="Change the lead for Matrix Mouldings Oshawa").click()
    page.get_by_label("Lead municipality").select_option(label="Windsor Economic Development")
    page.get_by_label("Reason").fill("The owners meet Windsor's team")
    check_accessibility(page, "calls-lead-assign")
    page.get_by_role("button", name="Make it the lead").click()
    page.get_by_text("now leads calls on Matrix Mouldings Oshawa").wait_for()  # loaded
    assert page.get_by_text("now leads calls on Matrix Mouldings Oshawa").is_visible()

    page.goto("/calls/templates/")
    check_accessibility(page, "calls-template-list")
    page.get_by_role("link", name="Publish a new version").click()
    page.get_by_label("Sections and questions (JSON)").fill(json.dumps([{"key": "a"}]))
    page.get_by_role("button", name="Publish the new version").click()
    page.get_by_text("Nothing was published").wait_for()  # loaded
    assert page.get_by_text("Nothing was published").is_visible()
    check_accessibility(page, "calls-template-publish")
    page.goto("/calls/templates/1/")
    check_accessibility(page, "calls-template-detail")

    page.goto("/calls/follow-ups/?whose=all")
    check_accessibility(page, "calls-follow-up-list")


def test_an_officer_completes_a_follow_up_by_keyboard(page: Any, calls_world: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto("/calls/follow-ups/")
    page.get_by_role("heading", name="My follow-ups").wait_for()
    assert page.get_by_text("Overdue by").first.is_visible()
    for _ in range(80):  # Tab through the page until the first "Mark done"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Mark done":
            break
    else:
        raise AssertionError("'Mark done' cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Mark done: Retention response").wait_for()
    check_accessibility(page, "calls-follow-up-complete")
    page.get_by_label("Outcome").focus()
    page.keyboard.type("Met the plant manager; offered site-selection help.")
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    page.get_by_text("Its red flag is now closed.").wait_for()


def test_a_partner_reads_the_overview_and_its_referrals(page: Any, calls_world: Any) -> None:
    sign_in(page, "dave", PASSWORD)
    page.goto("/calls/overview/")
    page.get_by_role("heading", name="Calling program overview").wait_for()
    assert page.get_by_text("a count of fewer than 5 companies is not shown").is_visible()
    assert page.get_by_role("cell", name="fewer than 5").first.is_visible()
    check_accessibility(page, "calls-overview-partner")

    page.get_by_role("navigation", name="Corporate calls").get_by_role(
        "link", name="Follow-ups"
    ).click()
    page.get_by_role("heading", name="Referrals to us").wait_for()
    assert page.get_by_text("Introduce to APMA's workforce committee").is_visible()
    assert page.get_by_text("Respond to the red flag").count() == 0
    check_accessibility(page, "calls-referrals-partner")
