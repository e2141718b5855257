from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from corridor.core.history import change_context
from corridor.intel.ingesting import Metadata, files_in, ingest_paths
from corridor.intel.models import DocumentKind
from corridor.intel.readers import UnreadableDocument


class Command(BaseCommand):
    help = (
        "Add documents (plain text, HTML or PDF files, or folders of them) and read their "
        "facts. The same file twice is one document."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--source", default="", help="Who published the documents")
        parser.add_argument("--url", default="", help="Web address (for a single document)")
        parser.add_argument("--kind", default="", choices=["", *DocumentKind.values])
        parser.add_argument("--jurisdiction", default="", help="e.g. Ontario, Quebec, Michigan")
        parser.add_argument("--date", type=dt.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            total = len(files_in(options["paths"]))
        except UnreadableDocument as exc:
            raise CommandError(str(exc)) from exc
        meta = Metadata(
            source=options["source"],
            url=options["url"],
            kind=options["kind"],
            jurisdiction=options["jurisdiction"],
            date=options["date"],
        )
        with tqdm(total=total, unit="file", desc="Reading", disable=not sys.stderr.isatty()) as bar:

            def progress(name: str) -> None:
                bar.set_postfix_str(name[:30])
                bar.update(1)

            with change_context(source="command:ingest"):
                report = ingest_paths(None, options["paths"], meta, progress)
        self.stdout.write(
            f"{len(report.added)} documents added ({report.facts} facts), "
            f"{len(report.unchanged)} already in Corridor, {len(report.errors)} not readable."
        )
        for error in report.errors:
            self.stdout.write(f"  {error}")
        if report.errors and not report.added and not report.unchanged:
            raise CommandError("No document could be read.")
