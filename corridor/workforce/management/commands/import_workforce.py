from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.history import change_context
from corridor.core.progress import progress_bar
from corridor.registry.sheets import ImportFileError
from corridor.workforce.importing import import_workforce, write_rejects
from corridor.workforce.models import ImportKind


class Command(BaseCommand):
    help = (
        "Import labour supply, job postings or training programs (CSV or XLSX) into the "
        "skills map. See docs/workforce.md for the columns of each kind."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=ImportKind.values)
        parser.add_argument("path", type=Path)
        parser.add_argument("--source", help="Source of rows that name none")
        parser.add_argument(
            "--rejects", type=Path, help="Write rejected rows and reasons to this CSV"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with (
                progress_bar("Importing") as progress,
                change_context(source="command:import-workforce"),
            ):
                report = import_workforce(
                    options["kind"],
                    options["path"],
                    source=options["source"],
                    progress=progress,
                )
        except ImportFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        self.stdout.write(report.summary())
        for line in report.lines()[:20]:
            self.stdout.write(f"  {line}")
        if len(report.rejects) > 20:
            self.stdout.write(f"  … and {len(report.rejects) - 20} more rejected rows")
        if options["rejects"]:
            write_rejects(report, options["rejects"])
            self.stdout.write(f"Rejected rows written to {options['rejects']}")
