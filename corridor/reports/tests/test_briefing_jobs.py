"""The mayors' briefing built in the background: the dashboard's button starts it, the
job's page follows it and links to the PDF, which only its readers may download."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from corridor.core.scoping import system_scope
from corridor.jobs.models import Job, JobStatus
from corridor.jobs.worker import run_queued
from corridor.reports import briefing_files
from corridor.reports.tests.test_dashboards import corridor  # noqa: F401


@pytest.fixture(autouse=True)
def _var_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _build(client: Any, **form: Any) -> Job:
    response = client.post("/reports/briefing/", {"quarter": "2026Q4", **form})
    assert response.status_code == 302, response
    with system_scope("test"):
        job = Job.objects.order_by("-pk").first()
    assert job is not None and response.url == f"/jobs/{job.pk}/"
    return job


def _download(client: Any, job: Job) -> Any:
    return client.get(job.result_url)


def test_the_dashboard_builds_the_briefing_in_the_background(
    as_user: Any,
    world: Any,
    corridor: Any,  # noqa: F811
) -> None:
    alice = as_user("alice")
    dashboard = alice.get("/reports/?quarter=2026Q4").content.decode()
    assert 'action="/reports/briefing/"' in dashboard and "Build the mayors' briefing" in dashboard
    job = _build(alice)
    assert job.label == "Mayors' briefing 2026 Q4, Windsor"
    assert "Waiting" in alice.get(f"/jobs/{job.pk}/").content.decode()
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 1
    # the gaps, Windsor, the PDF: every step reported, the last one on the Job
    assert (job.done, job.total) == (3, 3)
    assert job.result_url.startswith("/reports/briefings/")
    page = alice.get(f"/jobs/{job.pk}/").content.decode()
    assert f'href="{job.result_url}"' in page and "Download the briefing (PDF)" in page
    response = _download(alice, job)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="briefing-2026Q4-windsor.pdf"' in response["Content-Disposition"]
    built = _text(b"".join(response.streaming_content))
    # the same briefing as the one built in the request
    direct = _text(alice.get("/reports/briefing.pdf?quarter=2026Q4").content)
    assert built == direct and all("Oshawa" not in p for p in built)


def test_the_coordinators_region_briefing_shows_each_step(
    as_user: Any,
    world: Any,
    corridor: Any,  # noqa: F811
) -> None:
    carol = as_user("carol")
    job = _build(carol)
    run_queued()
    job.refresh_from_db()
    # the gaps, the region, Oshawa and Windsor, the PDF
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 5, 5)
    pages = _text(b"".join(_download(carol, job).streaming_content))
    assert "The region" in pages[0] and any(p.lstrip().startswith("Oshawa") for p in pages)


def test_only_the_briefings_readers_may_download_it(
    as_user: Any,
    world: Any,
    corridor: Any,  # noqa: F811
) -> None:
    windsor = _build(as_user("alice"))  # alice, Windsor's editor
    region = _build(as_user("carol"))
    oshawa = _build(as_user("carol"), municipality=str(world.oshawa.pk))
    run_queued()
    for job in (windsor, region, oshawa):
        job.refresh_from_db()
    expected = {
        # Windsor's: alice built it; erin (Windsor) and the coordinator read Windsor's
        windsor: {"alice": 200, "erin": 200, "carol": 200, "bob": 404, "dave": 404},
        # the region's: the coordinator's only
        region: {"alice": 404, "erin": 404, "carol": 200, "bob": 404, "dave": 404},
        # Oshawa's, built by the coordinator: bob is Oshawa's
        oshawa: {"alice": 404, "erin": 404, "carol": 200, "bob": 200, "dave": 404},
    }
    for job, statuses in expected.items():
        got = {name: _download(as_user(name), job).status_code for name in statuses}
        assert got == statuses, job.label
    assert _download(as_user("anonymous"), windsor).status_code == 302  # to sign in
    assert as_user("alice").get("/reports/briefings/" + "0" * 32 + "/").status_code == 404
    assert as_user("alice").get("/reports/briefings/..%2Fsecret_key/").status_code == 404


def test_a_partner_cannot_build_one_and_an_officer_cannot_choose_another_municipality(
    as_user: Any,
    world: Any,
    corridor: Any,  # noqa: F811
) -> None:
    assert as_user("dave").post("/reports/briefing/", {"quarter": "2026Q4"}).status_code == 403
    assert as_user("dave").get("/reports/briefing/").status_code == 405
    assert as_user("alice").post("/reports/briefing/", {"quarter": "2026Q9"}).status_code == 404
    job = _build(as_user("alice"), municipality=str(world.oshawa.pk))
    assert job.label.endswith("Windsor")  # her own, whatever she asks for
    with system_scope("test"):
        assert Job.objects.count() == 1


def test_a_briefing_that_cannot_be_built_says_why_on_its_page(
    as_user: Any,
    world: Any,
    corridor: Any,  # noqa: F811
) -> None:
    carol = as_user("carol")
    job = _build(carol, municipality=str(world.oshawa.pk))
    with system_scope("test"):
        world.oshawa.delete()
    run_queued()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1 and not job.result_url
    page = carol.get(f"/jobs/{job.pk}/").content.decode()
    assert "The municipality of this briefing is no longer in Corridor." in page
    assert list(briefing_files.folder().glob("*.pdf")) == []
