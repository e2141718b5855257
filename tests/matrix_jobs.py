"""The background-work part of the access matrix (see tests/test_access_matrix.py).

A person sees the jobs they started (alice her import); the coordinator (carol) sees
every job, the scheduled ones (no one's) too. Anyone else asking for a job gets 404,
as if it were not there.

The mayors' briefing built in the background: the member municipalities and the
coordinator office start one (a partner gets 403, as for the briefing built at once);
the finished PDF is for whoever built it and whoever may read that briefing (the
coordinator any, a municipality's people their own municipality's), 404 for others.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from tests.access_rows import Row, everyone, only, participants


def build_jobs(world: Any) -> None:
    from corridor.jobs import services
    from corridor.jobs.tests import tasks

    world.alice_job = services.start(tasks.add, 1, 2, user=world.alice, label="Matrix import")
    world.system_job = services.start(tasks.add, 3, 4, label="Scheduled: matrix scan")
    world.windsor_briefing = _briefing("windsor", world.alice.pk, world.windsor.pk)
    world.region_briefing = _briefing("region", world.carol.pk, None)


def _briefing(name: str, built_by: int, municipality: int | None) -> str:
    """A finished briefing as the worker leaves it. Its token is the same on every run of
    this pytest worker, so a run overwrites the last run's file instead of adding one."""
    from corridor.reports import briefing_files

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    token = hashlib.sha256(f"matrix {worker} {name}".encode()).hexdigest()[:32]
    briefing_files.save(
        briefing_files.StoredBriefing(token, built_by, "2026Q3", municipality, "b.pdf"),
        b"%PDF-1.4 matrix",
    )
    return token


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
    Row(
        "reports-briefing-build",
        lambda w: "/reports/briefing/",
        participants(302, 403),
        method="post",
        data=lambda w: {"quarter": "2026Q3"},
    ),
    Row("reports-briefing-build", lambda w: "/reports/briefing/", everyone(405)),
    Row(
        "reports-briefing-file",
        lambda w: f"/reports/briefings/{w.windsor_briefing}/",
        only({"alice": 200, "carol": 200, "erin": 200}, 404),
    ),
    Row(
        "reports-briefing-file",
        lambda w: f"/reports/briefings/{w.region_briefing}/",
        only({"carol": 200}, 404),
    ),
]
