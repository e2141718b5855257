"""Reading a file into text: plain text, HTML (stdlib parser) and PDF (pypdf).

``read_document`` returns the text and what the file says about itself (a title, a
web address); it never raises on bad content without naming the file."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

TEXT_TYPES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/plain"}
HTML_TYPES = {".html": "text/html", ".htm": "text/html"}
PDF_TYPES = {".pdf": "application/pdf"}
SUPPORTED = {**TEXT_TYPES, **HTML_TYPES, **PDF_TYPES}


class UnreadableDocument(ValueError):
    """A file Corridor cannot read; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class ReadDocument:
    text: str
    media_type: str
    title: str = ""
    url: str = ""
    source: str = ""


_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "figcaption",
        "time",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "nav", "svg", "form", "template", "head"})


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            found = dict(attrs)
            key = (found.get("property") or found.get("name") or "").lower()
            if key and found.get("content"):
                self.meta[key] = found["content"] or ""
        if tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCKS:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str, dict[str, str]]:
    """The visible text of a page, its title and its meta tags."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), parser.title.strip(), parser.meta


def pdf_to_text(data: bytes, name: str) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = ""
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableDocument(f"{name}: not a readable PDF ({exc})") from exc
    return "\n\n".join(pages).strip(), title


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def media_type_of(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if data[:5] == b"%PDF-":
        return "application/pdf"
    if suffix in SUPPORTED:
        return SUPPORTED[suffix]
    head = data[:500].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "text/html"
    raise UnreadableDocument(
        f"{name}: Corridor reads plain text (.txt), web pages (.html) and PDF files (.pdf)"
    )


def read_document(name: str, data: bytes) -> ReadDocument:
    """The text of the file ``name`` with content ``data``."""
    if not data.strip():
        raise UnreadableDocument(f"{name}: the file is empty")
    media_type = media_type_of(name, data)
    if media_type == "application/pdf":
        text, title = pdf_to_text(data, name)
        read = ReadDocument(text, media_type, title)
    elif media_type == "text/html":
        text, title, meta = html_to_text(_decode(data))
        read = ReadDocument(
            text,
            media_type,
            meta.get("og:title") or title,
            meta.get("og:url", ""),
            meta.get("og:site_name", ""),
        )
    else:
        read = ReadDocument(_decode(data), media_type)
    if not read.text.strip():
        raise UnreadableDocument(f"{name}: no text could be read from the file (a scanned PDF?)")
    return read
