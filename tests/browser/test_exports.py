"""Downloading a list in a real browser: the follow-ups of every organisation, by keyboard,
as another municipality reads them (no confidential text in the file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import PASSWORD
from tests.browser import test_calls_work
from tests.browser.conftest import check_accessibility, sign_in

calls_world = test_calls_work.calls_world  # the calls fixtures, with a template version


def test_another_municipality_downloads_the_follow_ups_without_their_text(
    page: Any, calls_world: Any, tmp_path: Path
) -> None:
    sign_in(page, "bob", PASSWORD)
    page.goto("/calls/follow-ups/?whose=all&status=all")
    page.get_by_role("heading", name="My follow-ups").wait_for()
    links = page.locator(".export-links")
    assert links.get_by_role("link", name="CSV").get_attribute("href") == (
        "?whose=all&status=all&format=csv"
    )
    check_accessibility(page, "calls-follow-ups-export-links")
    links.get_by_role("link", name="CSV").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "corridor-follow-ups.csv"
    text = saved.read_text(encoding="utf-8-sig")
    assert "Matrix Mouldings" in text and "confidential" in text
    assert "Introduce to APMA" not in text and "Respond to the red flag" not in text
