"""Tasks the worker puts on the queue on a schedule.

Apps register theirs from their AppConfig.ready()::

    from corridor.jobs import periodic
    periodic.register("daily-digest", send_digests, at=datetime.time(7, 0))
    periodic.register("reminder-scan", scan_reminders, every=datetime.timedelta(minutes=15))

``every``: once in each period of that length (periods start at midnight UTC, so a
15-minute task runs at :00, :15, :30 and :45). ``at``: once a day at that local time
(``TIME_ZONE``). A worker that starts late runs the current period's task at once (the
07:00 digest at 09:10 when the worker was down at 07:00), never earlier periods'.

Each worker checks the schedule every few seconds; the first to insert the
``PeriodicRun`` row for (name, period start) enqueues the task in the same transaction,
the others' inserts fail on the unique constraint, so a period's task is queued once
however many workers run.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger("corridor.jobs")

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Any
    every: dt.timedelta | None
    at: dt.time | None

    def period_start(self, now: dt.datetime) -> dt.datetime:
        """The start of the period ``now`` falls in (an aware datetime, UTC)."""
        if self.every is not None:
            periods = (now - EPOCH) // self.every
            return EPOCH + periods * self.every
        assert self.at is not None
        zone = ZoneInfo(settings.TIME_ZONE)
        local = now.astimezone(zone)
        today = dt.datetime.combine(local.date(), self.at, tzinfo=zone)
        start = today if local >= today else today - dt.timedelta(days=1)
        return start.astimezone(dt.UTC)


_registry: dict[str, Periodic] = {}


def register(
    name: str,
    task: Any,
    *,
    every: dt.timedelta | None = None,
    at: dt.time | None = None,
) -> None:
    """Run ``task`` (a django-tasks Task taking no arguments) on a schedule: ``every``
    period, or once a day ``at`` a local time. Exactly one of the two."""
    if (every is None) == (at is None):
        raise ValueError(f"periodic task {name!r}: give exactly one of every= or at=")
    if every is not None and every <= dt.timedelta(0):
        raise ValueError(f"periodic task {name!r}: every= must be positive")
    if len(name) > 100:
        raise ValueError(f"periodic task {name!r}: the name is longer than 100 characters")
    if not callable(getattr(task, "enqueue", None)):
        # A plain function would be found out only when its period came round, in the
        # worker; refused here, the mistake stops Corridor from starting instead.
        raise TypeError(f"periodic task {name!r}: give a task (@django_tasks.task), not {task!r}")
    _registry[name] = Periodic(name=name, task=task, every=every, at=at)


def unregister(name: str) -> None:
    _registry.pop(name, None)


def registered() -> list[Periodic]:
    return list(_registry.values())


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    """Put on the queue each registered task not yet queued for its current period;
    the names of those this call queued."""
    from corridor.jobs import services
    from corridor.jobs.models import PeriodicRun

    now = now or timezone.now()
    queued = []
    for periodic in registered():
        start = periodic.period_start(now)
        if PeriodicRun.objects.filter(name=periodic.name, period_start=start).exists():
            continue
        try:
            with transaction.atomic():
                run = PeriodicRun.objects.create(
                    name=periodic.name, period_start=start, task_result_id=""
                )
                job = services.start(periodic.task, label=f"Scheduled: {periodic.name}")
                PeriodicRun.objects.filter(pk=run.pk).update(task_result_id=job.task_result_id)
        except IntegrityError:
            continue  # another worker queued it for this period
        logger.info("Queued periodic task %s for the period from %s", periodic.name, start)
        queued.append(periodic.name)
    return queued
