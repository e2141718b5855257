"""Contacts in a real browser: an officer finds a company, sees whom to call and logs a
touch by keyboard, at desktop width and on a phone-sized screen."""

from typing import Any

from conftest import PASSWORD
from corridor.calls.tests.helpers import facility
from corridor.contacts.models import Contact, Touch
from corridor.contacts.tests.helpers import person
from corridor.core import policy
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


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


IMPORT_HEADER = "name,company,facility,role,phone,email,language,consent_basis,consent_on,shared\n"


def test_an_officer_previews_a_contact_list_fixes_it_and_imports_it(
    page: Any, world: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path  # where the upload waits between preview and import
    facility("Riverside Axle Works", world.windsor)
    bad = tmp_path / "riverside-people.csv"
    bad.write_text(
        IMPORT_HEADER
        + "Pat Fictional,Riverside Axle Works,,plant_manager,519-555-0101,pat@example.com,en,"
        "implied,2026-09-14,no\n"
        + "Robin Fictional,Riverside Axel Works,,hr,519-555-0177,robin@example.com,fr,"
        "express,2026-10-01,perhaps\n",
        encoding="utf-8",
    )
    sign_in(page, "alice", PASSWORD)
    page.goto("/contacts/")
    page.get_by_role("link", name="Import a contact list").click()
    page.get_by_role("heading", name="Import a contact list").wait_for()
    check_accessibility(page, "contacts-import-form")
    page.get_by_label("Contact list").set_input_files(str(bad))
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("heading", name="Preview: riverside-people.csv").wait_for()
    problems = page.get_by_role("alert")
    assert "Nothing can be imported until they are fixed" in problems.inner_text()
    assert "row 3, column B ('company'): no company called 'Riverside Axel Works'" in (
        problems.inner_text()
    )
    assert "Did you mean 'Riverside Axle Works'" in problems.inner_text()
    assert page.get_by_role("button", name="Add").count() == 0
    check_accessibility(page, "contacts-import-preview-problems")
    assert not policy.visible(world.alice, Contact).exists()

    good = tmp_path / "riverside-people-fixed.csv"
    good.write_text(
        bad.read_text(encoding="utf-8").replace("Axel", "Axle").replace("perhaps", "no"),
        encoding="utf-8",
    )
    page.get_by_role("link", name="Choose the corrected file").click()
    page.get_by_label("Contact list").set_input_files(str(good))
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("heading", name="Preview: riverside-people-fixed.csv").wait_for()
    assert page.get_by_role("cell", name="Will be added").count() == 2
    check_accessibility(page, "contacts-import-preview")
    page.get_by_role("button", name="Add 2 people").click()
    page.get_by_text("added 2 people for Windsor Economic Development").wait_for()
    assert set(policy.visible(world.alice, Contact).values_list("name", flat=True)) == {
        "Pat Fictional",
        "Robin Fictional",
    }


def test_the_coordinator_merges_a_person_recorded_twice_and_undoes_it(
    page: Any, world: Any
) -> None:
    plant = facility("Riverside Axle Works", world.windsor)
    kept = person(world.alice, plant, name="Pat Fictional")
    twin = person(world.bob, plant, name="Pat Fictionall", email="pat.f@example.com")
    sign_in(page, "carol", PASSWORD)
    page.goto("/contacts/")
    page.get_by_role("link", name="People recorded twice").click()
    pair = page.get_by_role("article", name="Pat Fictional and Pat Fictionall")
    assert "close names at the same company" in pair.inner_text()
    check_accessibility(page, "contacts-duplicates")
    pair.get_by_role("button", name="Keep Pat Fictional (Windsor Economic Development)").click()
    page.get_by_text("Merged Pat Fictionall (Oshawa Economic Development) into").wait_for()
    assert page.get_by_text("No one looks recorded twice.").is_visible()
    gone = policy.visible(world.carol, Contact, include_deleted=True).get(pk=twin.pk)
    assert gone.merged_into_id == kept.pk
    check_accessibility(page, "contacts-duplicates-merged")
    page.get_by_role("button", name="Undo this merge").click()
    page.get_by_text("Pat Fictionall is a record of their own again.").wait_for()
    assert page.get_by_role("article", name="Pat Fictional and Pat Fictionall").is_visible()


def test_an_officer_records_the_call_a_person_was_met_on_by_keyboard(page: Any, world: Any) -> None:
    import datetime as dt

    from corridor.calls.tests.helpers import planned
    from corridor.core.history import change_context

    plant, pat = _plant_with_people(world)
    with change_context(user=world.alice, source="tests"):
        planned(world.alice, plant, world.org_a, on=dt.date(2026, 10, 5))
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/contacts/{pat.pk}/")
    assert page.get_by_text("Not linked to any call.").is_visible()
    page.get_by_role(
        "link", name="Change the calls, follow-ups and referrals Pat Fictional is linked to"
    ).click()
    page.get_by_role(
        "heading", name="Calls, follow-ups and referrals with Pat Fictional"
    ).wait_for()
    check_accessibility(page, "contacts-links")
    box = page.get_by_label("2026-10-05, Riverside Axle Works, by Windsor Economic Development")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    page.get_by_text(
        "Saved: Pat Fictional met on 1 call(s), named on 0 follow-up(s) and 0 referral(s)."
    ).wait_for()
    met = page.get_by_role("region", name="Met on calls")
    assert met.get_by_role("link", name="2026-10-05").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "contacts-linked-call.png"))
