"""Intelligence in a real browser: an officer uploads an announcement, sees its facts
highlighted and confirms one; the tracker, the trend radar and every other page are
checked with axe-core; the upload works by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, Fact, FactStatus, Jurisdiction, TrendTag
from corridor.intel.reference import load_reference_data
from tests.browser.conftest import check_accessibility, sign_in

DATA = Path(__file__).resolve().parents[2] / "corridor" / "intel" / "tests" / "data"
MORE = {
    "quebec.txt": (
        "Quebec, 21 October 2020 - The Quebec government announced $295 million over five "
        "years for its new battery sector strategy."
    ),
    "michigan.txt": (
        "LANSING, Mich. - Oct. 5, 2022 - The Michigan Strategic Fund approved a $52.8 million"
        " grant for Harbor Cell Energy LLC to build a battery plant in Big Rapids, creating "
        "2,350 jobs."
    ),
    "ohio.txt": (
        "COLUMBUS, Ohio, August 30, 2023 - JobsOhio will provide a $15 million grant to "
        "Buckeye Drive Systems to open an electric motor plant in Lima."
    ),
    "canada.txt": (
        "2021-05-11 - The Government of Canada is contributing $40 million to Northwind "
        "Battery Materials Inc. through the Strategic Innovation Fund to build a cathode "
        "plant."
    ),
}


@pytest.fixture
def announcements(world: Any) -> Any:
    with system_scope("browser test fixtures"):
        load_reference_data(TrendTag, Jurisdiction)
    with change_context(user=world.carol, source="tests"):
        for name in ("o-amp.txt", "ngen.txt", "auto-mayors.txt"):
            ingest_bytes(None, name, (DATA / "seeds" / name).read_bytes(), Metadata())
        for name, text in MORE.items():
            ingest_bytes(None, name, text.encode(), Metadata(is_demo=True))
    return world


def test_an_officer_uploads_an_announcement_and_confirms_its_fact(
    page: Any, announcements: Any
) -> None:
    sign_in(page, "alice", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Intelligence"
    ).click()
    page.get_by_role("heading", name="Documents").wait_for()
    check_accessibility(page, "intel-documents")
    page.get_by_label("Words in the text").fill("electrification quebec")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/intel/?q=electrification+quebec*")
    result = page.get_by_role("link", name="Recommendations from Economic Development Workshop")
    result.wait_for()  # the results page has loaded, not just its address
    assert result.count() == 1
    check_accessibility(page, "intel-search")

    page.get_by_role("navigation", name="Intelligence").get_by_role(
        "link", name="Add documents"
    ).click()
    page.get_by_role("heading", name="Add a document").wait_for()
    check_accessibility(page, "intel-upload")
    page.get_by_label("File").set_input_files(str(DATA / "files" / "battery-trays.pdf"))
    page.get_by_label("Published by").fill("Ontario Newsroom")
    page.get_by_role("button", name="Add and read it").click()
    page.get_by_role("heading", name="Ontario Supports Battery Parts Maker in Windsor").wait_for()
    assert page.get_by_text("1 fact found").is_visible()
    assert page.locator("mark.fact-extracted").count() == 1
    check_accessibility(page, "intel-document")

    page.locator("mark.fact-extracted a").click()
    page.get_by_role("heading", name="The sentence it was read from").wait_for()
    check_accessibility(page, "intel-fact")
    page.get_by_role("button", name="Confirm: it is right").click()
    page.get_by_text("Fact confirmed.").wait_for()
    with system_scope("test"):
        fact = Fact.objects.get(document__title="Ontario Supports Battery Parts Maker in Windsor")
    assert fact.status == FactStatus.CONFIRMED
    assert fact.recipient == "Lakeshore Cell Trays Inc."
    assert page.locator("mark.fact-confirmed").count() == 1


def test_an_officer_corrects_a_fact_and_sees_the_correction(page: Any, announcements: Any) -> None:
    with system_scope("test"):
        fact = Fact.objects.get(document__file_name="ohio.txt")
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/intel/facts/{fact.pk}/")
    page.get_by_label("Jobs created", exact=True).fill("500")
    page.get_by_label("Why (optional)").fill("The company's own release")
    page.get_by_role("button", name="Save the correction").click()
    page.get_by_text("Correction saved.").wait_for()
    page.goto(f"/intel/facts/{fact.pk}/")
    table = page.get_by_role("table", name="Every field officers changed, oldest first")
    assert table.get_by_role("cell", name="jobs", exact=True).is_visible()
    check_accessibility(page, "intel-fact-corrected")


def test_the_tracker_and_the_trend_radar_show_governments_and_trends(
    page: Any, announcements: Any
) -> None:
    sign_in(page, "dave", PASSWORD)
    page.goto("/intel/tracker/")
    page.get_by_role("heading", name="What governments announce").wait_for()
    table = page.get_by_role("table", name="What each government announced")
    for government in ("Ontario", "Quebec", "Canada", "Michigan", "Ohio"):
        assert table.get_by_role("rowheader", name=government, exact=True).is_visible()
    page.wait_for_selector("canvas#intel-amounts")
    check_accessibility(page, "intel-tracker")
    page.get_by_role("checkbox", name="Quebec").check()
    page.get_by_role("checkbox", name="Michigan").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**jurisdiction=*")
    page.wait_for_load_state("load")
    rows = page.get_by_role("table", name="What each government announced").get_by_role("rowheader")
    rows.first.wait_for()
    assert sorted(rows.all_inner_texts()) == ["Michigan", "Quebec"]
    check_accessibility(page, "intel-tracker-chosen")
    page.goto("/intel/trends/")
    page.get_by_role("heading", name="Trend radar").wait_for()
    assert page.get_by_role("table", name="Facts by trend and year").is_visible()
    check_accessibility(page, "intel-trends")
    assert "Add documents" not in page.get_by_role("navigation", name="Intelligence").inner_text()


def test_a_document_is_added_by_keyboard(page: Any, announcements: Any) -> None:
    sign_in(page, "carol", PASSWORD)
    page.goto("/intel/add/")
    page.get_by_label("Or paste the text").focus()
    page.keyboard.type(
        "Date: 2024-02-02\n\nFedDev Ontario is providing $3.4 million to Grand River Mobility "
        "Software Inc. to build connected vehicle software, creating 45 jobs."
    )
    page.keyboard.press("Tab")
    page.keyboard.type("FedDev support for Waterloo software")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Add and read it":
            break
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="FedDev support for Waterloo software").wait_for()
    with system_scope("test"):
        document = Document.objects.get(title="FedDev support for Waterloo software")
        assert Fact.objects.get(document=document).jobs == 45
