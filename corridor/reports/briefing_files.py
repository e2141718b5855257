"""Briefings built in the background: kept as files under ``VAR_DIR/briefings/`` until
downloaded (and for a while after), each beside a small note of what it is.

A briefing is named by a random token (its download address), and its note says who
built it, for which quarter and municipality. Who may download it follows the same
rule as the briefing built in the request: the member municipalities and the
coordinator office (never a partner), a municipality's people only their own
municipality's briefing, the coordinator any. The person who built it may always
download it again.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from corridor.core import policy
from corridor.reports.dashboards import own_municipality

KEEP_SECONDS = 30 * 24 * 3600  # a quarter's briefing is read within the month
TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class StoredBriefing:
    token: str
    built_by: int | None
    quarter: str  # "2026Q4"
    municipality: int | None  # None: the region with every municipality
    file_name: str  # what the browser saves it as


def folder() -> Path:
    return Path(settings.VAR_DIR) / "briefings"


def new_token() -> str:
    return secrets.token_hex(16)


def pdf_path(token: str) -> Path:
    return folder() / f"{token}.pdf"


def _note_path(token: str) -> Path:
    return folder() / f"{token}.json"


def save(briefing: StoredBriefing, pdf: bytes) -> None:
    """Write the PDF, then its note: a briefing with a note is complete."""
    folder().mkdir(parents=True, exist_ok=True)
    _sweep()
    for path, data in (
        (pdf_path(briefing.token), pdf),
        (_note_path(briefing.token), json.dumps(asdict(briefing)).encode()),
    ):
        part = path.with_suffix(path.suffix + ".part")
        part.write_bytes(data)
        part.replace(path)


def load(token: str) -> StoredBriefing | None:
    """The finished briefing of this token, or None."""
    if not TOKEN.match(token):
        return None
    try:
        note = json.loads(_note_path(token).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not pdf_path(token).is_file():
        return None
    return StoredBriefing(**note)


def may_download(user: Any, briefing: StoredBriefing) -> bool:
    actor = policy.actor_for(user)
    if not actor.is_authenticated:
        return False
    if briefing.built_by is not None and briefing.built_by == user.pk:
        return True
    if not actor.is_participant:
        return False
    if actor.is_coordinator:
        return True
    own = own_municipality(user)
    return briefing.municipality is not None and own is not None and own.pk == briefing.municipality


def _sweep() -> None:
    """Remove briefings older than KEEP_SECONDS."""
    limit = time.time() - KEEP_SECONDS
    for path in folder().glob("*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue
