"""Corporate calls in a real browser: an officer plans, logs and follows up a call."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.calls.tests.helpers import facility
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


@pytest.fixture
def plant(world: Any) -> Any:
    return facility("Riverside Stamping", world.windsor, employees=120)


def test_an_officer_plans_logs_and_follows_up_a_call(page: Any, world: Any, plant: Any) -> None:
    sign_in(page, "alice", PASSWORD)

    # The facility's page says who leads calls there and offers to plan one.
    page.goto(f"/registry/facilities/{plant.pk}/")
    assert page.get_by_text("Who leads calls on this facility").is_visible()
    page.get_by_role("link", name="Plan a call on Riverside Stamping").click()
    page.get_by_role("heading", name="Plan a call on Riverside Stamping").wait_for()
    assert page.get_by_role("heading", name="Who to talk to before calling").is_visible()
    check_accessibility(page, "calls-plan")

    page.get_by_label("Date of the visit").fill("2026-11-03")
    page.get_by_label("Time (optional)").fill("10:30")
    page.get_by_label("Purpose (optional)").fill("Retention visit")
    page.get_by_label("Alice (Windsor Economic Development)").check()
    page.get_by_role("button", name="Plan the call").click()
    page.get_by_role(
        "heading", name=re.compile("Call on Riverside Stamping, 2026-11-03")
    ).wait_for()
    assert page.get_by_text("Call on Riverside Stamping planned for 2026-11-03.").is_visible()
    check_accessibility(page, "calls-detail-planned")

    # The call form: a few sections, by pointer and by keyboard.
    page.get_by_role("link", name="Record the call").click()
    page.get_by_role("heading", name="Call form: Riverside Stamping").wait_for()
    check_accessibility(page, "calls-record")
    page.set_viewport_size({"width": 820, "height": 1180})  # as on a tablet
    page.screenshot(path=str(SCREENSHOTS / "calls-record-tablet.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Employees at this site now").fill("85")
    page.get_by_label("Employees expected in 3 years").fill("95")
    relocation = page.get_by_role("group", name="Considering relocating some or all operations?")
    relocation.get_by_label("Yes", exact=True).check()
    page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d")).wait_for()
    page.get_by_label(re.compile("^Hard-to-fill occupations")).fill("Welder, 3\nMillwright, 2")
    programs = page.get_by_role("group", name="Programs of interest")
    programs.get_by_label("Skills and training").check()
    labour = page.get_by_role("group", name="Labour")
    labour.get_by_label("4", exact=True).focus()
    page.keyboard.press("ArrowRight")  # radios move (and check) with the arrow keys
    assert labour.get_by_label("5", exact=True).is_checked()
    page.get_by_label("Free notes").focus()
    page.keyboard.type("Plant manager wants a follow-up on permits.")
    page.get_by_role("button", name="Save and mark completed").focus()
    page.keyboard.press("Enter")

    page.get_by_text("Call completed: the answers are saved.").wait_for()
    assert page.get_by_text(
        re.compile("Flags raised: Red: Relocation or closure risk")
    ).is_visible()
    assert page.locator(".flag.red").first.is_visible()
    assert page.get_by_text("Plant manager wants a follow-up on permits.").is_visible()
    page.reload()
    check_accessibility(page, "calls-detail-completed")

    # Consent first, then the referral to a partner.
    page.get_by_role("link", name="Record consent to referrals").click()
    page.get_by_role("heading", name="Consent to referrals").wait_for()
    check_accessibility(page, "calls-consent")
    page.get_by_label("Industry association").check()
    page.get_by_label("Note (optional)").fill("Agreed at the end of the visit")
    page.get_by_role("button", name="Record the consent").click()
    page.get_by_text("Consent recorded.").wait_for()

    page.get_by_role("link", name="Add a follow-up").click()
    page.get_by_role("heading", name="Add a follow-up").wait_for()
    check_accessibility(page, "calls-follow-up")
    page.get_by_label("Refer the company to (optional)").select_option(
        label="Automotive Parts Manufacturers' Association"
    )
    page.get_by_label("Description").fill("Introduce to APMA's workforce committee")
    page.get_by_role("button", name="Add the follow-up").click()
    page.get_by_text("Follow-up added.").wait_for()
    assert page.get_by_role("cell", name="Referral to a partner: APMA").is_visible()

    # The planner, its calendar and the conflicts page.
    page.get_by_role("navigation", name="Corporate calls").get_by_role("link", name="Calls").click()
    page.get_by_role("heading", name="Corporate calls").wait_for()
    assert page.get_by_role("link", name="Riverside Stamping").is_visible()
    check_accessibility(page, "calls-planner")
    page.goto("/calls/?view=calendar&month=2026-11")
    assert page.get_by_role("link", name="10:30 Riverside Stamping").is_visible()
    check_accessibility(page, "calls-calendar")
    page.goto("/calls/conflicts/")
    check_accessibility(page, "calls-conflicts")


def test_another_municipality_asks_and_the_lead_approves(page: Any, world: Any, plant: Any) -> None:
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/calls/plan/?facility={plant.pk}")
    page.get_by_label("Date of the visit").fill("2026-11-10")
    page.get_by_role("button", name="Plan the call").click()
    page.get_by_text(
        "Windsor Economic Development leads calls on this facility: your plan waits for "
        "approval by Windsor Economic Development or the coordinator."
    ).wait_for()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "alice", PASSWORD)
    page.goto("/calls/conflicts/")
    page.get_by_role(
        "heading", name=re.compile("Oshawa Economic Development on Riverside")
    ).wait_for()
    check_accessibility(page, "calls-conflicts-to-decide")
    page.get_by_label("Note with the approval (optional)").fill("Go ahead, tell us how it went")
    page.get_by_role("button", name=re.compile("^Approve the call")).click()
    page.get_by_text("Approved: the call on Riverside Stamping may go ahead.").wait_for()
    assert page.get_by_text("Nothing is waiting for your decision.").is_visible()
