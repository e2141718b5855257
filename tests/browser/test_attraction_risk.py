"""The jobs-at-risk list in a real browser: an officer reads the ranked list and its map,
dismisses an item by keyboard with a reason, and the coordinator reads the weights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from conftest import PASSWORD
from corridor.attraction import assessment
from corridor.attraction.models import RiskDismissal
from corridor.attraction.tests.test_risk_assessment import announce, flag, plant
from corridor.core.scoping import system_scope
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


def _listed(world: Any) -> Any:
    red = plant(
        "Riverside Stamping", world.windsor, employees=420, latitude=42.31, longitude=-83.03
    )
    flag(red, world.org_a, "red", "relocation_closure", days_old=120)
    announce(
        red.company,
        "Riverside Stamping will invest US$180 million in a new plant in Tennessee.",
        "Tennessee",
        180_000_000,
    )
    other = plant("Lakeshore Trim", world.windsor, employees=60, latitude=42.29, longitude=-82.98)
    flag(other, world.org_a, "yellow", "workforce")
    assessment.assess_all(timezone.now() - dt.timedelta(minutes=5))
    return red, other


def test_an_officer_reads_the_list_and_dismisses_an_item_by_keyboard(page: Any, world: Any) -> None:
    _, other = _listed(world)
    sign_in(page, "alice", PASSWORD)
    page.goto("/attraction/at-risk/")
    page.get_by_role("heading", name="Jobs at risk in Windsor").wait_for()
    items = page.locator(".risk-item")
    assert items.count() == 2
    assert "Riverside Stamping" in items.first.inner_text()
    assert "Tennessee" in items.first.inner_text()
    page.locator("#risk-map .leaflet-interactive").first.wait_for()
    check_accessibility(page, "attraction-risk-list")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "attraction-risk-list.png"), full_page=True)

    # by keyboard: open "Dismiss" under the second item, type the reason, submit
    page.locator(f"#risk-{other.pk} summary").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Why is Lakeshore Trim not at risk?").focus()
    page.keyboard.type("Hired the openings through the college program")
    page.keyboard.press("Tab")  # to "Dismiss this item"
    page.keyboard.press("Enter")
    page.get_by_text("Dismissed Lakeshore Trim").wait_for()
    assert page.locator(".risk-item").count() == 1
    with system_scope("tests"):
        assert RiskDismissal.objects.get().reason.startswith("Hired the openings")

    page.get_by_role("link", name="Dismissed", exact=True).first.click()
    page.get_by_role("heading", name="Dismissed from the risk list").wait_for()
    check_accessibility(page, "attraction-risk-dismissed")
    page.get_by_role("button", name="Undo the dismissal of Lakeshore Trim").click()
    page.get_by_text("Lakeshore Trim is back on the risk list").wait_for()


def test_the_coordinator_reads_and_changes_the_weights(page: Any, world: Any) -> None:
    _listed(world)
    sign_in(page, "carol", PASSWORD)
    page.goto("/attraction/at-risk/weights/")
    page.get_by_role("heading", name="How the risk score is counted").wait_for()
    check_accessibility(page, "attraction-risk-weights")
    page.get_by_label("Weight of “Red flag on a call”").fill("45")
    page.get_by_role("button", name="Save the weights").click()
    page.get_by_text("Saved 1 weight").wait_for()
    page.get_by_text("Red flag on a call: set to 45").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "attraction-risk-weights.png"), full_page=True)
