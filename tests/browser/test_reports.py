"""The reports dashboards in a real browser: the coordinator's region and one municipality
(filters by keyboard), a municipality's own, a partner's shared figures, and the briefing
download; every page checked with axe-core and photographed."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from conftest import PASSWORD
from corridor.jobs.worker import run_queued
from corridor.reports.tests.test_dashboards import corridor  # noqa: F401
from tests.browser.conftest import check_accessibility, sign_in


def test_the_coordinator_filters_the_dashboard_by_keyboard(page: Any, corridor: Any) -> None:  # noqa: F811
    sign_in(page, "carol", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Reports and open data"
    ).click()
    page.goto("/reports/?quarter=2026Q4")
    page.get_by_role("heading", name="The corridor's dashboard, 2026 Q4").wait_for()
    page.locator("canvas#calls-chart").wait_for()
    check_accessibility(page, "reports-region")
    page.get_by_label("Municipality", exact=True).focus()
    page.keyboard.press("End")  # Windsor, the last of the list
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Windsor: dashboard, 2026 Q4").wait_for()
    assert "2 of 3 facilities called in 12 months" in page.content()
    check_accessibility(page, "reports-municipality")
    # the briefing is built in the background worker, run here in the test's process
    page.get_by_role("button", name="Build the mayors' briefing (PDF)").click()
    page.get_by_role("heading", name="Mayors' briefing 2026 Q4, Windsor").wait_for()
    run_queued()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the briefing (PDF)").click()
    pdf = PdfReader(download.value.path())
    assert "Windsor" in pdf.pages[0].extract_text()


def test_an_officer_and_a_partner_see_their_own_dashboards(page: Any, corridor: Any) -> None:  # noqa: F811
    sign_in(page, "bob", PASSWORD)
    page.goto("/reports/?quarter=2026Q4")
    page.get_by_role("heading", name="Oshawa: dashboard, 2026 Q4").wait_for()
    assert page.get_by_label("Municipality", exact=True).count() == 0
    check_accessibility(page, "reports-own-municipality")
    page.context.clear_cookies()
    sign_in(page, "dave", PASSWORD)
    page.goto("/reports/?quarter=2026Q4")
    page.get_by_role("heading", name="The corridor in figures, 2026 Q4").wait_for()
    assert "fewer than 5" in page.content()
    assert "Windsor Plant" not in page.content()
    check_accessibility(page, "reports-partner")
