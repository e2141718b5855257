"""Putting work on the queue and reporting how far it has got.

Other apps start background work with :func:`start`::

    job = jobs.start(import_list, str(path), user=request.user, label="Import of plants.xlsx")
    return redirect(job)  # the page with its progress bar

and a task reports its progress with :func:`progress` (the same ``progress(done, total)``
callback as ``corridor.core.progress.progress_bar`` draws on a terminal, so the code
that does the work does not care where it runs)::

    @task()
    def import_list(path: str) -> None:
        report = progress()
        for n, row in enumerate(rows, 1):
            ...
            report(n, len(rows))
        finished(result_url=...)

Job rows are written with queryset updates, not ``save()``: a job is a record of the
machine's work, not an edit anyone makes, so it writes no change history (the change
log would otherwise fill with a reminder scan every fifteen minutes).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from corridor.core.scoping import system_scope
from corridor.jobs.models import Job, JobStatus

logger = logging.getLogger("corridor.jobs")

# The job the worker is running in this thread (set by corridor.jobs.worker).
_current: ContextVar[int | None] = ContextVar("corridor_current_job", default=None)
# How many transactions were open when the task started: more when progress is reported
# means the task is inside a transaction of its own.
_depth: ContextVar[int] = ContextVar("corridor_job_atomic_depth", default=0)

Progress = Callable[..., None]


class Refused(Exception):
    """Work that cannot succeed however often it is tried (a file that cannot be read, a
    record that is gone): the worker marks its Job failed at once, without retrying, and
    shows the message as it is written, for the person who started it."""


def default_attempts() -> int:
    return max(1, int(getattr(settings, "CORRIDOR_JOB_ATTEMPTS", 3)))


def start(
    task: Any,
    *args: Any,
    user: Any = None,
    label: str = "",
    attempts: int | None = None,
    **kwargs: Any,
) -> Job:
    """Put ``task(*args, **kwargs)`` on the queue and return the Job that follows it.

    The queue row and the Job are written in one transaction: a worker never claims a
    task whose Job is not there yet."""
    with transaction.atomic():
        result = task.enqueue(*args, **kwargs)
        return _create_job(
            str(result.id),
            task,
            user=user,
            label=label or _default_label(task),
            attempts=attempts or default_attempts(),
        )


def _default_label(task: Any) -> str:
    return str(getattr(task, "name", "") or task).replace("_", " ").capitalize()


def _create_job(result_id: str, task: Any, *, user: Any, label: str, attempts: int) -> Job:
    job = Job(
        task_result_id=result_id,
        task_path=str(getattr(task, "module_path", task))[:200],
        label=label[:200],
        started_by=user if getattr(user, "is_authenticated", False) else None,
        max_attempts=attempts,
    )
    with system_scope("a job beside its queued task"):
        # bulk_create: a job writes no change history (see the module's docstring)
        Job.objects.bulk_create([job])
    if job.pk is None:  # a database that returns no ids from a bulk insert
        with system_scope("a job beside its queued task"):
            job = Job.objects.get(task_result_id=result_id)
    return job


def job_for_result(result_id: str, task_path: str) -> Job:
    """The Job of a queued task; one is made for a task enqueued without :func:`start`
    (``some_task.enqueue()``), so every task the worker runs can be watched."""
    with system_scope("the worker's job bookkeeping"):
        job = Job.objects.filter(task_result_id=result_id).first()
    if job is not None:
        return job
    return _create_job(
        result_id,
        task_path,
        user=None,
        label=task_path.rsplit(".", 1)[-1].replace("_", " ").capitalize(),
        attempts=default_attempts(),
    )


def update(job_id: int, **fields: Any) -> None:
    with system_scope("the worker's job bookkeeping"):
        Job.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)


def current_job_id() -> int | None:
    return _current.get()


# -- progress ---------------------------------------------------------------


def progress_dir() -> Path:
    return Path(settings.VAR_DIR) / "jobs"


def progress_file(job_id: int) -> Path:
    return progress_dir() / f"{job_id}.json"


def read_progress_file(job_id: int) -> dict[str, Any] | None:
    """Progress written while the task held a database transaction (see ``progress``)."""
    try:
        return dict(json.loads(progress_file(job_id).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def _write_progress(job_id: int, done: int, total: int | None, message: str) -> None:
    if len(connection.atomic_blocks) > _depth.get():
        # Inside the task's own transaction a write to the Job would not be seen until
        # the end (and on SQLite another connection cannot write at all while this one
        # holds the write lock): the figures go to a small file under VAR_DIR instead,
        # which the job's page reads while the job runs.
        path = progress_file(job_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps({"done": done, "total": total, "message": message}))
        part.replace(path)
    else:
        update(job_id, done=done, total=total, message=message[:300])


def progress(every_seconds: float = 0.5) -> Progress:
    """A ``report(done, total, message="")`` callback for the running task's Job.

    It writes at most every ``every_seconds`` (and always the last step), so a loop may
    call it per row. Outside a worker (a command, a test calling the task directly) it
    does nothing."""
    job_id = _current.get()
    last = 0.0

    def report(done: int, total: int | None = None, message: str = "") -> None:
        nonlocal last
        if job_id is None:
            return
        now = time.monotonic()
        if now - last < every_seconds and (total is None or done < total):
            return
        last = now
        _write_progress(job_id, done, total, message)

    return report


def finished(
    *,
    result_url: str = "",
    result_label: str = "",
    message: str = "",
    links: list[tuple[str, str]] | None = None,
) -> None:
    """Say where the running task's result is (a link on its page, "See the result"
    unless ``result_label`` says better, e.g. "Download the briefing (PDF)"), a closing
    word and, for work that made several things, a link to each as ``(label, url)``."""
    job_id = _current.get()
    if job_id is None:
        return
    fields: dict[str, Any] = {}
    if result_url:
        fields["result_url"] = result_url[:300]
    if result_label:
        fields["result_label"] = result_label[:100]
    if message:
        fields["message"] = message[:300]
    if links:
        fields["links"] = [{"label": label[:300], "url": url[:300]} for label, url in links]
    if fields:
        update(job_id, **fields)


def call_task(task: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``task`` for the worker, noting the transactions open around it."""
    token = _depth.set(len(connection.atomic_blocks))
    try:
        return task.call(*args, **kwargs)
    finally:
        _depth.reset(token)


def clear_progress_file(job_id: int) -> None:
    """Keep the last figures of the job's progress file on the Job, then remove the file:
    the job's page reads the file only while the job runs."""
    figures = read_progress_file(job_id)
    if figures:
        total = figures.get("total")
        update(
            job_id, done=int(figures.get("done") or 0), total=None if total is None else int(total)
        )
    with contextlib.suppress(OSError):
        progress_file(job_id).unlink()


def shown(job: Job) -> Job:
    """The job with the figures of its progress file, while it runs (see ``progress``)."""
    if job.status == JobStatus.RUNNING:
        figures = read_progress_file(job.pk)
        if figures:
            job.done = int(figures.get("done") or 0)
            job.total = figures.get("total")
            job.message = str(figures.get("message") or job.message)
    return job
