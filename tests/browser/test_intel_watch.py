"""Watching in a real browser: the coordinator watches a folder, reads it now, follows
the job to the source's page and what it brought in; an announcement reported twice
shows "Also reported by" and its event's page. Every page passes axe."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import PASSWORD
from corridor.core.scoping import system_scope
from corridor.intel.models import Document, WatchedSource
from corridor.intel.tests.watch_fixtures import FEEDS
from corridor.jobs.worker import run_queued
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in

DEMO_FEED = Path(__file__).resolve().parents[2] / "corridor" / "intel" / "data" / "demo_watch.rss"


def test_the_coordinator_watches_a_folder_and_reads_what_it_brought_in(
    page: Any, world: Any, settings: Any, tmp_path: Path
) -> None:
    settings.CORRIDOR_WATCH_ROOT = str(tmp_path)
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(DEMO_FEED, folder / "demo.rss")
    shutil.copy(FEEDS / "folder" / "note.txt", folder / "note.txt")

    sign_in(page, "carol", PASSWORD)
    page.goto("/intel/sources/")
    page.get_by_role("heading", name="Watched sources").wait_for()
    check_accessibility(page, "intel-watch-empty")
    page.get_by_role("link", name="Watch a new source").click()
    page.get_by_role("heading", name="Watch a new source").wait_for()
    check_accessibility(page, "intel-watch-form")
    page.get_by_label("Name").fill("Drop box")
    page.get_by_label("What it is").select_option("folder")
    page.get_by_label("Web address or folder").fill(str(folder))
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Drop box").wait_for()
    page.get_by_text("The worker reads it within 15 minutes").wait_for()

    page.get_by_role("button", name="Read now").click()
    page.get_by_text("Reading Drop box").first.wait_for()
    run_queued()  # the worker
    page.reload()
    page.get_by_role("link", name="See the source").click()
    page.get_by_role("heading", name="Drop box").wait_for()
    page.get_by_text("4 new documents").wait_for()
    check_accessibility(page, "intel-watch-source")
    page.screenshot(path=str(SCREENSHOTS / "intel-watch-source.png"), full_page=True)

    with system_scope("test"):
        src = WatchedSource.objects.get(name="Drop box")
        release = Document.objects.get(watched_source=src, title__startswith="Ontario Supports")
    page.goto(f"/intel/documents/{release.pk}/")
    also = page.get_by_text("Also reported by")
    also.wait_for()
    check_accessibility(page, "intel-watch-document")
    page.get_by_role("link", name="the announcement and all its reports").click()
    page.get_by_role("heading", name="Ontario Supports Lakehead Axle Works").wait_for()
    assert page.get_by_role("row").count() == 3  # the header and two reports
    check_accessibility(page, "intel-watch-event")
    page.screenshot(path=str(SCREENSHOTS / "intel-watch-event.png"), full_page=True)

    page.goto("/intel/sources/")
    page.get_by_role("cell", name="4 new documents").wait_for()
    check_accessibility(page, "intel-watch-list")


def test_a_partner_does_not_see_the_sources(page: Any, world: Any) -> None:
    sign_in(page, "dave", PASSWORD)
    page.goto("/intel/")
    assert page.get_by_role("link", name="Watched sources").count() == 0
    response = page.goto("/intel/sources/")
    assert response is not None and response.status == 403
