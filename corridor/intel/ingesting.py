"""Adding documents to Corridor and reading their facts.

``ingest`` is what the command, the upload page, the API and the demo call. The
same file twice is one document (its SHA-256 is its identity); the raw file is kept.
Each document is written with its facts and its search index in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.intel import extraction
from corridor.intel.extraction import dates, jurisdictions
from corridor.intel.extraction.text import paragraphs
from corridor.intel.extraction.trends import find_trends
from corridor.intel.fact_records import store_facts, trend_tags
from corridor.intel.models import Document, DocumentKind, Jurisdiction
from corridor.intel.readers import SUPPORTED, UnreadableDocument, read_document
from corridor.intel.search import index_document

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the person adding a document says about it (blank: Corridor works it out)."""

    title: str = ""
    date: dt.date | None = None
    source: str = ""
    url: str = ""
    jurisdiction: str = ""
    kind: str = ""
    is_demo: bool = False


@dataclass
class IngestReport:
    added: list[Document] = field(default_factory=list)
    unchanged: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def facts(self) -> int:
        return sum(getattr(d, "fact_count", 0) for d in self.added)


def guess_kind(text: str, title: str) -> str:
    head = (title + " " + text[:600]).lower()
    if any(
        w in head
        for w in ("news release", "press release", "/cnw/", "for immediate release", "communiqué")
    ):
        return DocumentKind.PRESS_RELEASE
    if any(w in title.lower() for w in ("strategy", "policy", "plan", "budget", "stratégie")):
        return DocumentKind.POLICY
    if len(text.split()) > 900 or "recommendation" in head:
        return DocumentKind.REPORT
    return DocumentKind.NEWS


def guess_title(text: str, fallback: str) -> str:
    for paragraph in paragraphs(text)[:6]:
        line = paragraph.strip(" •-")
        if len(line) < 12 or (dates.parse_date(line) and len(line) < 40):
            continue
        if line.lower().startswith(("date ", "there are no suggestions", "skip to")):
            continue
        return line[:200].rstrip() + ("…" if len(line) > 200 else "")
    return fallback


def jurisdiction_named(name: str) -> Jurisdiction | None:
    """The Jurisdiction row for a name from the extraction data, created on first use."""
    if not name:
        return None
    found = jurisdictions.by_name(name)
    with system_scope("jurisdictions are reference data named by the extraction data"):
        existing = Jurisdiction.objects.filter(name__iexact=name).first()
        if existing is not None:
            return existing
        if found is None:
            return None
        return Jurisdiction.objects.create(name=found.name, kind=found.kind, country=found.country)


def ingest_bytes(
    user: Any, name: str, data: bytes, meta: Metadata | None = None
) -> tuple[Document, bool]:
    """Add one file; returns the document and whether it is new. Raises UnreadableDocument.

    ``user`` None is the machine's operator (``corridor ingest``, the demo)."""
    if user is not None:
        policy.require_create(user, Document)
    meta = meta or Metadata()
    digest = hashlib.sha256(data).hexdigest()
    with system_scope("a file is one document whoever added it first"):
        existing = Document.all_objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    read = read_document(name, data)
    text = read.text
    title = meta.title or read.title or guess_title(text, Path(name).stem)
    # read the facts before the write transaction: a long document takes seconds, and on
    # SQLite an open write transaction keeps every other writer waiting
    found = extraction.extract_facts(text)
    trends = find_trends(text)
    with transaction.atomic(), system_scope("writing a document the policy let this user add"):
        document = Document(
            title=title[:300],
            date=meta.date or dates.document_date(text),
            source=(meta.source or read.source)[:200],
            url=meta.url or read.url,
            jurisdiction=jurisdiction_named(
                meta.jurisdiction or jurisdictions.place_in(text) or ""
            ),
            kind=meta.kind or guess_kind(text, title),
            text=text,
            content_hash=digest,
            file_name=Path(name).name[:255],
            media_type=read.media_type,
            raw=data,
            is_demo=meta.is_demo,
            added_by=user if getattr(user, "pk", None) else None,
        )
        document.full_clean(exclude=["raw", "content_hash"])
        document.save()
        index_document(document)
        document.trends.set(trend_tags(trends))
        document.fact_count = len(store_facts(document, found))  # type: ignore[attr-defined]
    return document, True


def files_in(paths: Iterable[str | Path]) -> list[Path]:
    """The readable files named, folders searched (in name order)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and (p.suffix.lower() in SUPPORTED or not p.suffix)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UnreadableDocument(f"{path}: no such file or folder")
    return found


def ingest_paths(
    user: Any,
    paths: Iterable[str | Path],
    meta: Metadata | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Add every file; a file that cannot be read is reported by name and the others go on."""
    report = IngestReport()
    for path in files_in(paths):
        if progress:
            progress(path.name)
        try:
            document, new = ingest_bytes(user, str(path), path.read_bytes(), meta)
        except UnreadableDocument as exc:
            report.errors.append(str(exc))
            continue
        (report.added if new else report.unchanged).append(document)
    return report


def extract_file(path: str | Path) -> list[dict[str, Any]]:
    """The facts of one file, as ``corridor extract-facts --json`` prints them (no database)."""
    read = read_document(str(path), Path(path).read_bytes())
    return [fact.as_json() for fact in extraction.extract_facts(read.text)]
