from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace Corridor's database with the backup in FILE; refuses a database that holds"
        " users or changes unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="overwrite a database that is not empty"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            outcome = restore(options["file"], force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(outcome.describe("Restored from"))
