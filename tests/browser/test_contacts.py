"""Contacts in a real browser: an officer finds a company, sees whom to call and logs a
touch by keyboard, at desktop width and on a phone-sized screen."""

from typing import Any

from conftest import PASSWORD
from corridor.calls.tests.helpers import facility
from corridor.contacts.models import Touch
from corridor.contacts.tests.helpers import person
from corridor.core import policy
from tests.browser.conftest import check_accessibility, sign_in


def _plant_with_people(world: Any) -> Any:
    plant = facility("Riverside Axle Works", world.windsor)
    pat = person(world.alice, plant, name="Pat Fictional")
    person(
        world.alice, plant, name="Robin Fictional", role="hr", phone="519-555-0177",
        email="robin@example.com",
    )  # fmt: skip
    return plant, pat


def test_an_officer_finds_a_company_sees_whom_to_call_and_logs_a_touch(
    page: Any, world: Any
) -> None:
    plant, _ = _plant_with_people(world)
    sign_in(page, "alice", PASSWORD)
    page.goto("/contacts/?q=riverside")
    page.get_by_role("heading", name="Contacts").wait_for()
    check_accessibility(page, "contacts-list")
    page.goto(f"/registry/facilities/{plant.pk}/")
    people = page.get_by_role("region", name="People")
    assert people.get_by_role("link", name="519-555-0101").get_attribute("href") == (
        "tel:519-555-0101"
    )
    assert people.get_by_role("link", name="pat@example.com").is_visible()
    check_accessibility(page, "contacts-facility-people")

    people.get_by_role("link", name="Pat Fictional").click()
    page.get_by_role("heading", name="Pat Fictional", exact=True).wait_for()
    check_accessibility(page, "contacts-detail")
    page.goto(f"/registry/facilities/{plant.pk}/")

    # by keyboard: focus the link, Enter, then Tab through the form
    page.get_by_role("link", name="Log a touch").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Log a touch with Riverside Axle Works").wait_for()
    check_accessibility(page, "contacts-touch-form")
    page.get_by_label("Kind").focus()
    page.keyboard.press("ArrowDown")  # E-mail
    page.get_by_label("Pat Fictional, Plant manager").focus()
    page.keyboard.press("Space")
    page.get_by_label("Short note").focus()
    page.keyboard.type("Sent the program brochure")
    page.get_by_role("button", name="Log the touch").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Riverside Axle Works").first.wait_for()
    page.get_by_role("region", name="People").get_by_text("Sent the program brochure").wait_for()
    touch = policy.visible(world.alice, Touch).get(facility=plant)
    assert touch.kind == "email" and touch.note == "Sent the program brochure"
    page.reload()
    page.get_by_role("link", name=touch.happened_on.isoformat() + ": E-mail").click()
    page.get_by_role("heading", name="E-mail with Riverside Axle Works").first.wait_for()
    check_accessibility(page, "contacts-touch-detail")


def test_on_a_phone_sized_screen(page: Any, world: Any) -> None:
    plant, pat = _plant_with_people(world)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/registry/facilities/{plant.pk}/")
    phone_link = page.get_by_role("region", name="People").get_by_role("link", name="519-555-0177")
    phone_link.scroll_into_view_if_needed()
    assert phone_link.is_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, width
    check_accessibility(page, "contacts-facility-people-phone")
    page.goto(f"/contacts/facilities/{plant.pk}/touch/")
    page.get_by_label("Pat Fictional, Plant manager").check()
    page.get_by_label("Short note").fill("Quick call from the car park")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "contacts-touch-form-phone")
    page.get_by_role("button", name="Log the touch").click()
    page.get_by_role("region", name="People").get_by_text("Quick call from the car park").wait_for()
    page.goto(f"/contacts/{pat.pk}/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "contacts-detail-phone")
