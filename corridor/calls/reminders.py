"""Reminders of follow-ups that are due soon or overdue (``corridor send-reminders``, and
the background worker's quarter-hourly scan through ``corridor/calls/notices.py``).

A reminder is a notification (``corridor.notifications``, kind "calls.follow-up-due"),
so the bell, the notifications page and each person's settings apply to it, and one
follow-up reaches a person by one path only. Each open follow-up due within
``CORRIDOR_REMINDER_DAYS`` days, or already overdue, goes to its owner; a follow-up
without an owner (or whose owner can no longer be reached) goes to the editors of its
owner organisation. A person is told of a follow-up once at each stage: when it comes
due soon, on the day it is due, the day after (overdue), and again each further week it
stays overdue. Those who want reminders "at once" get one message listing all of their
follow-ups; those who chose the daily digest find them there; "off" tells nothing.
A follow-up looked at today is marked (``reminded_on``) and not looked at again the
same day, so running the command twice sends nothing the second time.

What a follow-up says (its description) is only written into the notification and
message of someone who may read it (``policy.can_read_confidential``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.utils import timezone

from corridor.calls.models import FollowUp, FollowUpStatus
from corridor.core import policy
from corridor.core.models import Membership, Role, User
from corridor.core.scoping import system_scope
from corridor.notifications import mailing, services
from corridor.notifications.kinds import Delivery
from corridor.notifications.models import Notification

FOLLOW_UPS_PATH = "/calls/follow-ups/"
KIND = "calls.follow-up-due"


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
    reminders = _still_to_tell(list(by_user.values()), day)
    reminders.sort(key=lambda r: r.recipient.get_username())
    reached = {f.pk for r in reminders for f in r.follow_ups}
    return ReminderRun(day, reminders, len(reached), unreachable)


def stage(due_on: dt.date, today: dt.date) -> str:
    """Where a deadline stands: due soon, due today, overdue (its first week), then again
    each further week overdue. A person is told once per stage."""
    if due_on > today:
        return "soon"
    if due_on == today:
        return "today"
    return f"overdue-{((today - due_on).days - 1) // 7}"


def key_of(item: FollowUp, today: dt.date) -> str:
    # the due date is in the key: a follow-up moved to a new date is reminded anew
    return f"{KIND}:{item.pk}:{item.due_on:%Y-%m-%d}:{stage(item.due_on, today)}"


def _still_to_tell(reminders: list[Reminder], today: dt.date) -> list[Reminder]:
    """Leave out the follow-ups each person was already told of at this stage, and the
    people who turned these reminders off."""
    if not reminders:
        return []
    people = [r.recipient for r in reminders]
    how = services.deliveries(people, KIND)
    keys = {key_of(f, today) for r in reminders for f in r.follow_ups}
    with system_scope("which reminders were already given"):
        told = set(
            Notification.objects.filter(
                recipient_id__in=[p.pk for p in people], key__in=keys
            ).values_list("recipient_id", "key")
        )
    kept = []
    for reminder in reminders:
        person = reminder.recipient
        if how[person.pk] == Delivery.OFF:
            continue
        left = [f for f in reminder.follow_ups if (person.pk, key_of(f, today)) not in told]
        if left:
            kept.append(Reminder(person, left))
    return kept


def _when(item: FollowUp, today: dt.date) -> str:
    if item.is_overdue(today):
        late = (today - item.due_on).days
        return f"OVERDUE by {late} day{'s' if late != 1 else ''} (due {item.due_on:%Y-%m-%d})"
    if item.due_on == today:
        return "due today"
    return f"due {item.due_on:%a %Y-%m-%d}"


def title_of(item: FollowUp, today: dt.date) -> str:
    """The notification's title: what every recipient may read (the facility, the kind
    of follow-up and its date are shared with participants)."""
    what = f"{item.facility.name}, {item.get_category_display()}"
    late = (today - item.due_on).days
    if late > 0:
        return f"Follow-up overdue by {late} day{'s' if late != 1 else ''}: {what}"
    if late == 0:
        return f"Follow-up due today: {what}"
    return f"Follow-up due {item.due_on:%a %Y-%m-%d}: {what}"


def body_of(item: FollowUp, reader: User) -> str:
    lines = []
    readable = item.description if policy.can_read_confidential(reader, item) else ""
    if item.referral_to_id and item.referral_to is not None:
        label = item.referral_to.label
        if label not in readable:  # the description often names the partner already
            lines.append(f"Referral to {label}.")
    if readable:
        lines.append(readable)
    return "\n".join(lines)


def _line(item: FollowUp, reader: User, today: dt.date) -> str:
    line = f"- {item.facility.name}: {item.get_category_display()}, {_when(item, today)}"
    if item.referral_to_id and item.referral_to is not None:
        line += f", referral to {item.referral_to.label}"
    if item.description and policy.can_read_confidential(reader, item):
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
    """Tell each person of their due follow-ups (a notification each), e-mail at once
    those who want it so (one message a person), and mark the follow-ups looked at today
    (unless ``dry_run``). Digest readers get theirs in the 07:00 digest."""
    day = today or timezone.localdate()
    run = plan_reminders(day, days)
    run.dry_run = dry_run
    if dry_run or not run.reminders:
        return run
    base = base_url or settings.CORRIDOR_SITE_URL
    messages: list[EmailMessage] = []
    emailed: list[Notification] = []
    for reminder in run.reminders:
        person = reminder.recipient
        at_once: list[FollowUp] = []
        for item in reminder.follow_ups:
            made = services.notify(
                [person],
                KIND,
                title_of(item, day),
                lambda reader, item=item: body_of(item, reader),  # type: ignore[misc]
                url=FOLLOW_UPS_PATH,
                subject=item,
                key=key_of(item, day),
            )
            for notification in made:
                if notification.email == Delivery.AT_ONCE:
                    at_once.append(item)
                    emailed.append(notification)
        if at_once:
            messages.append(message_for(Reminder(person, at_once), day, base))
    if messages:
        with get_connection() as connection:
            run.sent = connection.send_messages(messages) or 0
    # sent in the reminders' own message: the quarter-hourly mailer leaves them alone
    mailing.mark_emailed(emailed)
    looked_at = [f.pk for r in run.reminders for f in r.follow_ups]
    with system_scope("marking follow-ups reminded today"):
        # Bookkeeping, not an edit: no new version (that would make someone's open
        # edit conflict) and no history record.
        FollowUp.objects.filter(pk__in=looked_at).update(reminded_on=day)
    return run
