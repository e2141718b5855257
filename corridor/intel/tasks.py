"""The intelligence pages' background work: reading documents too long to read inside a
request, and several documents added at once (``views/documents.py`` decides which).

Reading facts takes about a second and a half per 50,000 characters of text (a 300-page
report: close to a minute), so a short document (pasted text, a small text or HTML file,
a PDF of a few pages) is read at once and the officer sees its facts straight away;
anything longer, and every batch of files, goes to the worker and its job page shows
the files read one by one. Uploads wait under ``VAR_DIR/uploads/intel/<token>/`` and
are removed once read. Reading again is safe: a file already read is one document (its
SHA-256), found and not added twice.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_tasks import task

from corridor.core import uploads
from corridor.core.history import WEB, change_context
from corridor.core.models import User
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document
from corridor.intel.readers import UnreadableDocument, media_type_of
from corridor.jobs import services as jobs

QUICK_CHARACTERS = 50_000  # about a second and a half of reading
QUICK_PDF_PAGES = 10
QUICK_HTML_BYTES = 150_000  # markup weighs more than its text


def reads_quickly(name: str, data: bytes) -> bool:
    """Whether one document is short enough to read inside the request."""
    media_type = media_type_of(name, data)
    if media_type == "application/pdf":
        from pypdf import PdfReader

        try:
            return len(PdfReader(io.BytesIO(data)).pages) <= QUICK_PDF_PAGES
        except Exception:  # unreadable: read at once, so the form says why
            return True
    if media_type == "text/html":
        return len(data) <= QUICK_HTML_BYTES
    return len(data) <= QUICK_CHARACTERS


def _uploads() -> Path:
    return Path(settings.VAR_DIR) / "uploads" / "intel"


def keep_for_worker(files: list[tuple[str, bytes]]) -> str:
    """Keep uploaded files (name, content) for the worker; the token naming them."""
    token, place = uploads.new_folder(_uploads())
    for index, (name, data) in enumerate(files):
        # one folder per file keeps each file's own name, even two of the same name
        folder = place / f"{index:03d}"
        folder.mkdir()
        (folder / uploads.own_name(name.strip(), "document.txt")).write_bytes(data)
    return token


def _kept(token: str) -> list[Path]:
    folder = _uploads() / token
    if not token.isalnum() or not folder.is_dir():
        return []
    return [f for part in sorted(folder.iterdir()) for f in sorted(part.iterdir()) if f.is_file()]


def metadata_of(meta: Metadata) -> dict[str, Any]:
    """The form's metadata as the queue stores a task's arguments (JSON)."""
    return {
        "title": meta.title,
        "date": meta.date.isoformat() if meta.date else "",
        "source": meta.source,
        "url": meta.url,
        "jurisdiction": meta.jurisdiction,
        "kind": meta.kind,
    }


def _metadata(values: dict[str, Any], several: bool) -> Metadata:
    date = dt.date.fromisoformat(values["date"]) if values.get("date") else None
    return Metadata(
        # a title, a date and an address name one document: with several, each file's own
        title="" if several else values.get("title", ""),
        date=None if several else date,
        url="" if several else values.get("url", ""),
        source=values.get("source", ""),
        jurisdiction=values.get("jurisdiction", ""),
        kind=values.get("kind", ""),
    )


def _facts(count: int) -> str:
    return f"{count} fact{'' if count == 1 else 's'}"


@task()
def read_documents(token: str, user_id: int, metadata: dict[str, Any]) -> int:
    """Add and read the files kept under ``token``; how many documents were added."""
    files = _kept(token)
    if not files:
        raise jobs.Refused(
            "The uploaded files are no longer here. Add them again. Nothing was added."
        )
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise jobs.Refused("The person who added these files can no longer sign in.")
    meta = _metadata(metadata, several=len(files) > 1)
    report = jobs.progress(every_seconds=0)  # a file takes seconds: show each one
    added: list[Document] = []
    known: list[Document] = []
    unreadable: list[str] = []
    for done, path in enumerate(files):
        report(done, len(files), f"Reading {path.name}")
        try:
            with change_context(user=user, source=WEB):
                document, new = ingest_bytes(user, path.name, path.read_bytes(), meta)
        except UnreadableDocument as exc:
            unreadable.append(str(exc))
            continue
        except PermissionDenied as exc:
            shutil.rmtree(_uploads() / token, ignore_errors=True)
            raise jobs.Refused("You may no longer add documents. Nothing more was added.") from exc
        (added if new else known).append(document)
    report(len(files), len(files), "Read every file")
    if not added and not known:
        shutil.rmtree(_uploads() / token, ignore_errors=True)
        raise jobs.Refused("No file could be read: " + "; ".join(unreadable))
    links = [
        (f"{d.title} ({_facts(getattr(d, 'fact_count', 0))} to check)", _url(d.pk)) for d in added
    ] + [(f"{d.title} (already in Corridor)", _url(d.pk)) for d in known]
    said = [f"Added {len(added)} document{'' if len(added) == 1 else 's'}"]
    if known:
        said.append(f"{len(known)} already in Corridor")
    if unreadable:
        said.append("could not read " + "; ".join(unreadable))
    documents = added + known
    jobs.finished(
        result_url=_url(documents[0].pk) if len(documents) == 1 else "",
        message=", ".join(said) + ".",
        links=links if len(documents) > 1 else None,
    )
    shutil.rmtree(_uploads() / token, ignore_errors=True)
    return len(added)


def _url(pk: int) -> str:
    return reverse("intel-document-detail", args=[pk])
