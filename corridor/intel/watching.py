"""Reading a watched source: an RSS or Atom feed, a web page, or a folder on the server.

``read_source(source)`` reads one ``WatchedSource`` and adds what is new through the
same ingesting as an upload (``ingesting.ingest_bytes``: the text read, its facts
extracted, recipients linked to registry companies), each document marked with the
source (``Document.watched_source``), the source's government and kind of document.

* **feed**: the feed is fetched and parsed by feedparser; each entry is read once
  (a ``WatchedItem`` per source and entry key: its id, else its link, else its title).
  An entry with its full text in the feed (``content``) is read from the feed; one with
  only a summary has its linked page fetched (the summary is kept if the page cannot
  be fetched, and the item says why).
* **page**: the page is one document; it is read again when its text changes (the key
  is the SHA-256 of its text, so a changing date or banner in its markup does not
  make it new).
* **folder**: each file not yet seen (the key is its path inside the folder); a feed
  file (``.xml``, ``.rss``, ``.atom``, or any file that starts like a feed) dropped
  there is read as a feed, entry by entry, so a feed file that grows brings in only
  its new entries.

Fetching uses the standard library (``urllib.request``) with a timeout and a size
limit. Web addresses are ``http``/``https``; ``file:`` addresses and folders must lie
inside ``CORRIDOR_WATCH_ROOT`` (by default ``VAR_DIR/watch``), so a source (or a link in a
feed) never turns a file of the server into a public document. An entry's link is a
``file:`` address only when its feed was itself read from a file.

After a read, new documents are grouped with those reporting the same announcement
(``events.place``), and the source's ``last_read_at``, ``last_status`` and
``last_error`` say what happened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import events
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, SourceKind, WatchedItem, WatchedSource
from corridor.intel.readers import SUPPORTED, UnreadableDocument, read_document

log = logging.getLogger("corridor.intel")

TIMEOUT_SECONDS = 20
MAX_BYTES = 5_000_000  # a press release is tens of KB; a feed a few hundred
FEED_SUFFIXES = (".xml", ".rss", ".atom")
USER_AGENT = "Corridor (auto corridor intelligence; reads public announcements)"
SOURCE = "watch"  # the change history's source of what the worker adds

Progress = Callable[[int, int | None, str], None]


class WatchError(Exception):
    """The source itself could not be read (the feed, the page or the folder)."""


def watch_root() -> Path:
    root = getattr(settings, "CORRIDOR_WATCH_ROOT", None)
    return Path(root or Path(settings.VAR_DIR) / "watch").resolve()


def inside_root(path: Path) -> bool:
    try:
        path.resolve().relative_to(watch_root())
    except ValueError:
        return False
    return True


def check_location(kind: str, location: str) -> str:
    """The location cleaned, or ValueError with what is wrong (for forms and the API)."""
    location = location.strip()
    if not location:
        raise ValueError("Give the feed's or page's web address, or the folder's path.")
    if kind == SourceKind.FOLDER:
        path = Path(location)
        if not path.is_absolute():
            raise ValueError("Give the folder's full path on the server (starting with /).")
        if not inside_root(path):
            raise ValueError(f"Watched folders must be inside {watch_root()}.")
        return str(path)
    parts = urllib.parse.urlsplit(location)
    if parts.scheme in ("http", "https") and parts.netloc:
        return location
    if parts.scheme == "file":
        if not inside_root(Path(urllib.parse.unquote(parts.path))):
            raise ValueError(f"A file address must be inside {watch_root()}.")
        return location
    raise ValueError("Give a web address starting with https:// (or http://).")


# -- fetching ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str
    media_type: str


def refuse_internal(host: str) -> None:
    """WatchError when ``host`` is (or resolves to) an address of the server's own networks:
    loopback, private, link-local or reserved. A watched source is read by the server, so
    it must not reach what only the server can reach (a database, a metadata service).
    ``CORRIDOR_WATCH_ALLOW_INTERNAL`` lifts this (a feed on the office's own network)."""
    if getattr(settings, "CORRIDOR_WATCH_ALLOW_INTERNAL", False):
        return
    try:
        found = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError) as exc:
        raise WatchError(f"{host}: no such host ({exc})") from exc
    for address in found:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved:
            raise WatchError(
                f"{host}: an address of the server's own network ({ip}); Corridor reads only "
                "public web addresses (set CORRIDOR_WATCH_ALLOW_INTERNAL to allow it)"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another public web address."""

    def redirect_request(
        self, req: Any, fp: Any, code: Any, msg: Any, headers: Any, newurl: str
    ) -> Any:
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme not in ("http", "https"):
            raise WatchError(f"{newurl}: a redirect to an address that is not a web address")
        refuse_internal(parts.hostname or "")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_CheckedRedirects)


def fetch(url: str, *, allow_files: bool = False) -> Fetched:
    """The bytes at ``url`` (at most MAX_BYTES, within TIMEOUT_SECONDS); WatchError if not."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "file":
        if not allow_files or not inside_root(Path(urllib.parse.unquote(parts.path))):
            raise WatchError(f"{url}: not a web address Corridor may read")
    elif parts.scheme not in ("http", "https") or not parts.netloc:
        raise WatchError(f"{url}: not a web address")
    if parts.scheme != "file":
        refuse_internal(parts.hostname or "")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
            media_type = (response.headers.get_content_type() or "") if response.headers else ""
            final = response.geturl() or url
    except urllib.error.HTTPError as exc:
        raise WatchError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WatchError(f"{url}: could not be read ({reason})") from exc
    if len(data) > MAX_BYTES:
        raise WatchError(f"{url}: larger than {MAX_BYTES // 1_000_000} MB, not read")
    return Fetched(data, final, media_type)


# -- feeds ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    title: str
    link: str
    summary: str
    content: str
    published: dt.date | None
    publisher: str


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date(*value[:3])
    except (TypeError, ValueError):
        return None


def looks_like_feed(data: bytes) -> bool:
    head = data[:600].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def feed_entries(data: bytes, base_url: str = "") -> list[Entry]:
    """The entries of an RSS or Atom feed, oldest first; WatchError if it is not a feed."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if parsed.get("bozo") and not parsed.entries:
        raise WatchError(f"not a feed ({parsed.get('bozo_exception', 'unreadable')})")
    publisher = str(parsed.feed.get("title", "") or "")
    entries = []
    for item in parsed.entries:
        link = str(item.get("link", "") or "")
        title = html.unescape(str(item.get("title", "") or "")).strip()
        key = str(item.get("id", "") or link or title).strip()
        if not key:
            continue
        content = ""
        for part in item.get("content", []) or []:
            content = max(content, str(part.get("value", "") or ""), key=len)
        entries.append(
            Entry(
                key=key[:500],
                title=title,
                link=link,
                summary=str(item.get("summary", "") or ""),
                content=content,
                published=_date(item.get("published_parsed") or item.get("updated_parsed")),
                publisher=publisher,
            )
        )
    entries.sort(key=lambda e: e.published or dt.date.min)
    return entries


def _has_full_text(entry: Entry) -> bool:
    """An entry whose content is more than its summary (a feed carrying whole releases)."""
    return bool(entry.content) and len(entry.content) > len(entry.summary) + 40


def entry_html(entry: Entry, body: str) -> bytes:
    """An HTML file for an entry read from the feed itself (its title, date, link, text)."""
    date = f"<p>{entry.published.isoformat()}</p>" if entry.published else ""
    title = html.escape(entry.title)
    site = html.escape(entry.publisher)
    return (
        f'<html><head><title>{title}</title><meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{site}"></head>'
        f"<body><h1>{title}</h1>{date}{body}</body></html>"
    ).encode()


# -- reading a source ----------------------------------------------------------------


@dataclass
class WatchReport:
    added: list[Document] = field(default_factory=list)
    known: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: int = 0  # entries seen before

    def status(self) -> str:
        said = [f"{len(self.added)} new document{'' if len(self.added) == 1 else 's'}"]
        if self.known:
            said.append(f"{len(self.known)} already in Corridor")
        if self.errors:
            said.append(f"{len(self.errors)} not readable")
        return ", ".join(said)


class _Reader:
    def __init__(self, source: WatchedSource, progress: Progress | None) -> None:
        self.source = source
        self.report = WatchReport()
        self.progress = progress or (lambda done, total, message: None)
        self.seen = set(WatchedItem.objects.filter(source=source).values_list("key", flat=True))

    # what every kind ends with: one document from bytes, its item written once
    def take(
        self, key: str, title: str, name: str, data: bytes, meta: Metadata, note: str = ""
    ) -> None:
        document: Document | None = None
        error = note
        try:
            document, new = ingest_bytes(None, name, data, meta)
        except UnreadableDocument as exc:
            error = str(exc)
            self.report.errors.append(f"{title or key}: {exc}")
        else:
            (self.report.added if new else self.report.known).append(document)
            if new:
                marks: dict[str, Any] = {"watched_source": self.source}
                if not document.source:  # the file named no publisher: the source is one
                    marks["source"] = self.source.name[:200]
                Document.all_objects.filter(pk=document.pk).update(**marks)
                for name, value in marks.items():
                    setattr(document, name, value)
        try:
            with transaction.atomic():
                WatchedItem.objects.create(
                    source=self.source,
                    key=key[:500],
                    title=(title or document.title if document else title)[:300],
                    seen_at=timezone.now(),
                    document=document,
                    error=error[:500],
                )
        except IntegrityError:
            pass  # read at the same moment by another worker
        self.seen.add(key)

    def meta(
        self, title: str = "", date: dt.date | None = None, url: str = "", publisher: str = ""
    ):
        source = self.source
        return Metadata(
            title=title,
            date=date,
            url=url if url.startswith(("http://", "https://")) else "",
            source=publisher,  # blank: the file's own (og:site_name), else the source's name
            jurisdiction=source.jurisdiction.name if source.jurisdiction_id else "",  # type: ignore[union-attr]
            kind=source.document_kind,
        )

    # feeds
    def read_feed(self, data: bytes, base_url: str, prefix: str, local: bool) -> None:
        try:
            entries = feed_entries(data, base_url)
        except WatchError as exc:
            raise WatchError(f"{prefix or self.source.location}: {exc}") from exc
        fresh = [e for e in entries if prefix + e.key not in self.seen]
        self.report.skipped += len(entries) - len(fresh)
        for done, entry in enumerate(fresh):
            self.progress(done, len(fresh), f"Reading {entry.title or entry.key}")
            self.read_entry(entry, prefix, local)

    def read_entry(self, entry: Entry, prefix: str, local: bool) -> None:
        meta = self.meta(entry.title, entry.published, entry.link, entry.publisher)
        key = prefix + entry.key
        name = _name_for(entry.link or entry.key)
        if _has_full_text(entry):
            self.take(key, entry.title, name, entry_html(entry, entry.content), meta)
            return
        note = ""
        if entry.link:
            try:
                page = fetch(entry.link, allow_files=local)
            except WatchError as exc:
                note = f"page not read, the feed's summary kept: {exc}"
            else:
                self.take(key, entry.title, _name_for(page.url, page.media_type), page.data, meta)
                return
        body = entry.content or entry.summary
        if not body.strip():
            self.report.errors.append(f"{entry.title or entry.key}: {note or 'no text'}")
            self.take_nothing(key, entry.title, note or "the entry has no text")
            return
        self.take(key, entry.title, name, entry_html(entry, body), meta, note)

    def take_nothing(self, key: str, title: str, error: str) -> None:
        try:
            with transaction.atomic():
                WatchedItem.objects.create(
                    source=self.source, key=key[:500], title=title[:300],
                    seen_at=timezone.now(), error=error[:500],
                )  # fmt: skip
        except IntegrityError:
            pass
        self.seen.add(key)

    # pages
    def read_page(self) -> None:
        location = self.source.location
        page = fetch(location, allow_files=True)
        try:
            read = read_document(_name_for(page.url, page.media_type), page.data)
        except UnreadableDocument as exc:
            raise WatchError(str(exc)) from exc
        key = "page:" + hashlib.sha256(read.text.encode()).hexdigest()
        if key in self.seen:
            self.report.skipped += 1
            return
        self.progress(0, 1, f"Reading {location}")
        self.take(key, read.title, _name_for(page.url, page.media_type), page.data,
                  self.meta(url=page.url))  # fmt: skip

    # folders
    def read_folder(self) -> None:
        folder = Path(self.source.location)
        if not inside_root(folder):
            raise WatchError(f"{folder}: watched folders must be inside {watch_root()}")
        if not folder.is_dir():
            raise WatchError(f"{folder}: no such folder")
        files = [p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")]
        for done, path in enumerate(files):
            relative = path.relative_to(folder).as_posix()
            if relative in self.seen:
                self.report.skipped += 1
                continue
            try:
                data = path.read_bytes()[: MAX_BYTES + 1]
            except OSError as exc:
                self.report.errors.append(f"{relative}: {exc}")
                continue
            if path.suffix.lower() in FEED_SUFFIXES or looks_like_feed(data):
                try:
                    self.read_feed(data, path.as_uri(), relative + "#", local=True)
                except WatchError as exc:
                    self.report.errors.append(str(exc))
                continue
            self.progress(done, len(files), f"Reading {relative}")
            if len(data) > MAX_BYTES:
                self.report.errors.append(f"{relative}: larger than {MAX_BYTES // 1_000_000} MB")
                self.take_nothing(relative, path.name, "too large")
                continue
            if path.suffix and path.suffix.lower() not in SUPPORTED:
                self.report.skipped += 1
                continue
            self.take(relative, "", path.name, data, self.meta())


def _name_for(url: str, media_type: str = "") -> str:
    """A file name for what an address gave (its kind tells the reader how to read it)."""
    tail = Path(urllib.parse.urlsplit(url).path).name or "page"
    if media_type == "application/pdf" and not tail.lower().endswith(".pdf"):
        return tail + ".pdf"
    if media_type == "text/plain" and "." not in tail:
        return tail + ".txt"
    if Path(tail).suffix.lower() not in SUPPORTED:
        return tail + ".html"
    return tail


def read_source(source: WatchedSource, progress: Progress | None = None) -> WatchReport:
    """Read one source now; record what happened on it. Raises WatchError (also recorded)
    when the source itself could not be read."""
    started = time.monotonic()
    with system_scope("the worker reads a watched source"), change_context(source=SOURCE):
        reader = _Reader(source, progress)
        try:
            if source.kind == SourceKind.FEED:
                fetched = fetch(source.location, allow_files=True)
                local = fetched.url.startswith("file:")
                reader.read_feed(fetched.data, fetched.url, "", local)
            elif source.kind == SourceKind.PAGE:
                reader.read_page()
            else:
                reader.read_folder()
        except WatchError as exc:
            _record(source, reader.report, str(exc))
            raise
        for document in reader.report.added:
            events.place(document)
        _record(source, reader.report, "; ".join(reader.report.errors))
    log.info(
        "Read %s: %s (%.1f s)", source.name, reader.report.status(), time.monotonic() - started
    )
    return reader.report


def _record(source: WatchedSource, report: WatchReport, error: str) -> None:
    now = timezone.now()
    status = report.status() if not error or report.added else "Not read"
    WatchedSource.all_objects.filter(pk=source.pk).update(
        last_read_at=now, last_status=status[:300], last_error=error[:5000], updated_at=now
    )
    source.last_read_at, source.last_status, source.last_error = now, status[:300], error[:5000]


def due(now: dt.datetime | None = None) -> list[WatchedSource]:
    """The active sources whose time has come (never read, or read ``every_hours`` ago)."""
    now = now or timezone.now()
    with system_scope("which watched sources are due"):
        sources = list(WatchedSource.objects.filter(active=True).select_related("jurisdiction"))
    return [s for s in sources if is_due(s, now)]


def is_due(source: WatchedSource, now: dt.datetime) -> bool:
    if source.last_read_at is None:
        return True
    # a read a few minutes early still counts: the schedule ticks every 15 minutes
    slack = dt.timedelta(minutes=5)
    return source.last_read_at + dt.timedelta(hours=source.every_hours) - slack <= now


# -- configuring sources (the coordinator) -------------------------------------------

SOURCE_FIELDS = (
    "name", "kind", "location", "jurisdiction", "document_kind", "every_hours", "active",
)  # fmt: skip


def _check(source: WatchedSource) -> None:
    from django.core.exceptions import ValidationError

    try:
        source.location = check_location(source.kind, source.location)
    except ValueError as exc:
        raise ValidationError({"location": str(exc)}) from exc
    if not 1 <= source.every_hours <= 24 * 7:
        raise ValidationError({"every_hours": "Read it every 1 to 168 hours (a week)."})


def create_source(user: Any, **values: Any) -> WatchedSource:
    from corridor.core import policy

    policy.require_create(user, WatchedSource)
    unknown = set(values) - set(SOURCE_FIELDS)
    if unknown:
        raise ValueError(f"not source fields: {sorted(unknown)}")
    source = WatchedSource(added_by=user if getattr(user, "pk", None) else None, **values)
    _check(source)
    source.full_clean()
    source.save()
    return source


def update_source(
    user: Any, source: WatchedSource, changes: dict[str, Any], expected_version: int
) -> WatchedSource:
    from corridor.core.services import update_versioned

    update_versioned(user, source, changes, expected_version, allowed=SOURCE_FIELDS, check=_check)
    return source


def delete_source(user: Any, source: WatchedSource) -> None:
    """Stop watching (soft: the documents it brought in stay, and say where they came from)."""
    from corridor.core import policy

    policy.require_delete(user, source)
    source.delete()
