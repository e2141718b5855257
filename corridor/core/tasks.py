"""Core's own background work: the change history's retention purge (scheduled daily
by the worker's app, ``corridor.jobs``, which knows core; core imports no app)."""

from __future__ import annotations

from django_tasks import task

from corridor.core.history import purge_history


@task()
def purge_history_task() -> str:
    deleted = purge_history()
    return f"{deleted} change records older than the retention period deleted"
