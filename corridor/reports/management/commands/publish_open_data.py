from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.progress import progress_bar
from corridor.reports.opendata.publish import PublishError, publish


class Command(BaseCommand):
    help = (
        "Write Corridor's open-data tables (CSV and JSON, small counts suppressed) "
        "and their data dictionary README.md into DIR."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with progress_bar("Tables", unit="table") as progress:
                files = publish(options["directory"], progress)
        except PublishError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Wrote {len(files)} files into {options['directory']}.")
