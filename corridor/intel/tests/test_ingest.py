"""Adding documents: text, HTML and PDF, idempotent, with clear errors and the raw file kept."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from corridor.core.scoping import system_scope
from corridor.intel.ingesting import Metadata, ingest_bytes, ingest_paths
from corridor.intel.models import Document, DocumentKind, Fact
from corridor.intel.readers import UnreadableDocument, read_document
from corridor.intel.tests.helpers import ANNOUNCEMENT, DATA, add_text
from corridor.intel.tests.test_seeds import JSON_KEYS


def test_a_text_document_is_stored_with_its_facts_and_raw_file(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        [fact] = Fact.objects.filter(document=document)
        assert bytes(document.raw) == ANNOUNCEMENT.encode("utf-8")
        assert str(document.date) == "2022-03-04"
        assert str(document.jurisdiction) == "Ontario"
        assert document.title == "Ontario Supports Auto Parts Expansion in Tecumseh"
        assert {t.slug for t in document.trends.all()} >= {"electrification"}
    assert (fact.amount_cad, fact.jobs, fact.total_value_cad) == (3_500_000, 45, 23_000_000)
    assert fact.recipient == "Acme Stamping Inc."
    assert fact.extracted["amount_cad"] == 3_500_000


def test_adding_the_same_file_again_changes_nothing(world: Any) -> None:
    first = add_text(world.alice)
    again = add_text(world.bob)
    with system_scope("test"):
        assert again.pk == first.pk
        assert Document.objects.count() == 1
        assert Fact.objects.count() == 1


def test_an_html_page_is_read_without_its_scripts_and_menus() -> None:
    read = read_document("jobsohio.html", (DATA / "files" / "jobsohio.html").read_bytes())
    assert read.title == "JobsOhio backs a Lima motor plant"
    assert read.source == "Example Ohio News"
    assert "$15 million grant" in read.text
    assert "$99 million" not in read.text and "menu" not in read.text


def test_a_pdf_is_read_with_pypdf() -> None:
    read = read_document("battery-trays.pdf", (DATA / "files" / "battery-trays.pdf").read_bytes())
    assert read.media_type == "application/pdf"
    assert read.title == "Ontario Supports Battery Parts Maker in Windsor"
    assert "$2.4 million in Lakeshore Cell Trays Inc." in read.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n", "empty.txt: the file is empty"),
        ("sheet.xlsx", b"PK\x03\x04 not a document", "sheet.xlsx: Corridor reads plain text"),
        ("broken.pdf", b"%PDF-1.4 nothing else", "broken.pdf: not a readable PDF"),
    ],
)
def test_an_unreadable_file_is_refused_with_its_name(name: str, data: bytes, message: str) -> None:
    with pytest.raises(UnreadableDocument, match=message):
        read_document(name, data)


def test_a_folder_is_ingested_file_by_file_and_bad_files_are_named(
    world: Any, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes((DATA / "files" / "battery-trays.pdf").read_bytes())
    (tmp_path / "c.txt").write_bytes(b"")
    report = ingest_paths(None, [tmp_path])
    assert len(report.added) == 2
    assert report.errors == [f"{tmp_path / 'c.txt'}: the file is empty"]
    again = ingest_paths(None, [tmp_path])
    assert (len(again.added), len(again.unchanged)) == (0, 2)


def test_the_ingest_command_reads_the_seed_folder_once(world: Any) -> None:
    out = StringIO()
    call_command("ingest", str(DATA / "seeds"), stdout=out)
    assert "3 documents added (3 facts)" in out.getvalue()
    out = StringIO()
    call_command("ingest", str(DATA / "seeds"), stdout=out)
    assert "0 documents added (0 facts), 3 already in Corridor" in out.getvalue()


def test_the_ingest_command_names_a_missing_path() -> None:
    with pytest.raises(CommandError, match=r"nowhere\.txt: no such file or folder"):
        call_command("ingest", "nowhere.txt")


def test_extract_facts_prints_the_json_interface(capsys: Any) -> None:
    call_command("extract-facts".replace("-", "_"), str(DATA / "seeds" / "o-amp.txt"), "--json")
    [fact] = json.loads(capsys.readouterr().out)
    assert list(fact) == JSON_KEYS
    assert (fact["amount_cad"], fact["jobs"], fact["projects"]) == (12_000_000, 613, 100)


def test_only_officers_and_the_coordinator_add_documents(world: Any) -> None:
    for user in (world.dave, world.erin):
        with pytest.raises(PermissionDenied):
            ingest_bytes(user, "x.txt", b"text", Metadata())
    assert add_text(world.carol, kind=DocumentKind.POLICY).kind == DocumentKind.POLICY
