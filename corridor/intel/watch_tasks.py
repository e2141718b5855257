"""The worker's watching: every 15 minutes, each active source that is due is read.

``watch_due_sources`` is registered with the worker's scheduler
(``corridor.jobs.periodic``) from ``IntelConfig.ready()``. It reads nothing itself: it
puts one ``read_watched_source`` task per due source on the queue, so each read is a
Job of its own (its progress, its result, its error) and a source that cannot be read
stops no other. **Read now** on a source's page starts the same task at once.

A read that fails is recorded on the source (``last_error``, ``last_status`` "Not
read") and its Job is refused (no retries: the next period tries again). After each
read, every listener of ``listeners.on_new_documents`` gets the new documents.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from corridor.core.scoping import system_scope
from corridor.intel import watching
from corridor.intel.listeners import on_new_documents
from corridor.intel.models import WatchedSource
from corridor.jobs import services as jobs

EVERY = dt.timedelta(minutes=15)
PERIODIC_NAME = "intel.watch-sources"


def start_read(source: WatchedSource, user: object = None) -> jobs.Job:
    """Queue a read of ``source``; the Job that follows it."""
    return jobs.start(
        read_watched_source, source.pk, True, user=user, label=f"Reading {source.name}"
    )


@task()
def watch_due_sources() -> str:
    """Queue a read of every active source that is due; what it queued."""
    due = watching.due(timezone.now())
    for source in due:
        jobs.start(read_watched_source, source.pk, False, label=f"Reading {source.name}")
    return f"{len(due)} source{'' if len(due) == 1 else 's'} to read"


@task()
def read_watched_source(source_id: int, forced: bool = False) -> int:
    """Read one source; how many documents it added."""
    with system_scope("the worker reads a watched source"):
        source = WatchedSource.objects.filter(pk=source_id).select_related("jurisdiction").first()
    if source is None:
        raise jobs.Refused("This source is no longer watched. Nothing was read.")
    if not forced and (not source.active or not watching.is_due(source, timezone.now())):
        jobs.finished(message=f"{source.name} was read a moment ago; nothing to do.")
        return 0
    report = jobs.progress(every_seconds=0)
    report(0, None, f"Reading {source.name}")
    try:
        result = watching.read_source(source, progress=report)
    except watching.WatchError as exc:
        raise jobs.Refused(f"{source.name} could not be read: {exc}") from exc
    on_new_documents.send(result.added)
    links = [
        (
            f"{d.title} ({_facts(getattr(d, 'fact_count', 0))} to check)",
            reverse("intel-document-detail", args=[d.pk]),
        )
        for d in result.added
    ]
    message = f"{source.name}: {result.status()}."
    if result.errors:
        message += " Not readable: " + "; ".join(result.errors)
    jobs.finished(
        result_url=reverse("intel-source-detail", args=[source.pk]),
        result_label="See the source",
        message=message[:1000],
        links=links or None,
    )
    return len(result.added)


def _facts(count: int) -> str:
    return f"{count} fact{'' if count == 1 else 's'}"


def register_periodic() -> None:
    from corridor.jobs import periodic

    periodic.register(PERIODIC_NAME, watch_due_sources, every=EVERY)
