"""Demo notifications: a few months of what Corridor told the demo people.

Nothing here is made up: the other capabilities' demos went through the real services,
so their producers already told people of red flags, plans waiting for approval,
referrals and news while they were built; this demo then

* dates each of those notifications at its event (the demos move their events back in
  time, the notifications were stamped "now") and drops those older than
  ``MONTHS_KEPT`` months;
* runs the registered scans (follow-ups coming due, flag deadlines) on a morning every
  ``SCAN_EVERY`` over the same months and today, dating what each run told;
* marks everything older than ``READ_AFTER`` read, and every e-mail sent (demo e-mails
  are never sent: the scans run with a mail backend that drops them).

Runs after the calls, programs and intel demos (``INSTALLED_APPS`` order). Idempotent:
once the notifications are dated, a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.notifications import jobs
from corridor.notifications.models import Notification

MONTHS_KEPT = 4
SCAN_EVERY = dt.timedelta(days=14)
READ_AFTER = dt.timedelta(days=10)
MORNING = dt.time(8, 0)


def _date_at_their_events(items: list[Notification], now: dt.datetime) -> None:
    """Each notification at the time of the thing it is about (its subject's creation)."""
    by_type: dict[int, list[Notification]] = defaultdict(list)
    for item in items:
        if item.subject_type_id and item.subject_id:
            by_type[item.subject_type_id].append(item)
    for type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not any(f.name == "created_at" for f in model._meta.fields):
            continue
        manager = getattr(model, "all_objects", model._default_manager)
        when = dict(
            manager.filter(pk__in=[i.subject_id for i in group]).values_list("pk", "created_at")
        )
        for item in group:
            moment = when.get(item.subject_id)
            if moment is not None and moment < now:
                Notification.objects.filter(pk=item.pk).update(created_at=moment)


def _scan_mornings(today: dt.date) -> list[dt.datetime]:
    first = today - dt.timedelta(days=30 * MONTHS_KEPT)
    days = []
    day = first
    while day < today:
        days.append(day)
        day += SCAN_EVERY
    days.append(today)
    zone = timezone.get_current_timezone()
    return [dt.datetime.combine(d, MORNING, tzinfo=zone) for d in days]


def _run_scans(now: dt.datetime) -> int:
    """Run the scans on past mornings, each run's notifications dated at its morning."""
    made = 0
    for morning in _scan_mornings(timezone.localdate(now)):
        if morning > now:
            morning = now
        last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        jobs.run_scans(morning)
        new = Notification.objects.filter(pk__gt=last)
        made += new.update(created_at=morning)
    return made


def _settle(now: dt.datetime) -> tuple[int, int]:
    """Old ones dropped, the older ones read, every e-mail counted as sent."""
    oldest = now - dt.timedelta(days=30 * MONTHS_KEPT)
    Notification.objects.filter(created_at__lt=oldest).delete()
    read_before = now - READ_AFTER
    rows = list(Notification.objects.values_list("pk", "created_at"))
    for pk, created in rows:
        changes: dict[str, object] = {"emailed_at": created}
        if created < read_before:
            changes["read_at"] = created + dt.timedelta(hours=3 + pk % 40)
        Notification.objects.filter(pk=pk).update(**changes)
    unread = Notification.objects.filter(read_at__isnull=True).count()
    return len(rows), unread


def build_demo(say: Callable[[str], None], *, now: dt.datetime | None = None) -> None:
    moment = now or timezone.now()
    with system_scope("demo notifications"), change_context(source="demo"):
        dated = Notification.objects.filter(created_at__lt=moment - dt.timedelta(days=2))
        if dated.exists():
            say("notifications: the demo notifications are already there")
            return
        # demo e-mails are never sent: the reminders' own messages go nowhere
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            _date_at_their_events(list(Notification.objects.all()), moment)
            scanned = _run_scans(moment)
            total, unread = _settle(moment)
    say(
        f"notifications: {total} over {MONTHS_KEPT} months ({scanned} from deadline scans), "
        f"{unread} unread"
    )
