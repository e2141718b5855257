from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from corridor.core.history import change_context
from corridor.programs.catalogue import load_programs


class Command(BaseCommand):
    help = "Create or refresh the funding programs Corridor ships (corridor/programs/data)."

    def handle(self, *args: Any, **options: Any) -> None:
        with change_context(source="command:load-programs"):
            loaded = load_programs()
        kept = (
            f" {loaded.kept} field(s) changed by people on Corridor's pages were kept."
            if loaded.kept
            else ""
        )
        self.stdout.write(f"Programs: {loaded.created} added, {loaded.updated} updated.{kept}")
