"""The demo notifications: dated over past months, older ones read, no e-mail sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import mail
from django.utils import timezone

from corridor.calls import notices
from corridor.notifications import demo
from corridor.notifications.tests.helpers import told
from tests.matrix_calls import DAY, build_calls


def test_the_demo_dates_reads_and_does_not_mail(world: Any, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORRIDOR_REMINDER_DAYS = 3
    build_calls(world)
    now = timezone.make_aware(dt.datetime.combine(DAY + dt.timedelta(days=40), dt.time(12)))
    said: list[str] = []
    demo.build_demo(said.append, now=now)
    assert said[0].startswith("notifications:") and "unread" in said[0]
    # follow_up_a (due DAY + 7) is overdue: reminded on the scan mornings since then
    due = told(world.alice, notices.FOLLOW_UP_DUE)
    assert len(due) >= 2
    morning = demo.MORNING
    assert all(
        n.created_at <= now and timezone.localtime(n.created_at).time() == morning for n in due
    )
    assert all(n.emailed_at is not None for n in due)
    old = [n for n in due if n.created_at < now - demo.READ_AFTER]
    assert old and all(n.read_at is not None for n in old)
    assert mail.outbox == []  # demo e-mails go nowhere
    again: list[str] = []
    demo.build_demo(again.append, now=now)
    assert again == ["notifications: the demo notifications are already there"]
    assert len(told(world.alice, notices.FOLLOW_UP_DUE)) == len(due)
