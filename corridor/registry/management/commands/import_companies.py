from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.history import change_context
from corridor.core.progress import progress_bar
from corridor.registry.importing import import_companies, write_rejects
from corridor.registry.sheets import ImportFileError


class Command(BaseCommand):
    help = (
        "Import a company list (CSV or XLSX) into the registry, resolving duplicates. "
        "Required columns: source_id, name; see docs/registry.md for the accepted names."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--source", help="Source name (default: the file name without extension)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; write nothing"
        )
        parser.add_argument(
            "--rejects", type=Path, help="Write rejected rows and reasons to this CSV"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with (
                progress_bar("Resolving") as progress,
                change_context(source="command:import-companies"),
            ):
                report = import_companies(
                    options["path"],
                    options["source"],
                    dry_run=options["dry_run"],
                    progress=progress,
                )
        except ImportFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        self.stdout.write(report.summary())
        for reject in report.rejects[:20]:
            self.stdout.write(f"  row {reject.row}: {reject.field}: {reject.reason}")
        if len(report.rejects) > 20:
            self.stdout.write(f"  … and {len(report.rejects) - 20} more rejected rows")
        if options["rejects"]:
            write_rejects(report, options["rejects"])
            self.stdout.write(f"Rejected rows written to {options['rejects']}")
