"""The Background work pages: whose jobs a person sees, the progress fragment, errors."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.jobs import services
from corridor.jobs.models import JobStatus
from corridor.jobs.tests import tasks
from corridor.jobs.worker import run_queued

pytestmark = pytest.mark.django_db


def _jobs(world: Any) -> dict[str, Any]:
    mine = services.start(tasks.add, 1, 1, user=world.alice, label="Alice's import")
    bobs = services.start(tasks.add, 2, 2, user=world.bob, label="Bob's briefing")
    system = services.start(tasks.add, 3, 3, label="Scheduled: reminders")
    return {"alice": mine, "bob": bobs, "system": system}


def test_a_person_sees_their_own_jobs_and_the_coordinator_sees_all(
    world: Any, as_user: Any
) -> None:
    _jobs(world)
    alice = as_user("alice").get("/jobs/").content.decode()
    assert "Alice&#x27;s import" in alice and "Bob" not in alice and "Scheduled" not in alice
    carol = as_user("carol").get("/jobs/").content.decode()
    for label in ("Alice&#x27;s import", "Bob&#x27;s briefing", "Scheduled: reminders"):
        assert label in carol
    assert "Started by" in carol and "Started by" not in alice
    assert "No background work" in as_user("dave").get("/jobs/").content.decode()


def test_the_status_filter(world: Any, as_user: Any) -> None:
    jobs = _jobs(world)
    services.update(jobs["bob"].pk, status=JobStatus.FAILED, error="ValueError: bad")
    page = as_user("carol").get("/jobs/?status=failed").content.decode()
    assert "Bob&#x27;s briefing" in page and "Alice" not in page
    assert "ValueError: bad" in page
    assert "Alice" in as_user("carol").get("/jobs/?status=nonsense").content.decode()


def test_a_job_page_polls_while_it_runs_and_stops_when_done(world: Any, as_user: Any) -> None:
    job = _jobs(world)["alice"]
    page = as_user("alice").get(f"/jobs/{job.pk}/").content.decode()
    assert f'hx-get="/jobs/{job.pk}/progress/"' in page and "Waiting" in page
    assert as_user("bob").get(f"/jobs/{job.pk}/").status_code == 404
    assert as_user("bob").get(f"/jobs/{job.pk}/progress/").status_code == 404
    run_queued()
    fragment = as_user("alice").get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "hx-get" not in fragment and "Done" in fragment
    assert 'max="3" value="3"' in fragment or 'max="1" value="1"' in fragment
    assert 'href="/jobs/"' in fragment  # the task's result link


def test_progress_written_inside_a_transaction_is_read_from_its_file(
    world: Any, as_user: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    job = _jobs(world)["alice"]
    services.update(job.pk, status=JobStatus.RUNNING)
    token = services._current.set(job.pk)
    depth = services._depth.set(0)
    try:
        # the test's own transaction is open: the task is "inside a transaction"
        services.progress(every_seconds=0)(40, 120, "Row 40")
    finally:
        services._current.reset(token)
        services._depth.reset(depth)
    assert services.progress_file(job.pk).exists()
    fragment = as_user("alice").get(f"/jobs/{job.pk}/progress/").content.decode()
    assert 'max="120" value="40"' in fragment and "Row 40" in fragment and "33%" in fragment


def test_a_failed_job_shows_its_error_and_only_the_coordinator_its_traceback(
    world: Any, as_user: Any, settings: Any, tmp_path: Any
) -> None:
    settings.CORRIDOR_JOB_RETRY_SECONDS = 0
    job = services.start(tasks.fails_until, str(tmp_path), 99, user=world.alice)
    run_queued()
    alice = as_user("alice").get(f"/jobs/{job.pk}/").content.decode()
    assert "Why it failed" in alice and "the supplier list is unreadable" in alice
    assert "Traceback" not in alice and "3 of 3" in alice
    carol = as_user("carol").get(f"/jobs/{job.pk}/").content.decode()
    assert "Traceback" in carol and "Technical detail" in carol


def _queries(client: Any, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_job_list_reads_the_same_number_of_queries_for_3_and_15_jobs(
    world: Any, as_user: Any
) -> None:
    carol = as_user("carol")
    people = [world.alice, world.bob, world.erin]
    for n in range(3):
        services.start(tasks.add, n, n, user=people[n % 3], label=f"Import {n}")
    few = _queries(carol, "/jobs/")
    for n in range(3, 15):
        services.start(tasks.add, n, n, user=people[n % 3], label=f"Import {n}")
    assert _queries(carol, "/jobs/") == few


def test_refused_work_fails_at_once_with_its_message_as_written(world: Any, as_user: Any) -> None:
    job = services.start(
        tasks.refuses, "The file is empty. Nothing was imported.", user=world.alice
    )
    assert run_queued() == 1
    page = as_user("alice").get(f"/jobs/{job.pk}/").content.decode()
    assert "Why it failed" in page and "1 of 3" in page  # not tried again
    assert "<p>The file is empty. Nothing was imported.</p>" in page  # no exception's name
    assert (
        as_user("alice").get("/jobs/?status=failed").content.decode().count("The file is empty")
        == 1
    )


def test_work_that_made_several_things_links_to_each(world: Any, as_user: Any) -> None:
    job = services.start(tasks.makes_two_things, user=world.alice)
    run_queued()
    page = as_user("alice").get(f"/jobs/{job.pk}/").content.decode()
    assert "What it made" in page
    assert '<a href="/jobs/?status=succeeded">First &lt;thing&gt;</a>' in page
    assert '<a href="/jobs/">Second thing</a>' in page


def test_every_page_links_to_background_work_and_marks_it_there(world: Any, as_user: Any) -> None:
    link = 'href="/jobs/" aria-current="page">Background work</a>'
    assert link in as_user("alice").get("/jobs/").content.decode()
    home = as_user("alice").get("/").content.decode()
    assert 'href="/jobs/" >Background work</a>' in home and link not in home
