from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from corridor.core.demo import DEMO_PASSWORD, build_demo
from corridor.core.history import change_context
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope


class Command(BaseCommand):
    help = "Create or refresh Corridor's demo data (only in demo mode: CORRIDOR_DEMO=1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has organisations; just print the logins.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is created only in demo mode, so that demo passwords never exist "
                "in a real deployment. Set CORRIDOR_DEMO=1 (make run does) and try again."
            )
        with system_scope("corridor demo"), change_context(source="command:demo"):
            if options["if_empty"] and Organisation.all_objects.exists():
                self.stdout.write("The database already has data; demo data left as it is.")
                summary = None
            else:
                with transaction.atomic():
                    summary = build_demo()
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Demo data ready: {summary.municipalities} municipalities, "
                        f"{summary.organisations} organisations."
                    )
                )
        self.stdout.write(
            f"Demo sign-ins (password for all: {DEMO_PASSWORD}):\n"
            "  coordinator        the Auto Mayors coordinator (also the admin)\n"
            "  edo.windsor        economic-development officer, Windsor (editor)\n"
            "  edo.oshawa         economic-development officer, Oshawa (editor)\n"
            "  mayor.windsor      mayor of Windsor (viewer)\n"
            "  partner.apma       analyst at APMA, a partner (viewer)\n"
            "  edo.<town>         one officer for each member municipality, e.g. edo.st-thomas"
        )
        if summary is not None and options["verbosity"] > 1:
            for login in summary.logins:
                self.stdout.write(f"  {login.username:24} {login.role:12} {login.organisation}")
