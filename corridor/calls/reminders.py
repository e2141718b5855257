"""Reminders of follow-ups that are due soon or overdue (``corridor send-reminders``).

Each open follow-up due within ``CORRIDOR_REMINDER_DAYS`` days, or already
overdue, goes to its owner; a follow-up without an owner (or whose owner can no
longer be reached) goes to the editors of its owner organisation. Each person
gets one message listing all of their follow-ups. A follow-up reminded today is
marked (``reminded_on``) and not reminded again the same day, so running the
command twice sends nothing the second time; run it once a day.

What a follow-up says (its description) is only written into the message of
someone who may read it (``rules.can_read_follow_up_detail``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.utils import timezone

from corridor.calls import rules
from corridor.calls.models import FollowUp, FollowUpStatus
from corridor.core.models import Membership, Role, User
from corridor.core.scoping import system_scope

FOLLOW_UPS_PATH = "/calls/follow-ups/"


@dataclass
class Reminder:
    """One message: a person and the follow-ups it reminds them of."""

    recipient: User
    follow_ups: list[FollowUp] = field(default_factory=list)

    def overdue(self, today: dt.date) -> int:
        return sum(1 for f in self.follow_ups if f.is_overdue(today))


@dataclass
class ReminderRun:
    today: dt.date
    reminders: list[Reminder]
    follow_ups: int  # follow-ups reminded of
    unreachable: list[FollowUp]  # nobody with an email address to send them to
    sent: int = 0
    dry_run: bool = False


def due_follow_ups(today: dt.date, days: int | None = None) -> list[FollowUp]:
    """Open follow-ups due within ``days`` (or overdue), not yet reminded today."""
    horizon = today + dt.timedelta(days=settings.CORRIDOR_REMINDER_DAYS if days is None else days)
    with system_scope("reminders go to every follow-up's owner"):
        return list(
            FollowUp.objects.filter(status=FollowUpStatus.OPEN, due_on__lte=horizon)
            .filter(Q(reminded_on__isnull=True) | ~Q(reminded_on=today))
            .select_related("facility", "owner", "owner_organisation", "referral_to", "call")
            .order_by("due_on", "pk")
        )


def _reachable(user: User | None) -> bool:
    return user is not None and user.is_active and bool(user.email)


def _editors(organisation_id: int, cache: dict[int, list[User]]) -> list[User]:
    if organisation_id not in cache:
        with system_scope("reminders find the editors of a follow-up's organisation"):
            ids = Membership.objects.filter(
                organisation_id=organisation_id,
                role__in=[Role.EDITOR, Role.COORDINATOR],
                organisation__deleted_at__isnull=True,
            ).values_list("user_id", flat=True)
            users = User.objects.filter(pk__in=list(ids), is_active=True).exclude(email="")
            cache[organisation_id] = list(users.order_by("username"))
    return cache[organisation_id]


def plan_reminders(today: dt.date | None = None, days: int | None = None) -> ReminderRun:
    """Who would be reminded of what today (nothing is sent or recorded)."""
    day = today or timezone.localdate()
    items = due_follow_ups(day, days)
    by_user: dict[int, Reminder] = {}
    editors: dict[int, list[User]] = {}
    unreachable: list[FollowUp] = []
    for item in items:
        owner = item.owner
        recipients = [owner] if owner is not None and _reachable(owner) else []
        recipients = recipients or _editors(item.owner_organisation_id, editors)
        if not recipients:
            unreachable.append(item)
        for person in recipients:
            assert person is not None
            by_user.setdefault(person.pk, Reminder(person)).follow_ups.append(item)
    reminders = sorted(by_user.values(), key=lambda r: r.recipient.get_username())
    reached = {f.pk for r in reminders for f in r.follow_ups}
    return ReminderRun(day, reminders, len(reached), unreachable)


def _line(item: FollowUp, reader: User, today: dt.date) -> str:
    if item.is_overdue(today):
        late = (today - item.due_on).days
        when = f"OVERDUE by {late} day{'s' if late != 1 else ''} (due {item.due_on:%Y-%m-%d})"
    elif item.due_on == today:
        when = "due today"
    else:
        when = f"due {item.due_on:%a %Y-%m-%d}"
    line = f"- {item.facility.name}: {item.get_category_display()}, {when}"
    if item.referral_to_id and item.referral_to is not None:
        line += f", referral to {item.referral_to.label}"
    if item.description and rules.can_read_follow_up_detail(reader, item):
        line += f"\n    {item.description}"
    return line


def message_for(reminder: Reminder, today: dt.date, base_url: str = "") -> EmailMessage:
    person = reminder.recipient
    count = len(reminder.follow_ups)
    overdue = reminder.overdue(today)
    subject = f"Corridor: {count} follow-up{'s' if count != 1 else ''} due"
    if overdue:
        subject += f" ({overdue} overdue)"
    lines = [
        f"Hello {person.get_full_name() or person.get_username()},",
        "",
        "These follow-ups of corporate calls are due soon or overdue:",
        "",
        *(_line(item, person, today) for item in reminder.follow_ups),
        "",
        f"Mark them done, or change their due date, on Corridor's follow-ups page: "
        f"{base_url.rstrip('/')}{FOLLOW_UPS_PATH}",
        "",
        "— Corridor (you get this because you own these follow-ups or edit for the "
        "organisation that does)",
    ]
    return EmailMessage(subject, "\n".join(lines), to=[person.email])


def send_reminders(
    today: dt.date | None = None,
    *,
    days: int | None = None,
    dry_run: bool = False,
    base_url: str = "",
) -> ReminderRun:
    """Send today's reminders and mark the follow-ups reminded (unless ``dry_run``)."""
    day = today or timezone.localdate()
    run = plan_reminders(day, days)
    run.dry_run = dry_run
    if dry_run or not run.reminders:
        return run
    messages = [message_for(r, day, base_url) for r in run.reminders]
    with get_connection() as connection:
        run.sent = connection.send_messages(messages) or 0
    reminded = [f.pk for r in run.reminders for f in r.follow_ups]
    with system_scope("marking follow-ups reminded today"):
        # Bookkeeping, not an edit: no new version (that would make someone's open
        # edit conflict) and no history record.
        FollowUp.objects.filter(pk__in=reminded).update(reminded_on=day)
    return run
