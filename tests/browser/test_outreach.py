"""Outreach in a real browser: an officer plans a head-office visit on the tour page and
downloads its briefing pack; an officer endorses an ask by keyboard; every outreach page
is checked with axe-core (screenshots in var/screenshots/, the PDFs as PNG pages too when
poppler's pdftoppm is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.core.scoping import system_scope
from corridor.outreach.models import Message, Tour
from corridor.outreach.tests.fixtures import build_outreach
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


@pytest.fixture
def ow(world: Any) -> Any:
    return build_outreach(world)


def _pdf_to_png(pdf: Path, name: str) -> None:
    """The first page of the PDF as a picture, for people to look at."""
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(SCREENSHOTS / name)],
            check=True,
        )  # fmt: skip


def test_an_officer_plans_a_head_office_visit_and_downloads_its_briefing_pack(
    page: Any, ow: Any, tmp_path: Path
) -> None:
    sign_in(page, "alice", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Outreach and agenda"
    ).click()
    page.get_by_role("navigation", name="Outreach").get_by_role(
        "link", name="Head-office visits"
    ).click()
    page.get_by_role("link", name="Autumn head-office tour").click()
    page.get_by_role("heading", name="Plan a visit").wait_for()
    check_accessibility(page, "outreach-tour")
    page.get_by_label("Head office").select_option(label="General Motors Company, Detroit")
    page.get_by_label("Date of the visit").fill("2026-10-21")
    page.get_by_label("Windsor Economic Development").check()
    page.get_by_label("Auto jobs are Ontario jobs").check()
    page.get_by_role("button", name="Plan the visit").click()
    page.get_by_role("heading", name="Briefing pack: General Motors Company").wait_for()
    assert page.get_by_text("300 Renaissance Center").first.is_visible()
    check_accessibility(page, "outreach-briefing-pack")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the PDF").click()
    saved = tmp_path / "pack.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    _pdf_to_png(saved, "outreach-briefing-pack-pdf")
    # the tour now lists the visit with Windsor's mayor
    page.goto(f"/outreach/visits/tours/{ow.tour.pk}/")
    row = page.get_by_role("row").filter(has_text="General Motors Company")
    assert "Windsor Economic Development" in row.inner_text()


def test_an_officer_endorses_an_ask_by_keyboard(page: Any, ow: Any) -> None:
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/outreach/agenda/asks/{ow.ask.pk}/")
    page.get_by_label("Municipality").select_option(label="Oshawa Economic Development")
    page.get_by_label("Council resolution").focus()
    page.keyboard.type("CR 12/2026")
    page.get_by_label("Date of the resolution").fill("2026-09-30")
    page.get_by_label("Notes").focus()
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    page.get_by_text("endorses “Finish the border crossing”").wait_for()
    assert page.get_by_text("2 of 2").first.is_visible()


def test_every_outreach_page_meets_wcag_aa(page: Any, ow: Any, tmp_path: Path) -> None:
    sign_in(page, "carol", PASSWORD)
    pages = {
        "outreach-home": "/outreach/",
        "outreach-contacts": "/outreach/contacts/",
        "outreach-contact": f"/outreach/contacts/{ow.contact.pk}/",
        "outreach-relationships": "/outreach/relationships/",
        "outreach-head-offices": "/outreach/head-offices/",
        "outreach-calendar": "/outreach/calendar/?month=2026-10",
        "outreach-engagement": f"/outreach/engagements/{ow.event_a.pk}/",
        "outreach-engagement-edit": f"/outreach/engagements/{ow.event_a.pk}/edit/",
        "outreach-engagement-new": "/outreach/engagements/new/",
        "outreach-visits": "/outreach/visits/",
        "outreach-visit-plan": f"/outreach/visits/tours/{ow.tour.pk}/plan/",
        "outreach-messages": "/outreach/messages/",
        "outreach-brief": f"/outreach/messages/{ow.message.pk}/brief/",
        "outreach-agenda": "/outreach/agenda/",
        "outreach-ask": f"/outreach/agenda/asks/{ow.ask.pk}/",
        "outreach-common-agenda": "/outreach/agenda/common/",
        "outreach-working-groups": "/outreach/centre/working-groups/",
        "outreach-partnerships": "/outreach/centre/partnerships/",
        "outreach-pilots": "/outreach/pilots/",
        "outreach-pilot-new": "/outreach/pilots/new/",
    }
    for name, url in pages.items():
        page.goto(url)
        page.get_by_role("heading", level=1).first.wait_for()
        check_accessibility(page, name)
    with page.expect_download() as info:
        page.goto(f"/outreach/messages/{ow.message.pk}/brief/")
        page.get_by_role("link", name="Download the PDF").click()
    saved = tmp_path / "brief.pdf"
    info.value.save_as(saved)
    _pdf_to_png(saved, "outreach-brief-pdf")
    with page.expect_download() as info:
        page.goto("/outreach/agenda/common/")
        page.get_by_role("link", name="Download the PDF").click()
    saved = tmp_path / "agenda.pdf"
    info.value.save_as(saved)
    _pdf_to_png(saved, "outreach-common-agenda-pdf")


def _retype(page: Any, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_the_coordinator_adds_and_edits_a_message_and_a_tour_by_keyboard(
    page: Any, ow: Any
) -> None:
    sign_in(page, "carol", PASSWORD)
    page.goto("/outreach/messages/new/")
    check_accessibility(page, "outreach-message-form")
    page.get_by_label("Title", exact=True).focus()
    page.keyboard.press("Enter")  # nothing typed yet: the page names what is missing
    page.get_by_role("alert").wait_for()
    assert page.get_by_role("link", name="Title").is_visible()
    check_accessibility(page, "outreach-message-errors")
    page.get_by_label("Theme", exact=True).focus()
    page.keyboard.press("ArrowDown")
    _retype(page, "Summary", "Plants here build for the continent.")
    _retype(page, "Talking points", "Jobs\nInvestment")
    _retype(page, "Title", "The corridor builds for North America")
    page.keyboard.press("Enter")
    page.get_by_text("Added “The corridor builds for North America”").wait_for()
    message = _get(Message, title="The corridor builds for North America")
    page.goto(f"/outreach/messages/{message.pk}/edit/")
    check_accessibility(page, "outreach-message-edit")
    _retype(page, "Title", "The corridor builds for the continent")
    page.keyboard.press("Enter")
    page.get_by_text("Saved “The corridor builds for the continent”").wait_for()

    page.goto("/outreach/visits/tours/new/")
    check_accessibility(page, "outreach-tour-form")
    _retype(page, "Name", "Spring tour to Detroit")
    for label, day in (("First day", "03052027"), ("Last day", "03062027")):
        page.get_by_label(label, exact=True).focus()
        page.keyboard.type(day)  # the date field reads month, day, year
    page.get_by_label("Name", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Spring tour to Detroit").first.wait_for()
    tour = _get(Tour, name="Spring tour to Detroit")
    page.goto(f"/outreach/visits/tours/{tour.pk}/edit/")
    check_accessibility(page, "outreach-tour-edit")
    _retype(page, "Name", "Spring tour to Detroit and Dearborn")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Spring tour to Detroit and Dearborn").first.wait_for()
    assert _get(Tour, pk=tour.pk).name == "Spring tour to Detroit and Dearborn"


def _get(model: type[Any], **lookup: Any) -> Any:
    with system_scope("reading back what the page wrote"):
        return model.objects.get(**lookup)
