from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from corridor.core.history import change_context
from corridor.notifications import jobs, mailing


class Command(BaseCommand):
    help = (
        "Run the notification scans (follow-ups falling due, ...) and e-mail the "
        "notifications wanted at once; with --digests, also send the daily digests. "
        "Run it every 15 minutes, and with --digests once a day at 07:00, unless the "
        "background worker does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--digests", action="store_true", help="Also send the daily digests.")
        parser.add_argument(
            "--only-digests", action="store_true", help="Send the daily digests and nothing else."
        )
        parser.add_argument(
            "--now", default=None, help="Act as if it were this moment (YYYY-MM-DDTHH:MM)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError:
                raise CommandError("--now takes a moment as YYYY-MM-DDTHH:MM.") from None
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        with change_context(source="command:notify"):
            if not options["only_digests"]:
                results = jobs.run_scans(now)
                for name, result in results.items():
                    self.stdout.write(f"{name}: {result}")
                sent = mailing.send_pending(now)
                self.stdout.write(
                    f"Sent {sent.messages} e-mail{'s' if sent.messages != 1 else ''} "
                    f"({sent.notifications} notification{'s' if sent.notifications != 1 else ''})."
                )
            if options["digests"] or options["only_digests"]:
                digests = mailing.send_digests(now)
                self.stdout.write(
                    f"Sent {digests.messages} digest{'s' if digests.messages != 1 else ''} "
                    f"({digests.notifications} notification"
                    f"{'s' if digests.notifications != 1 else ''})."
                )
