from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.history import change_context
from corridor.core.progress import progress_bar
from corridor.programs.importing import import_projects
from corridor.registry.importing import ImportReport, write_rejects
from corridor.registry.sheets import ImportFileError


class Command(BaseCommand):
    help = (
        "Import funded projects from Corridor's CSV or the federal grants-and-contributions "
        "open data (latest amendment of each agreement); see docs/programs.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--rejects", type=Path, help="Write rejected rows and reasons to this CSV"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with (
                progress_bar("Importing") as progress,
                change_context(source="command:import-projects"),
            ):
                report = import_projects(options["path"], progress=progress)
        except ImportFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        self.stdout.write(report.summary())
        for reject in report.rejects[:20]:
            self.stdout.write(
                f"  {report.file_name}, row {reject.row}: {reject.field}: {reject.reason}"
            )
        if len(report.rejects) > 20:
            self.stdout.write(f"  … and {len(report.rejects) - 20} more rejected rows")
        if options["rejects"]:
            rows = ImportReport(source=report.file_format, file_name=report.file_name)
            rows.rejects = report.rejects
            write_rejects(rows, options["rejects"])
            self.stdout.write(f"Rejected rows written to {options['rejects']}")
