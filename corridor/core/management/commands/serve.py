from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Corridor with waitress, a production WSGI server (static files via whitenoise)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from corridor.wsgi import application

        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"Corridor is running at {url} (Ctrl+C stops it)"))
        serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="Corridor",
        )
