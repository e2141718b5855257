"""E-mail of notifications: at once (``send_pending``) or in a daily digest
(``send_digests``).

Each message is plain text, to one person, and holds only their own notifications'
titles and bodies (written by the producers as that person may read them) with a link
to the notifications page. A notification is e-mailed once: ``emailed_at`` is set when
its message is handed to the mail server, so running either function again sends
nothing new.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from corridor.core.models import User
from corridor.core.scoping import system_scope
from corridor.notifications.kinds import Delivery
from corridor.notifications.models import Notification

PAGE_PATH = "/notifications/"
SETTINGS_PATH = "/notifications/settings/"


@dataclass
class MailRun:
    messages: int = 0
    notifications: int = 0


def _link(path: str) -> str:
    return f"{settings.CORRIDOR_SITE_URL.rstrip('/')}{path}"


def _entry(item: Notification) -> str:
    lines = [f"- {item.title}"]
    if item.body:
        lines += [f"  {line}" for line in item.body.splitlines() if line.strip()]
    if item.url:
        lines.append(f"  {_link(item.url)}")
    return "\n".join(lines)


def message_for(person: User, items: list[Notification], digest: bool) -> EmailMessage:
    count = len(items)
    if digest:
        subject = f"Corridor: your daily digest, {count} notification{'s' if count != 1 else ''}"
    elif count == 1:
        subject = f"Corridor: {items[0].title}"
    else:
        subject = f"Corridor: {count} new notifications"
    intro = (
        "Here is what Corridor told you since your last digest:"
        if digest
        else "Corridor has news for you:"
    )
    body = "\n".join(
        [
            f"Hello {person.get_full_name() or person.get_username()},",
            "",
            intro,
            "",
            *(_entry(item) for item in items),
            "",
            f"All your notifications: {_link(PAGE_PATH)}",
            f"Choose what Corridor e-mails you: {_link(SETTINGS_PATH)}",
            "",
            "— Corridor",
        ]
    )
    return EmailMessage(subject[:200], body, to=[person.email])


def _send(how: Delivery, now: dt.datetime) -> MailRun:
    with system_scope("e-mailing notifications to their recipients"):
        waiting = list(
            Notification.objects.filter(emailed_at__isnull=True, email=how, created_at__lte=now)
            .select_related("recipient")
            .order_by("recipient_id", "created_at", "pk")
        )
    by_person: dict[int, list[Notification]] = defaultdict(list)
    for item in waiting:
        by_person[item.recipient_id].append(item)
    run = MailRun()
    sent_ids: list[int] = []
    skipped_ids: list[int] = []
    messages = []
    for items in by_person.values():
        person = items[0].recipient
        if not person.is_active or not person.email:
            skipped_ids += [i.pk for i in items]  # nobody to mail: kept in the app only
            continue
        messages.append(message_for(person, items, digest=how == Delivery.DIGEST))
        sent_ids += [i.pk for i in items]
    if messages:
        with get_connection() as connection:
            run.messages = connection.send_messages(messages) or 0
    run.notifications = len(sent_ids)
    with system_scope("marking notifications e-mailed"):
        if sent_ids:
            Notification.objects.filter(pk__in=sent_ids).update(emailed_at=timezone.now())
        if skipped_ids:
            Notification.objects.filter(pk__in=skipped_ids).update(email="")
    return run


def send_pending(now: dt.datetime | None = None) -> MailRun:
    """E-mail every notification whose recipient wants it at once: one message a person."""
    return _send(Delivery.AT_ONCE, now or timezone.now())


def send_digests(now: dt.datetime | None = None) -> MailRun:
    """E-mail each person one digest of their notifications set to the daily digest."""
    return _send(Delivery.DIGEST, now or timezone.now())


def mark_emailed(items: list[Notification]) -> None:
    """Record that ``items`` went out in a message of their producer's own (the follow-up
    reminders)."""
    with system_scope("marking notifications e-mailed"):
        Notification.objects.filter(pk__in=[i.pk for i in items]).update(emailed_at=timezone.now())
