"""E-mail of notifications: at once, in the daily digest, once each, only one's own."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from corridor.calls import follow_ups
from corridor.core.history import change_context
from corridor.notifications import jobs, mailing, services
from corridor.notifications.kinds import Delivery
from corridor.notifications.services import notify
from corridor.notifications.tests.helpers import KIND, told
from tests.matrix_calls import build_calls


@pytest.fixture(autouse=True)
def _outbox(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CORRIDOR_SITE_URL = "https://corridor.example.org"


def test_at_once_one_message_a_person_and_never_twice(world: Any) -> None:
    notify([world.alice, world.bob], KIND, "First news", "Details", url="/calls/", key="1")
    notify([world.alice], KIND, "Second news", key="2")
    run = mailing.send_pending()
    assert run.messages == 2 and run.notifications == 3
    by_person = {m.to[0]: m for m in mail.outbox}
    to_alice = by_person[world.alice.email]
    assert to_alice.subject == "Corridor: 2 new notifications"
    assert "First news" in to_alice.body and "Second news" in to_alice.body
    assert "https://corridor.example.org/calls/" in to_alice.body
    assert "https://corridor.example.org/notifications/settings/" in to_alice.body
    assert by_person[world.bob.email].subject == "Corridor: First news"
    assert "Second news" not in by_person[world.bob.email].body
    assert mailing.send_pending().messages == 0  # sent once
    assert len(mail.outbox) == 2


def test_the_digest_gathers_the_day_and_at_once_leaves_it(world: Any) -> None:
    services.set_preferences(world.alice, {KIND: Delivery.DIGEST})
    notify([world.alice], KIND, "Morning news", key="1")
    notify([world.alice], KIND, "Evening news", key="2")
    assert mailing.send_pending().messages == 0
    run = mailing.send_digests()
    assert run.messages == 1 and run.notifications == 2
    [digest] = mail.outbox
    assert digest.subject == "Corridor: your daily digest, 2 notifications"
    assert "Morning news" in digest.body and "Evening news" in digest.body
    assert mailing.send_digests().messages == 0


def test_in_corridor_only_and_no_address_send_nothing(world: Any) -> None:
    services.set_preferences(world.alice, {KIND: Delivery.APP})
    world.bob.email = ""
    world.bob.save()
    notify([world.alice, world.bob], KIND, "Quiet news", key="1")
    mailing.send_pending()
    mailing.send_digests()
    assert mail.outbox == []
    assert len(told(world.alice)) == 1 and len(told(world.bob)) == 1  # still in Corridor


def test_an_e_mail_holds_nothing_its_recipient_may_not_read(world: Any) -> None:
    build_calls(world)
    with change_context(user=world.bob, source="tests"):
        follow_ups.raise_flag(
            world.bob, facility=world.windsor_plant, organisation=world.org_b,
            severity="red", category="downsizing", detail="SECRET-DETAIL-88",
        )  # fmt: skip
    mailing.send_pending()
    to_windsor = [m for m in mail.outbox if m.to[0] in {world.alice.email, world.erin.email}]
    assert to_windsor, "Windsor's people are told of a red flag in Windsor"
    assert all("SECRET-DETAIL-88" not in f"{m.subject} {m.body}" for m in to_windsor)


def test_the_worker_runs_the_scans_and_the_mailers(world: Any) -> None:
    from corridor.jobs import periodic

    names = {p.name: p for p in periodic.registered()}
    assert names["notifications.scan-and-send"].task is jobs.scan_and_send_task
    assert names["notifications.daily-digest"].at == jobs.DIGEST_AT
    notify([world.alice], KIND, "Queued news", key="1")
    jobs.every_quarter_hour()
    assert [m.subject for m in mail.outbox] == ["Corridor: Queued news"]
