from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from corridor.core.history import purge_history


class Command(BaseCommand):
    help = (
        "Delete the change records older than CORRIDOR_HISTORY_RETENTION_DAYS "
        "(0, the default, keeps the history forever). The worker does it once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="keep this many days instead of CORRIDOR_HISTORY_RETENTION_DAYS (0: keep all)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is None:
            days = settings.CORRIDOR_HISTORY_RETENTION_DAYS
        if days <= 0:
            self.stdout.write("The change history is kept forever: nothing deleted.")
            return
        deleted = purge_history(days)
        self.stdout.write(f"Deleted {deleted} change records older than {days} days.")
