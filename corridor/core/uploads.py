"""Files an officer uploaded, kept on disk between a preview and the import.

The registry's and the contacts' imports show what a file holds before anything is
written, and the documents' upload hands long files to the worker; meanwhile each file
waits in a folder of its own named by a random token. For a preview the officer's
session remembers the token, so nobody else can confirm that file.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.http import HttpRequest

KEEP_SECONDS = 24 * 3600  # a file nobody came back for within a day is swept away


def own_name(name: str | None, default: str) -> str:
    """The file's own name (its last part, no NUL), or ``default`` when nothing is left."""
    own = Path(name or "").name.replace("\x00", "")
    return own if own.strip(". ") else default


def sweep(folder: Path, keep_seconds: int = KEEP_SECONDS) -> None:
    """Remove the token folders under ``folder`` left for longer than ``keep_seconds``."""
    if not folder.is_dir():
        return
    limit = time.time() - keep_seconds
    for kept in folder.iterdir():
        if kept.is_dir() and kept.stat().st_mtime < limit:
            shutil.rmtree(kept, ignore_errors=True)


def new_folder(folder: Path) -> tuple[str, Path]:
    """A fresh folder under ``folder`` (old ones swept first), and its token."""
    sweep(folder)
    token = secrets.token_hex(16)
    place = folder / token
    place.mkdir(parents=True)
    return token, place


@dataclass(frozen=True)
class PreviewShelf:
    """Uploads waiting for the officer who previewed them to confirm."""

    folder: Callable[[], Path]
    session_key: str
    default_name: str

    def save(self, request: HttpRequest, upload: Any, **extra: Any) -> tuple[str, Path]:
        """Keep ``upload`` and remember it (with ``extra``) in the officer's session."""
        token, place = new_folder(self.folder())
        path = place / own_name(upload.name, self.default_name)
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        shelf = request.session.get(self.session_key, {})
        request.session[self.session_key] = {**shelf, token: {"name": path.name, **extra}}
        return token, path

    def kept(self, request: HttpRequest, token: str) -> tuple[Path, dict[str, Any]] | None:
        """The file this session kept under ``token``, and what was remembered with it."""
        entry = request.session.get(self.session_key, {}).get(token) if token.isalnum() else None
        if not isinstance(entry, dict):
            return None
        path = self.folder() / token / entry["name"]
        return (path, entry) if path.is_file() else None

    def release(self, request: HttpRequest, token: str) -> None:
        """The session forgets the file, so it cannot be confirmed twice; the file stays."""
        shelf = dict(request.session.get(self.session_key, {}))
        shelf.pop(token, None)
        request.session[self.session_key] = shelf

    def forget(self, request: HttpRequest, token: str) -> None:
        """The session forgets the file and the file is removed."""
        self.release(request, token)
        if token.isalnum():
            shutil.rmtree(self.folder() / token, ignore_errors=True)
