"""The Background work pages in a browser: the list, a job's progress bar that follows
the work by polling, a failure's message, and the phone-sized view."""

from __future__ import annotations

from typing import Any

from conftest import PASSWORD
from corridor.jobs import services
from corridor.jobs.models import JobStatus
from corridor.jobs.tests import tasks
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
