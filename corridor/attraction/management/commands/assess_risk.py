"""``corridor assess-risk``: assess every facility for the risk list now, and notify."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from corridor.core.history import change_context


class Command(BaseCommand):
    help = (
        "Assess every facility for the retention early warning (the jobs at risk) and tell "
        "the municipalities of the facilities that entered the list or rose. The background "
        "worker does this every day at 06:00; run it by hand after changing the weights."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-notices", action="store_true", help="Assess, but notify nobody."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from corridor.attraction import assessment, risk_plugins

        started = time.monotonic()
        with change_context(source="command:assess-risk"):
            if options["quiet_notices"]:
                run = assessment.assess_all()
            else:
                run = risk_plugins.assess_and_tell()
        self.stdout.write(f"{run} in {time.monotonic() - started:.1f} s.")
