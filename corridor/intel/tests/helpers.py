"""Shared test helpers for intelligence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corridor.core.history import change_context
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document

DATA = Path(__file__).parent / "data"
ANNOUNCEMENT = (
    "Ontario Supports Auto Parts Expansion in Tecumseh\nMarch 4, 2022\n\n"
    "The Ontario government is investing $3.5 million in Acme Stamping Inc. through the "
    "Southwestern Ontario Development Fund to buy robotic welding cells. The $23 million "
    "project will create 45 new jobs and help the company supply parts for electric vehicles."
)


def add_text(
    user: Any, text: str = ANNOUNCEMENT, name: str = "release.txt", **meta: Any
) -> Document:
    with change_context(user=user, source="tests"):
        document, _ = ingest_bytes(user, name, text.encode("utf-8"), Metadata(**meta))
    return document
