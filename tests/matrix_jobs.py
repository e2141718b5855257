"""The background-work part of the access matrix (see tests/test_access_matrix.py).

A person sees the jobs they started (alice her import); the coordinator (carol) sees
every job, the scheduled ones (no one's) too. Anyone else asking for a job gets 404,
as if it were not there.
"""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row, everyone, only


def build_jobs(world: Any) -> None:
    from corridor.jobs import services
    from corridor.jobs.tests import tasks

    world.alice_job = services.start(tasks.add, 1, 2, user=world.alice, label="Matrix import")
    world.system_job = services.start(tasks.add, 3, 4, label="Scheduled: matrix scan")


JOB_PAGES: list[Row] = [
    Row("job-list", lambda w: "/jobs/", everyone(200)),
    Row("job-list", lambda w: "/jobs/?status=failed", everyone(200)),
    Row(
        "job-detail",
        lambda w: f"/jobs/{w.alice_job.pk}/",
        only({"alice": 200, "carol": 200}, 404),
    ),
    Row("job-detail", lambda w: f"/jobs/{w.system_job.pk}/", only({"carol": 200}, 404)),
    Row(
        "job-progress",
        lambda w: f"/jobs/{w.alice_job.pk}/progress/",
        only({"alice": 200, "carol": 200}, 404),
    ),
    Row("job-progress", lambda w: f"/jobs/{w.system_job.pk}/progress/", only({"carol": 200}, 404)),
]
