"""`corridor send-reminders`: one message per person, owners first, once per stage of a
deadline (due soon, due today, overdue, each further week overdue), through notifications."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from corridor.calls import follow_ups
from corridor.calls.models import FollowUp
from corridor.calls.reminders import send_reminders
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from tests.matrix_calls import DAY, build_calls

# follow_up_a (alice's red-flag response) is due DAY + 7; referral_a (to APMA) DAY + 14.
SOON = DAY + dt.timedelta(days=12)


@pytest.fixture
def calls(world: Any, settings: Any) -> Any:
    settings.CORRIDOR_REMINDER_DAYS = 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    build_calls(world)
    return world


def _reminded(pk: int) -> dt.date | None:
    with system_scope("test"):
        return FollowUp.objects.get(pk=pk).reminded_on


def test_the_owner_gets_one_message_with_due_and_overdue_follow_ups(calls: Any) -> None:
    run = send_reminders(SOON)
    assert run.sent == 1 and run.follow_ups == 2
    [message] = mail.outbox
    assert message.to == [calls.alice.email]
    assert message.subject == "Corridor: 2 follow-ups due (1 overdue)"
    assert "Matrix Mouldings: Retention response, OVERDUE by 5 days" in message.body
    assert "referral to APMA" in message.body
    assert "Introduce to APMA's workforce committee" in message.body  # she may read it
    assert _reminded(calls.follow_up_a.pk) == SOON


def test_nothing_is_due_yet(calls: Any) -> None:
    assert send_reminders(DAY).sent == 0
    assert mail.outbox == []


def test_a_second_run_the_same_day_sends_nothing(calls: Any) -> None:
    send_reminders(SOON)
    again = send_reminders(SOON)
    assert again.sent == 0 and again.reminders == []
    assert len(mail.outbox) == 1
    # The next day nothing has moved to a new stage: follow_up_a is still in its first
    # overdue week and referral_a still due soon. Once told, a person is not told again.
    assert send_reminders(SOON + dt.timedelta(days=1)).sent == 0
    assert len(mail.outbox) == 1
    # referral_a's day (DAY + 14): "due today" is a new stage, so it is reminded again
    send_reminders(DAY + dt.timedelta(days=14))
    [_, again_message] = mail.outbox
    assert again_message.subject == "Corridor: 1 follow-up due"
    assert "APMA" in again_message.body and "due today" in again_message.body
    # a week later follow_up_a is still overdue: a reminder of its second overdue week
    send_reminders(DAY + dt.timedelta(days=15))
    assert "OVERDUE by 8 days" in mail.outbox[-1].body


def test_a_reminder_is_a_notification_and_e_mailed_once(calls: Any) -> None:
    from corridor.notifications import mailing
    from corridor.notifications.models import Notification

    send_reminders(SOON)
    with system_scope("test"):
        told = list(Notification.objects.filter(recipient=calls.alice, kind="calls.follow-up-due"))
    assert len(told) == 2 and all(n.emailed_at is not None for n in told)
    assert any("overdue by 5 days" in n.title for n in told)
    # the quarter-hourly mailer (which sends the fixtures' other news, e.g. the red flag
    # to erin) does not send the reminders a second time
    mailing.send_pending()
    to_alice = [m for m in mail.outbox if m.to == [calls.alice.email]]
    assert sum("OVERDUE by 5 days" in m.body for m in to_alice) == 1


def test_digest_readers_get_reminders_in_the_digest_and_off_means_nothing(calls: Any) -> None:
    from corridor.notifications import mailing, services

    services.set_preferences(calls.alice, {"calls.follow-up-due": "digest"})
    run = send_reminders(SOON)
    assert run.sent == 0 and mail.outbox == []
    assert mailing.send_digests().messages == 1
    assert "Retention response" in mail.outbox[0].body
    services.set_preferences(calls.alice, {"calls.follow-up-due": "off"})
    assert send_reminders(DAY + dt.timedelta(days=14)).reminders == []


def test_done_follow_ups_are_not_reminded(calls: Any) -> None:
    with change_context(user=calls.alice, source="tests"):
        follow_ups.complete_follow_up(calls.alice, calls.follow_up_a, "Called the owners")
    send_reminders(SOON)
    [message] = mail.outbox
    assert "Retention response" not in message.body
    assert message.subject == "Corridor: 1 follow-up due"


def test_without_an_owner_the_organisations_editors_are_reminded(calls: Any) -> None:
    with change_context(user=calls.bob, source="tests"):
        follow_ups.add_follow_up(
            calls.bob,
            facility=calls.oshawa_plant,
            call=calls.call_b,
            owner_organisation=calls.org_b,
            due_on=SOON,
            category="site_selection",
            description="Send the list of serviced industrial land",
        )
    send_reminders(SOON)
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {calls.alice.email, calls.bob.email}
    assert "Land, building or site selection, due today" in by_person[calls.bob.email].body


def test_an_owner_without_email_falls_back_to_the_editors(calls: Any) -> None:
    calls.alice.email = ""
    calls.alice.save()
    send_reminders(SOON)
    # alice is Windsor's only editor: nobody can be reached, and the command says so
    assert mail.outbox == []
    out, err = StringIO(), StringIO()
    call_command("send_reminders", "--today", SOON.isoformat(), stdout=out, stderr=err)
    assert "Nobody to remind of follow-up" in err.getvalue()


def test_dry_run_prints_and_records_nothing(calls: Any) -> None:
    out = StringIO()
    call_command("send_reminders", "--dry-run", "--today", SOON.isoformat(), stdout=out)
    text = out.getvalue()
    assert f"To: {calls.alice.email}" in text
    assert "Subject: Corridor: 2 follow-ups due (1 overdue)" in text
    assert "Would send 1 reminder about 2 follow-ups (1 overdue)." in text
    assert mail.outbox == []
    assert _reminded(calls.follow_up_a.pk) is None


def test_the_command_sends_and_summarises(calls: Any) -> None:
    out = StringIO()
    call_command("send_reminders", "--today", SOON.isoformat(), "--days", "0", stdout=out)
    assert "Sent 1 reminder about 1 follow-up (1 overdue)." in out.getvalue()
    assert len(mail.outbox) == 1
