from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from corridor.core.demo import DEMO_PASSWORD, build_demo
from corridor.core.history import change_context
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope


def capability_demos() -> list[Callable[[Callable[[str], None]], object]]:
    """Each capability's demo builder (``corridor.<app>.demo.build_demo``), in app order."""
    builders = []
    for config in apps.get_app_configs():
        if not config.name.startswith("corridor.") or config.name == "corridor.core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        builders.append(module.build_demo)
    return builders


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
                    f"Organisations: {summary.municipalities} municipalities, "
                    f"{summary.organisations} organisations."
                )
                for builder in capability_demos():
                    builder(lambda message: self.stdout.write(f"  {message}"))
                self.stdout.write(self.style.SUCCESS("Demo data ready."))
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
