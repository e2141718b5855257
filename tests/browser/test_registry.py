"""The registry in a real browser: the coordinator imports a list and decides a review item."""

from pathlib import Path
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.jobs.worker import run_queued
from tests.browser.conftest import check_accessibility, sign_in

# W2 is W1 with a street number one off and no phone: an uncertain match, for review.
CSV = """id,name,street,city,postal_code,phone,naics,employees,lat,lon,notes
W1,Maple Stamping Ltd,120 Industrial Rd,Windsor,N8W 1A1,519-555-0100,336370,240,42.3,-83.0,seen 2024
W2,Maple Stamping Ltd,122 Industrial Rd,Windsor,,,336370,,,,
O1,Lakeshore Plastics Inc,55 Harmony Rd,Oshawa,L1H 1A1,905-555-0111,326193,80,43.90,-78.85,
X1,,1 Nowhere,Windsor,,,,,,,no name
"""


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def test_the_coordinator_imports_a_list_and_confirms_a_review_item(
    page: Any, world: Any, tmp_path: Path
) -> None:
    upload = tmp_path / "windsor-oshawa-list.csv"
    upload.write_text(CSV, encoding="utf-8")
    sign_in(page, "carol", PASSWORD)

    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Companies and facilities"
    ).click()
    page.get_by_role("link", name="Import a list").click()
    page.get_by_role("heading", name="Import a company list").wait_for()
    check_accessibility(page, "registry-import")

    page.get_by_label("Company list").set_input_files(str(upload))
    page.get_by_label("Source name").fill("Corridor test list")
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("heading", name="Preview: windsor-oshawa-list.csv").wait_for()
    assert page.get_by_role("cell", name="Lakeshore Plastics Inc").is_visible()
    assert page.get_by_role("cell", name="the company name is empty").is_visible()
    check_accessibility(page, "registry-import-preview")

    page.get_by_role("button", name="Import these rows").click()
    # the job's page: the import runs in the background worker, run here in the test
    page.locator("#job-bar").wait_for()
    run_queued()
    page.get_by_role("link", name="See the result").wait_for()  # the page polls
    assert page.get_by_text("imported 4 rows from source 'Corridor test list'").is_visible()
    page.get_by_role("link", name="See the result").click()
    page.get_by_role("heading", name="Import of windsor-oshawa-list.csv").wait_for()
    page.get_by_role("link", name="Review the 1 row waiting from this import").wait_for()
    check_accessibility(page, "registry-import-result")  # with its flash message

    page.get_by_role("link", name="Review the 1 row waiting from this import").click()
    page.get_by_role("heading", name="Review queue").wait_for()
    assert page.get_by_role("cell", name="122 Industrial Rd").is_visible()
    assert page.get_by_role("cell", name="120 Industrial Rd").is_visible()
    check_accessibility(page, "registry-review-queue")

    page.get_by_role("button", name="Confirm: same facility").click()
    page.get_by_text("The two are now one facility").wait_for()  # loaded
    assert page.get_by_text("The two are now one facility").is_visible()
    assert page.get_by_text("Nothing is waiting for review").is_visible()

    page.goto("/registry/")
    page.wait_for_selector("#facility-map[data-ready='2']")
    assert page.get_by_text("2 facilities").is_visible()
    check_accessibility(page, "registry-facilities")

    page.get_by_role("link", name="Maple Stamping Ltd").first.click()  # facility, then company
    page.get_by_role("heading", name="Maple Stamping Ltd").wait_for()
    # the page's end may still be arriving when its heading is there: wait, then check
    page.get_by_role("button", name="Undo merge").wait_for()
    assert page.get_by_role("button", name="Undo merge").is_visible()
    page.get_by_text("11 values").first.click()  # a row's raw values unfold
    assert page.get_by_text("seen 2024").is_visible()
    check_accessibility(page, "registry-facility")


def test_an_officer_reads_the_registry_and_a_partner_sees_no_imported_rows(
    page: Any, world: Any, tmp_path: Path
) -> None:
    from corridor.core.history import change_context
    from corridor.registry.importing import import_companies

    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    with change_context(source="tests"):
        import_companies(path, "test list")

    sign_in(page, "alice", PASSWORD)
    page.goto("/registry/review/")
    assert page.get_by_text("the coordinator office decides each item").is_visible()
    assert page.get_by_role("button", name="Keep apart").count() == 0
    check_accessibility(page, "registry-review-queue-read-only")

    page.goto("/registry/")
    page.get_by_label("Industry (NAICS)").select_option("3261")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/registry/?*naics=3261*")
    assert page.get_by_role("link", name="Lakeshore Plastics Inc").first.is_visible()
    assert page.get_by_role("link", name="Maple Stamping Ltd").count() == 0
    page.get_by_role("link", name="Lakeshore Plastics Inc").first.click()
    page.get_by_role("heading", name="Imported rows").wait_for()  # loaded
    assert page.get_by_role("heading", name="Imported rows").is_visible()
    page.get_by_role("link", name="Lakeshore Plastics Inc").first.click()  # its company
    page.get_by_role("heading", name="Plants in the corridor").wait_for()
    check_accessibility(page, "registry-company")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "dave", PASSWORD)
    page.goto("/registry/")
    page.get_by_role("link", name="Lakeshore Plastics Inc").first.click()
    page.get_by_role("heading", name="Lakeshore Plastics Inc").wait_for()
    assert page.get_by_role("heading", name="Imported rows").count() == 0
    check_accessibility(page, "registry-facility-partner")
