from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from corridor.registry.services import export_links


class Command(BaseCommand):
    help = "Write source,source_id,facility_id for every imported row to a CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        count = export_links(options["path"])
        self.stdout.write(f"{count} source records written to {options['path']}")
