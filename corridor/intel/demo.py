"""Demo intelligence: Corridor's three source documents and a dozen demo announcements.

* the seeds (``data/seeds/``, with their sources named in ``sources.json``): the O-AMP
  announcement, the recommendations to the Auto Mayors (with Quebec's $516.1 million
  for the electrification of transportation) and NGen's year-end message;
* demo announcements (``data/demo_announcements.json``, marked demo: fictional
  companies and figures) from Ontario, Canada, Quebec, Michigan, Ohio, Indiana and
  Mexico, 2020 to 2024, one of them with money that is not an investment;
* the coordinator confirms the seeds' facts and corrects one demo fact, so the tracker
  and a correction's history have something to show.

Idempotent: a document already in Corridor is not added twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from corridor.core.history import change_context
from corridor.core.models import User
from corridor.core.scoping import system_scope
from corridor.intel import fact_records
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, Fact, FactStatus

DATA = Path(__file__).parent / "data"


def _coordinator() -> User | None:
    with system_scope("demo: the coordinator checks the seeds' facts"):
        return User.objects.filter(username="coordinator").first()


def build_demo(say: Callable[[str], None]) -> None:
    added = 0
    sources = json.loads((DATA / "seeds" / "sources.json").read_text(encoding="utf-8"))
    seeds: list[Document] = []
    with change_context(source="demo"):
        for name, meta in sources.items():
            if name.startswith("_"):
                continue
            raw = (DATA / "seeds" / name).read_bytes()
            document, new = ingest_bytes(
                None,
                name,
                raw,
                Metadata(title=meta["title"], source=meta["source"], kind=meta["kind"]),
            )
            seeds.append(document)
            added += new
        demo = json.loads((DATA / "demo_announcements.json").read_text(encoding="utf-8"))
        for item in demo["announcements"]:
            meta = Metadata(
                title=item["title"], source=item["source"], kind=item["kind"], is_demo=True
            )
            _, new = ingest_bytes(None, item["file"], item["text"].encode("utf-8"), meta)
            added += new
    coordinator = _coordinator()
    if coordinator is not None and added:
        with change_context(user=coordinator, source="demo"), system_scope("demo checks"):
            for fact in Fact.objects.filter(document__in=seeds, status=FactStatus.EXTRACTED):
                fact_records.confirm(coordinator, fact)
            sample = (
                Fact.objects.filter(document__is_demo=True, funder="NGen").order_by("pk").first()
            )
            if sample is not None:
                changes = {"recipient": "Nine auto parts suppliers (demo)"}
                why = "The release names the projects' partners on its web page."
                fact_records.correct(coordinator, sample, changes, sample.version, why)
    with system_scope("demo summary"):
        total = Document.objects.count()
        facts = Fact.objects.count()
    say(f"Intelligence: {added} documents added ({total} in all, {facts} facts)")
    from corridor.intel.demo_watch import build_demo_watch

    build_demo_watch(say)  # two fictional watched sources, one a folder read at once
