"""Demo watching: two fictional watched sources.

* **Demo drop box (fictional)**, a folder under ``VAR_DIR/watch/demo-drop`` holding a demo
  feed file (``data/demo_watch.rss``: a fictional Windsor axle maker's investment told by
  two outlets, one event, and a fictional new program). It is read at once, so the
  documents, their facts, the event and the alerts are there without a worker; the
  worker reads it again on its schedule (nothing new: each entry is read once).
* **Demo newsroom feed (fictional)**, a feed at an address that does not exist, left
  inactive so that the worker never tries it: it shows how a feed source looks.

Documents read from the demo folder are marked demo. Idempotent.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import watching
from corridor.intel.listeners import on_new_documents
from corridor.intel.models import Document, SourceKind, WatchedSource

DATA = Path(__file__).parent / "data"
FOLDER_NAME = "Demo drop box (fictional)"
FEED_NAME = "Demo newsroom feed (fictional)"


def build_demo_watch(say: Callable[[str], None]) -> None:
    folder = watching.watch_root() / "demo-drop"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "demo_watch.rss", folder / "demo_watch.rss")
    with system_scope("demo watched sources"), change_context(source="demo"):
        drop, _ = WatchedSource.objects.get_or_create(
            name=FOLDER_NAME,
            defaults={"kind": SourceKind.FOLDER, "location": str(folder), "every_hours": 1},
        )
        WatchedSource.objects.get_or_create(
            name=FEED_NAME,
            defaults={
                "kind": SourceKind.FEED,
                "location": "https://newsroom.example.invalid/feed.rss",
                "active": False,
            },
        )
    report = watching.read_source(drop)
    with system_scope("demo watched documents are fictional"):
        Document.all_objects.filter(watched_source=drop).update(is_demo=True)
    on_new_documents.send(report.added)
    say(
        f"Intelligence: 2 watched sources (demo), {len(report.added)} documents read "
        "from the demo drop box"
    )
