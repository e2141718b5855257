from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.history import change_context
from corridor.core.models import ApiToken, User


class Command(BaseCommand):
    help = "Print a new API bearer token for USERNAME (shown once; only its digest is kept)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="Issued from the command line")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        if not user.is_active:
            raise CommandError(f"User {user.username!r} is deactivated.")
        with change_context(source="command:issue-token"):
            _, token = ApiToken.issue(user, options["name"])
        self.stdout.write(token)
