from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.intel.labels import export


class Command(BaseCommand):
    help = (
        "Write officers' checked facts (confirmed, corrected, rejected) as labelled examples "
        "(NN-slug.txt and NN-slug.json) into DIR, for "
        "benchmarks/intel_extraction.py --extra DIR."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="where to write the examples")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is a file, not a folder")
        written = export(folder)
        count = len(written) // 2
        if not count:
            self.stdout.write(
                "No document has all its facts checked yet: nothing to export. "
                "Confirm, correct or reject a document's facts on its page first."
            )
            return
        self.stdout.write(f"{count} labelled example(s) written to {folder}.")
