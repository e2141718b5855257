from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.calls.reminders import message_for, send_reminders
from corridor.core.history import change_context


class Command(BaseCommand):
    help = (
        "Remind each follow-up owner (or, without one, the editors of the owning "
        "organisation) of their open follow-ups due within CORRIDOR_REMINDER_DAYS days "
        "or overdue: a notification each, and for those who want it at once one e-mail "
        "listing them (the others' go in their daily digest). A person is told once per "
        "stage (due soon, due today, overdue, each further week overdue). The background "
        "worker does this every morning; the command does it now."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the messages that would be sent; send and record nothing.",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Remind of follow-ups due within this many days "
            f"(default CORRIDOR_REMINDER_DAYS, now {settings.CORRIDOR_REMINDER_DAYS}).",
        )
        parser.add_argument(
            "--today", default=None, help="Act as if today were this day (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="Corridor's address, to link the follow-ups page, e.g. https://corridor.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        if options["days"] is not None and options["days"] < 0:
            raise CommandError("--days is 0 or more.")
        with change_context(source="command:send-reminders"):
            run = send_reminders(
                today,
                days=options["days"],
                dry_run=options["dry_run"],
                base_url=options["base_url"],
            )
        day = run.today
        if run.dry_run:
            for reminder in run.reminders:
                message = message_for(reminder, day, options["base_url"])
                self.stdout.write(f"To: {', '.join(message.to)}\nSubject: {message.subject}\n")
                self.stdout.write(f"{message.body}\n\n")
        for item in run.unreachable:
            self.stderr.write(
                f"Nobody to remind of follow-up {item.pk} ({item.facility.name}): its organisation "
                "has no active editor with an email address."
            )
        overdue = len({f.pk for r in run.reminders for f in r.follow_ups if f.is_overdue(day)})
        verb = "Would send" if run.dry_run else "Sent"
        count = len(run.reminders) if run.dry_run else run.sent
        self.stdout.write(
            f"{verb} {count} reminder{'s' if count != 1 else ''} about {run.follow_ups} "
            f"follow-up{'s' if run.follow_ups != 1 else ''} ({overdue} overdue)."
        )
