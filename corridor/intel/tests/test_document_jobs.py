"""Adding documents read in the background worker: several files at once and a long
document; the job's page follows them and links to each document."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from conftest import client_for
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.intel import tasks
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, Fact
from corridor.intel.tests.helpers import ANNOUNCEMENT, DATA
from corridor.jobs.models import Job, JobStatus
from corridor.jobs.worker import run_queued

TRAYS = DATA / "files" / "battery-trays.pdf"
OHIO = DATA / "files" / "jobsohio.html"


@pytest.fixture(autouse=True)
def _var_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def _file(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def _job(response: Any) -> Job:
    with system_scope("test"):
        job = Job.objects.order_by("-pk").first()
    assert job is not None
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    return job


def _facts() -> list[tuple[Any, ...]]:
    with system_scope("test"):
        return sorted(
            Fact.objects.values_list(
                "document__file_name", "kind", "funder", "recipient", "amount_cad", "jobs",
                "jurisdiction__name", "position",
            )
        )  # fmt: skip


def test_several_files_are_read_in_the_background_one_by_one(world: Any) -> None:
    # what reading each file in the request writes, then undone
    with transaction.atomic():
        for path in (TRAYS, OHIO):
            ingest_bytes(world.alice, path.name, path.read_bytes(), Metadata(source="Newsroom"))
        expected = _facts()
        transaction.set_rollback(True)
    assert expected and _facts() == []

    alice = client_for(world.alice)
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really")
    response = alice.post(
        "/intel/add/",
        {"file": [_file(TRAYS), _file(OHIO), broken], "source": "Newsroom", "title": "Ignored"},
    )
    job = _job(response)
    assert job.label == "Reading 3 documents"
    assert "Waiting" in alice.get(f"/jobs/{job.pk}/").content.decode()
    with system_scope("test"):
        assert not Document.objects.exists()  # nothing read in the request

    assert run_queued() == 1
    assert _facts() == expected
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 1
    assert (job.done, job.total) == (3, 3)
    assert job.message.startswith("Added 2 documents, could not read broken.pdf: not a readable")
    with system_scope("test"):
        trays = Document.objects.get(file_name="battery-trays.pdf")
        ohio = Document.objects.get(file_name="jobsohio.html")
        # the title was for one document: each file has its own; the source is for all
        assert "Ignored" not in (trays.title, ohio.title)
        assert trays.source == ohio.source == "Newsroom"
        assert trays.added_by == world.alice
        assert ChangeRecord.objects.filter(object_id=str(trays.pk), user=world.alice).exists()
    page = alice.get(f"/jobs/{job.pk}/").content.decode()
    assert "What it made" in page
    assert f'href="/intel/documents/{trays.pk}/"' in page
    assert f'href="/intel/documents/{ohio.pk}/"' in page
    assert "(1 fact to check)" in page
    assert list((Path(tasks._uploads())).iterdir()) == []  # the uploads are removed

    # the same files again: found, not added twice
    again = _job(alice.post("/intel/add/", {"file": [_file(TRAYS), _file(OHIO)]}))
    run_queued()
    again.refresh_from_db()
    assert again.message == "Added 0 documents, 2 already in Corridor."
    assert "(already in Corridor)" in alice.get(f"/jobs/{again.pk}/").content.decode()
    with system_scope("test"):
        assert Document.objects.count() == 2


def _long_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=LETTER)
    for number in range(pages):
        pdf.drawString(72, 700, f"Page {number + 1}. " + ANNOUNCEMENT.splitlines()[-1][:80])
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_long_document_is_read_in_the_background_and_a_short_one_at_once(world: Any) -> None:
    assert tasks.reads_quickly("short.pdf", _long_pdf(tasks.QUICK_PDF_PAGES))
    assert not tasks.reads_quickly("long.pdf", _long_pdf(tasks.QUICK_PDF_PAGES + 1))
    bob = client_for(world.bob)
    long_text = ANNOUNCEMENT + "\n\n" + "The plant is on the river. " * 2000
    assert len(long_text) > tasks.QUICK_CHARACTERS
    job = _job(bob.post("/intel/add/", {"text": long_text, "title": "A long announcement"}))
    assert job.label == "Reading A long announcement.txt"
    run_queued()
    job.refresh_from_db()
    with system_scope("test"):
        document = Document.objects.get()
    assert document.title == "A long announcement"  # one document: the form's title
    assert job.status == JobStatus.SUCCEEDED
    assert job.result_url == f"/intel/documents/{document.pk}/" and job.links == []
    assert "See the result" in bob.get(f"/jobs/{job.pk}/").content.decode()
    # a short one is read in the request, as before
    short = bob.post("/intel/add/", {"text": ANNOUNCEMENT})
    assert short.status_code == 302 and short["Location"].startswith("/intel/documents/")


def test_files_none_of_which_can_be_read_fail_with_the_reasons(world: Any) -> None:
    alice = client_for(world.alice)
    files = [
        SimpleUploadedFile("a.pdf", b"%PDF-1.4 broken"),
        SimpleUploadedFile("b.pdf", b"%PDF-1.4 also broken"),
    ]
    job = _job(alice.post("/intel/add/", {"file": files}))
    run_queued()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1
    page = alice.get(f"/jobs/{job.pk}/").content.decode()
    assert "Why it failed" in page and "No file could be read: a.pdf: not a readable PDF" in page
    assert "b.pdf: not a readable PDF" in page
    with system_scope("test"):
        assert not Document.objects.exists()


def test_too_many_files_at_once_are_refused_on_the_form(world: Any) -> None:
    files = [SimpleUploadedFile(f"{n}.txt", b"text") for n in range(51)]
    page = client_for(world.alice).post("/intel/add/", {"file": files})
    assert page.status_code == 200
    assert "Choose at most 50 files at a time." in page.content.decode()
    with system_scope("test"):
        assert not Job.objects.exists()


def test_an_uploaded_files_name_cannot_leave_its_folder(world: Any) -> None:
    token = tasks.keep_for_worker([("..", b"one"), ("../../escape.txt", b"two"), (".", b"3")])
    kept = tasks._kept(token)
    assert [p.name for p in kept] == ["document.txt", "escape.txt", "document.txt"]
    assert all(p.is_relative_to(tasks._uploads() / token) for p in kept)
    assert [p.read_bytes() for p in kept] == [b"one", b"two", b"3"]
