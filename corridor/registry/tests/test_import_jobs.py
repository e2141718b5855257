"""Importing from the browser in the background worker: the job's page follows the import,
links to its result, and writes what the import in the request wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from corridor.core.scoping import system_scope
from corridor.jobs import services as jobs
from corridor.jobs.models import Job, JobStatus
from corridor.jobs.worker import run_queued
from corridor.registry import tasks
from corridor.registry.importing import import_companies
from corridor.registry.models import ImportRun, SourceRecord
from corridor.registry.tests.test_views import CSV, _upload


@pytest.fixture(autouse=True)
def _var_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def _confirm(client: Any, source: str = "Windsor directory") -> tuple[Job, str]:
    """Preview the list, then confirm it: the import is queued, not yet run."""
    preview = client.post("/registry/import/", {"file": _upload(CSV), "source": source})
    token = preview.context["confirm"].initial["upload"]
    response = client.post("/registry/import/", {"upload": token, "source": source})
    with system_scope("test"):
        job = Job.objects.get()
    assert response.status_code == 302 and response.url == f"/jobs/{job.pk}/"
    return job, token


def _written() -> list[tuple[Any, ...]]:
    with system_scope("test"):
        return sorted(
            SourceRecord.objects.values_list(
                "source", "source_id", "row_number", "status", "match_score", "facility__name",
                "facility__municipality__name", "facility__employees",
            )
        )  # fmt: skip


def test_a_confirmed_import_runs_in_the_worker_and_writes_what_the_request_did(
    world: Any, as_user: Any, settings: Any
) -> None:
    carol = as_user("carol")
    # the same file imported in the request, then undone: what the worker must write
    path = Path(settings.VAR_DIR) / "direct" / "windsor-list.csv"
    path.parent.mkdir(parents=True)
    path.write_text(CSV, encoding="utf-8")
    with transaction.atomic():
        direct = import_companies(path, "Windsor directory", user=world.carol)
        expected = _written()
        transaction.set_rollback(True)
    assert _written() == []

    job, token = _confirm(carol)
    waiting = carol.get(f"/jobs/{job.pk}/").content.decode()
    assert "Import of windsor-list.csv" in waiting and "Waiting" in waiting
    assert "It runs in the background" in waiting  # the message after confirming
    assert _written() == []  # nothing until the worker runs it

    assert run_queued() == 1
    assert _written() == expected
    with system_scope("test"):
        run = ImportRun.objects.get()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 1
    assert (job.done, job.total) == (4, 4)  # the four new rows were matched one by one
    assert job.result_url == f"/registry/import/{run.pk}/"
    assert job.message == direct.summary().replace(str(path.name), "windsor-list.csv")
    assert run.user == world.carol
    assert not (tasks.uploads() / token).exists()  # the upload is removed once imported
    page = carol.get(f"/jobs/{job.pk}/").content.decode()
    assert 'max="1" value="1"' in page and "See the result" in page
    assert f'href="/registry/import/{run.pk}/"' in page
    result = carol.get(job.result_url).content.decode()
    assert "Review the 1 row waiting from this import" in result


def test_the_job_page_shows_the_rows_done_while_the_import_holds_its_transaction(
    world: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    carol = as_user("carol")
    job, _ = _confirm(carol)
    seen: list[str] = []

    def watched(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def step(done: int, total: int) -> None:
            progress(done, total)
            if done == total:  # the last step is always written
                seen.append(carol.get(f"/jobs/{job.pk}/progress/").content.decode())

        return import_companies(*args, progress=step, **kwargs)

    monkeypatch.setattr(tasks, "import_companies", watched)
    run_queued()
    (fragment,) = seen
    assert "Running" in fragment and "hx-get" in fragment  # still polling
    assert 'max="4" value="4"' in fragment
    assert "Matching new rows with the registry: 4 of 4" in fragment
    assert not jobs.progress_file(job.pk).exists()  # cleared once the job ended


def test_a_file_changed_after_its_preview_fails_with_its_reason_and_writes_nothing(
    world: Any, as_user: Any
) -> None:
    carol = as_user("carol")
    job, token = _confirm(carol)
    (upload,) = (tasks.uploads() / token).iterdir()
    upload.write_text("company;town\nAcme;Windsor\n", encoding="utf-8")
    run_queued()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1  # not tried again
    page = carol.get(f"/jobs/{job.pk}/").content.decode()
    assert "Why it failed" in page
    assert "missing required column &#x27;source_id&#x27;" in page
    assert "Nothing was imported." in page
    assert "ImportFileError" not in page.split("Technical detail")[0]
    assert _written() == []
    with system_scope("test"):
        assert not ImportRun.objects.exists()


def test_an_upload_gone_before_the_worker_reached_it_is_explained(world: Any, as_user: Any) -> None:
    import shutil

    carol = as_user("carol")
    job, token = _confirm(carol)
    shutil.rmtree(tasks.uploads() / token)
    run_queued()
    page = as_user("carol").get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "The uploaded file is no longer here" in page and "Choose the file again" in page
    # and the session no longer offers the upload: it cannot be started twice
    again = carol.post("/registry/import/", {"upload": token}, follow=True)
    assert "no longer here" in again.content.decode()
