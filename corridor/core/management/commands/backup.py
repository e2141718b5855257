from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up Corridor's database to FILE (SQLite: online copy; PostgreSQL: pg_dump)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            outcome = backup(options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(outcome.describe("Backed up to"))
