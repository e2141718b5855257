"""The Background work pages in a browser: the list, a job's progress bar that follows
the work by polling, a failure's message, and the phone-sized view; an officer building
the mayors' briefing and adding several documents, each followed to its result."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from conftest import PASSWORD
from corridor.jobs import services
from corridor.jobs.models import JobStatus
from corridor.jobs.tests import tasks
from corridor.jobs.worker import run_queued
from corridor.reports.tests.test_dashboards import corridor  # noqa: F401
from tests.browser.conftest import check_accessibility, sign_in


def test_a_job_page_follows_the_work_until_it_is_done(page: Any, world: Any) -> None:
    running = services.start(tasks.add, 1, 2, user=world.alice, label="Import of plants.xlsx")
    services.update(
        running.pk, status=JobStatus.RUNNING, attempts=1, done=40, total=120, message="Row 40"
    )
    failed = services.start(tasks.add, 1, 2, user=world.alice, label="Briefing for Windsor")
    services.update(
        failed.pk,
        status=JobStatus.FAILED,
        attempts=3,
        error="ValueError: the supplier list is unreadable",
        traceback="Traceback (most recent call last): ...",
    )
    services.start(tasks.add, 1, 2, user=world.bob, label="Bob's own import")

    sign_in(page, "alice", PASSWORD)
    page.goto("/jobs/")
    page.get_by_role("heading", name="Background work").wait_for()
    assert page.get_by_role("link", name="Import of plants.xlsx").count() == 1
    assert page.get_by_text("Bob's own import").count() == 0
    assert page.get_by_text("the supplier list is unreadable").count() == 1
    check_accessibility(page, "jobs-list")

    page.get_by_role("link", name="Import of plants.xlsx").click()
    bar = page.locator("#job-bar")
    assert bar.get_attribute("value") == "40" and bar.get_attribute("max") == "120"
    assert page.locator(".job-facts").get_by_text("40 of 120").count() == 1
    check_accessibility(page, "jobs-detail-running")

    # the worker moves on: the page shows it without being reloaded
    services.update(running.pk, done=90, message="Row 90")
    page.wait_for_function("() => document.querySelector('#job-bar').value === 90")
    assert page.locator(".job-facts").get_by_text("Row 90").count() == 1
    services.update(running.pk, status=JobStatus.SUCCEEDED, done=120, result_url="/registry/")
    page.get_by_role("link", name="See the result").wait_for()
    assert page.locator("#job-progress[hx-trigger]").count() == 0  # polling stopped
    check_accessibility(page, "jobs-detail-done")

    page.goto(f"/jobs/{failed.pk}/")
    page.get_by_role("heading", name="Why it failed").wait_for()
    assert page.get_by_text("Technical detail").count() == 0  # the coordinator's
    page.set_viewport_size({"width": 390, "height": 844})
    check_accessibility(page, "jobs-detail-failed-phone")
    page.goto("/jobs/")
    check_accessibility(page, "jobs-list-phone")


def test_an_officer_builds_the_briefing_and_downloads_it_from_the_job_page(
    page: Any,
    world: Any,
    corridor: Any,  # noqa: F811
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.VAR_DIR = tmp_path / "var"
    sign_in(page, "alice", PASSWORD)
    page.goto("/reports/?quarter=2026Q4")
    page.get_by_role("button", name="Build the mayors' briefing (PDF)").click()
    page.get_by_role("heading", name="Mayors' briefing 2026 Q4, Windsor").wait_for()
    bar = page.locator("#job-bar")
    assert bar.is_visible() and bar.get_attribute("value") is None  # waiting: no figure yet
    assert page.get_by_text("Waiting").count() == 1
    check_accessibility(page, "jobs-briefing-waiting")

    run_queued()  # the worker, in the test's process
    page.get_by_role("link", name="Download the briefing (PDF)").wait_for()  # the page polls
    assert bar.get_attribute("value") == "1" and bar.get_attribute("max") == "1"
    assert page.locator(".job-facts").get_by_text("3 of 3").count() == 1
    check_accessibility(page, "jobs-briefing-done")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the briefing (PDF)").click()
    assert download.value.suggested_filename == "briefing-2026Q4-windsor.pdf"
    text = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Mayors' quarterly briefing, 2026 Q4" in text and "Windsor" in text


def test_an_officer_adds_several_documents_and_opens_each_from_the_job_page(
    page: Any, world: Any, settings: Any, tmp_path: Any
) -> None:
    from corridor.intel.tests.helpers import DATA

    settings.VAR_DIR = tmp_path / "var"
    sign_in(page, "alice", PASSWORD)
    page.goto("/intel/add/")
    page.get_by_label("Files").set_input_files(
        [str(DATA / "files" / "battery-trays.pdf"), str(DATA / "files" / "jobsohio.html")]
    )
    page.get_by_role("button", name="Add and read it").click()
    page.get_by_role("heading", name="Reading 2 documents").wait_for()
    run_queued()
    page.get_by_role("heading", name="What it made").wait_for()
    assert page.locator(".job-facts").get_by_text("2 of 2").count() == 1
    page.reload()
    check_accessibility(page, "jobs-documents-done")
    page.locator(".job-links").get_by_role("link").first.click()
    page.get_by_role("heading", name="Ontario Supports Battery Parts Maker in Windsor").wait_for()
