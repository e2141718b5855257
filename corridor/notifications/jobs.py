"""Periodic work: producers' scans (a follow-up falling due is noticed by looking),
the at-once e-mails and the daily digest.

A producer registers its scan with ``register_scan(name, scan)`` (a function of the
current time). ``run_scans`` and ``send_pending`` run every 15 minutes and
``send_digests`` at 07:00, by the background worker's scheduler
(``corridor.jobs.periodic``) when it is installed, or by ``corridor notify``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task

from corridor.notifications import mailing

log = logging.getLogger("corridor.notifications")

Scan = Callable[[dt.datetime], Any]
_scans: dict[str, Scan] = {}

EVERY = dt.timedelta(minutes=15)
DIGEST_AT = dt.time(7, 0)


def register_scan(name: str, scan: Scan) -> None:
    _scans[name] = scan


def scans() -> dict[str, Scan]:
    return dict(_scans)


def run_scans(now: dt.datetime | None = None) -> dict[str, Any]:
    """Run every registered scan; returns what each one answered."""
    when = now or timezone.now()
    return {name: scan(when) for name, scan in sorted(_scans.items())}


def every_quarter_hour(now: dt.datetime | None = None) -> None:
    when = now or timezone.now()
    run_scans(when)
    mailing.send_pending(when)


def daily_digest(now: dt.datetime | None = None) -> None:
    mailing.send_digests(now or timezone.now())


# The worker's scheduler queues tasks (django-tasks), not plain functions.
@task()
def scan_and_send_task() -> str:
    every_quarter_hour()
    return "scans run, pending e-mails sent"


@task()
def daily_digest_task() -> str:
    daily_digest()
    return "digests sent"


def register_periodic() -> bool:
    """Hand the periodic work to the worker's scheduler if it is there (True if so)."""
    try:
        periodic: Any = importlib.import_module("corridor.jobs.periodic")
    except ImportError:
        return False
    register = getattr(periodic, "register", None)
    if register is None:
        return False
    register("notifications.scan-and-send", scan_and_send_task, every=EVERY)
    register("notifications.daily-digest", daily_digest_task, at=DIGEST_AT)
    log.debug("notifications' periodic work registered with corridor.jobs")
    return True
