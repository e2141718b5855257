"""Asks answered in a real browser: a government announcement added by an officer is
suggested for the agenda's ask, confirmed by keyboard on the ask's page, and the agenda
shows the government that answered (axe checked)."""

from typing import Any

from conftest import PASSWORD
from corridor.outreach.tests.test_answers import SKILLS, _ask
from tests.browser.conftest import check_accessibility, sign_in


def test_an_officer_confirms_a_suggested_answer(page: Any, world: Any) -> None:
    ask = _ask(world)
    sign_in(page, "alice", PASSWORD)
    page.goto("/intel/add/")
    page.get_by_label("Or paste the text").fill(SKILLS)
    page.get_by_role("button", name="Add and read it").click()
    page.get_by_role("heading", name="Answers to the common agenda").wait_for()
    region = page.get_by_role("region", name="Answers to the common agenda")
    assert "Suggested by Corridor" in region.inner_text()
    check_accessibility(page, "outreach-answers-document")

    region.get_by_role("link", name=ask.title).click()
    page.get_by_role("heading", name="Suggested by Corridor").wait_for()
    check_accessibility(page, "outreach-answers-ask")
    page.get_by_role("button", name="Confirm").focus()
    page.keyboard.press("Enter")
    page.get_by_text("answers the ask.").first.wait_for()
    answers = page.get_by_role("region", name="Governments' answers")
    assert "Skills Development Fund" in answers.inner_text()
    assert "Suggested by Corridor" not in answers.inner_text()

    page.goto("/outreach/agenda/")
    page.get_by_label("Only asks a government has answered").check()
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("cell", name="Ontario").wait_for()
    check_accessibility(page, "outreach-answers-agenda")
