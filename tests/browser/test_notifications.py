"""Notifications in a real browser: an officer sees the bell's count, opens the page,
marks one read and changes a setting, all by keyboard."""

from typing import Any

from conftest import PASSWORD
from corridor.notifications import services
from corridor.notifications.kinds import Delivery
from corridor.notifications.services import notify
from tests.browser.conftest import check_accessibility, sign_in

KIND = "calls.red-flag"


def test_an_officer_reads_notifications_and_chooses_how_to_be_told(page: Any, world: Any) -> None:
    notify(
        [world.alice], KIND, "Red flag at Riverside Axle Works: Downsizing, respond by 2026-10-12",
        "Closure or downsizing possible.", url="/calls/flags/", key="browser:1",
    )  # fmt: skip
    notify(
        [world.alice], "calls.follow-up-due",
        "Follow-up due today: Lakeshore Dies, Send information",
        url="/calls/follow-ups/", key="browser:2",
    )  # fmt: skip
    notify(
        [world.alice], "programs.referral", "New referral: Bayview Stamping to Ontario Together",
        key="browser:3",
    )  # fmt: skip
    sign_in(page, "alice", PASSWORD)

    bell = page.get_by_role("link", name="Notifications, 3 unread")
    assert bell.inner_text().split() == ["Notifications", "3"]
    bell.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Notifications", exact=True).wait_for()
    check_accessibility(page, "notifications-list")

    # mark the red flag read, by keyboard
    page.get_by_role("button", name="Mark read: Red flag at Riverside Axle Works").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Notifications, 2 unread").wait_for()
    page.get_by_role("button", name="Mark unread: Red flag at Riverside Axle Works").wait_for()
    assert services.unread_count(world.alice) == 2

    # only the unread ones
    page.get_by_label("Show").focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("button", name="Show", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_text("2 notifications unread").wait_for()
    assert page.get_by_text("Red flag at Riverside Axle Works").count() == 0

    # settings: news about a red flag in the daily digest instead of at once
    page.get_by_role("link", name="Choose what you are told and how").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Notification settings").wait_for()
    check_accessibility(page, "notifications-settings")
    group = page.get_by_role("group", name="A red flag on a company in my municipality")
    group.get_by_label("In Corridor and by e-mail at once").focus()
    page.keyboard.press("ArrowDown")  # radio buttons: the next choice, the daily digest
    assert group.get_by_label("In Corridor and in the daily e-mail digest").is_checked()
    page.get_by_role("button", name="Save my settings").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Your notification settings are saved.").wait_for()
    assert services.preferences(world.alice)[KIND] == Delivery.DIGEST
    check_accessibility(page, "notifications-settings-saved")

    # opening one goes to what it is about and marks it read
    page.goto("/notifications/")
    page.get_by_role("link", name="Follow-up due today: Lakeshore Dies, Send information").click()
    page.wait_for_url("**/calls/follow-ups/")
    page.get_by_role("link", name="Notifications, 1 unread").wait_for()


def test_the_list_on_a_phone_sized_screen(page: Any, world: Any) -> None:
    for n in range(3):
        notify(
            [world.alice], KIND, f"Red flag at Plant {n}: a long title that has to wrap " * 2,
            "Body text.", url="/calls/flags/", key=f"phone:{n}",
        )  # fmt: skip
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "alice", PASSWORD)
    page.goto("/notifications/")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, width
    check_accessibility(page, "notifications-list-phone")
