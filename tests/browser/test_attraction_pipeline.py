"""The investment-attraction pipeline in a real browser: the board, a prospect's page,
moving a prospect by keyboard, and the board on a phone-sized screen."""

from typing import Any

from conftest import PASSWORD
from corridor.attraction.models import StageChange
from corridor.attraction.tests.test_pipeline_services import prospect
from corridor.core import policy
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


def test_an_officer_reads_the_board_and_moves_a_prospect_by_keyboard(page: Any, world: Any) -> None:
    p = prospect(world.alice, name="Keystone Die Casting", shared=True, capability=None)
    prospect(
        world.alice, name="Rhein Thermal Systems", stage="visit", estimated_jobs=80, capability=None
    )
    sign_in(page, "alice", PASSWORD)
    page.goto("/attraction/")
    page.get_by_role("heading", name="Investment attraction: the pipeline").wait_for()
    page.get_by_role("heading", name="Targets from the gap analysis").wait_for()
    check_accessibility(page, "attraction-board")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "attraction-board.png"), full_page=True)

    # the card's move: Tab to its stage choice, pick the next stage, press Enter
    page.get_by_label("Move Keystone Die Casting to").focus()
    page.keyboard.press("Tab")  # the Move button (the next stage is chosen already)
    page.keyboard.press("Enter")
    page.get_by_text("Moved Keystone Die Casting to Contacted.").wait_for()
    column = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Contacted"))
    assert column.get_by_role("link", name="Keystone Die Casting").is_visible()

    # the prospect's page: the move form is radios, so a keyboard is enough
    column.get_by_role("link", name="Keystone Die Casting").click()
    page.get_by_role("heading", name="Stage history").wait_for()
    check_accessibility(page, "attraction-prospect-detail")
    page.get_by_label("Site visit").focus()
    page.keyboard.press("Space")
    page.get_by_label("Note").focus()
    page.keyboard.type("Toured the Walker Road site")
    page.get_by_role("button", name="Move", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_text("Moved Keystone Die Casting to Site visit.").wait_for()
    page.get_by_text("Toured the Walker Road site").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "attraction-prospect.png"), full_page=True)
    moves = policy.visible(world.alice, StageChange).filter(prospect=p).order_by("pk")
    assert [m.to_stage for m in moves] == ["identified", "contacted", "visit"]

    # lost without a reason: the form says what is missing
    page.get_by_role("radio", name="Lost").check()
    page.get_by_role("button", name="Move", exact=True).click()
    page.get_by_text("Say why it was lost").first.wait_for()
    check_accessibility(page, "attraction-stage-refused")


def test_the_board_on_a_phone_sized_screen(page: Any, world: Any) -> None:
    prospect(world.alice, name="Keystone Die Casting", shared=True, capability=None)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "alice", PASSWORD)
    page.goto("/attraction/")
    page.get_by_role("heading", name="Awaiting decision").wait_for()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "attraction-board-phone")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "attraction-board-phone.png"), full_page=True)
    page.goto("/attraction/prospects/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="Keystone Die Casting").click()
    page.get_by_role("heading", name="Move to stage").wait_for()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "attraction-prospect-phone")
