"""The worker: django-tasks-db's loop, plus what Corridor needs beside it.

django-tasks-db claims a task in a transaction (``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so several workers never take the same row; ``BEGIN EXCLUSIVE`` on SQLite,
one claim at a time) and runs it once. It does not retry a task that raised, and a
task whose worker died stays "running" for ever. This module adds:

* **retries**: a task that raises is put back on the queue with a back-off
  (``CORRIDOR_JOB_RETRY_SECONDS`` x 2^(attempt-1)) until its Job's ``max_attempts``;
  then it is marked failed, its error kept on the Job, and a log line written;
* **a heartbeat and recovery**: a thread writes this worker's ``WorkerHeartbeat`` every
  ``CORRIDOR_WORKER_HEARTBEAT_SECONDS``; every worker puts back on the queue the tasks
  "running" on a worker that is gone (on the same machine: its process no longer
  exists; elsewhere: no heartbeat for ``CORRIDOR_WORKER_STALE_SECONDS``);
* **the schedule**: the same thread queues the periodic tasks that are due
  (``corridor.jobs.periodic``);
* **the Job**: its status, attempts, worker and error follow the task.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from traceback import format_exception
from typing import Any

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.jobs import periodic, services
from corridor.jobs.models import Job, JobStatus, WorkerHeartbeat

logger = logging.getLogger("corridor.jobs")


def heartbeat_seconds() -> float:
    return float(getattr(settings, "CORRIDOR_WORKER_HEARTBEAT_SECONDS", 5))


def stale_seconds() -> float:
    return float(getattr(settings, "CORRIDOR_WORKER_STALE_SECONDS", 60))


def retry_delay(attempt: int) -> dt.timedelta:
    """How long to wait before attempt ``attempt + 1``."""
    base = float(getattr(settings, "CORRIDOR_JOB_RETRY_SECONDS", 30))
    return dt.timedelta(seconds=base * 2 ** max(0, attempt - 1))


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    if isinstance(exc, services.Refused) and text:
        return " ".join(line.strip() for line in text)  # written for the officer: as it is
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _requeue(db_result: DBTaskResult, run_after: dt.datetime) -> bool:
    """Put a claimed task back on the queue; False if it was no longer this claim."""
    return bool(
        DBTaskResult.objects.filter(
            pk=db_result.pk, status=TaskResultStatus.RUNNING, started_at=db_result.started_at
        ).update(status=TaskResultStatus.READY, run_after=run_after)
    )


class CorridorWorker(Worker):
    """django-tasks-db's Worker with retries, Jobs, a heartbeat, recovery and a schedule."""

    def __init__(self, *, housekeeping: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.housekeeping = housekeeping
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- running one task ---------------------------------------------------

    def run_task(self, db_task_result: DBTaskResult) -> None:
        with change_context(source="worker"):
            self._run_task(db_task_result)

    def _run_task(self, db_result: DBTaskResult) -> None:
        self.running_task = True
        job = services.job_for_result(str(db_result.pk), db_result.task_path)
        attempt = job.attempts + 1
        services.update(
            job.pk,
            status=JobStatus.RUNNING,
            attempts=attempt,
            worker_id=self.worker_id,
            started_at=timezone.now(),
            next_attempt_at=None,
        )
        token = services._current.set(job.pk)
        try:
            task = db_result.task
            task_result = db_result.task_result
            task_started.send(sender=type(task.get_backend()), task_result=task_result)
            args = list(task_result.args)
            if task.takes_context:
                args.insert(0, TaskContext(task_result=task_result))
            if connection.in_atomic_block:
                # run inside someone's transaction (a test): a savepoint keeps a failing
                # task's writes from breaking it
                with transaction.atomic():
                    value = services.call_task(task, *args, **task_result.kwargs)
            else:
                value = services.call_task(task, *args, **task_result.kwargs)
            db_result.set_successful(value)
            services.clear_progress_file(job.pk)  # its figures first, then "Done"
            self._finish(job, JobStatus.SUCCEEDED)
            task_finished.send(sender=type(task.get_backend()), task_result=db_result.task_result)
        except (KeyboardInterrupt, SystemExit):
            # The worker was told to stop in the middle: the task goes back to the queue
            # and this attempt does not count.
            _requeue(db_result, timezone.now())
            services.update(
                job.pk,
                status=JobStatus.QUEUED,
                attempts=attempt - 1,
                message="The worker stopped; the work will start again.",
            )
            raise
        except Exception as exc:
            self._failed(db_result, job, attempt, exc)
        finally:
            services._current.reset(token)
            services.clear_progress_file(job.pk)
            self.running_task = False
            self._run_tasks += 1

    def _finish(self, job: Job, status: str, **fields: Any) -> None:
        now = timezone.now()
        with system_scope("the worker's job bookkeeping"):
            total = Job.objects.filter(pk=job.pk).values_list("total", flat=True).first()
        if status == JobStatus.SUCCEEDED and total:
            fields.setdefault("done", total)
        services.update(job.pk, status=status, finished_at=now, **fields)

    def _failed(self, db_result: DBTaskResult, job: Job, attempt: int, exc: Exception) -> None:
        error = _one_line(exc)
        trace = "".join(format_exception(exc))
        if attempt < job.max_attempts and not isinstance(exc, services.Refused):
            at = timezone.now() + retry_delay(attempt)
            if _requeue(db_result, at):
                services.update(
                    job.pk,
                    status=JobStatus.RETRYING,
                    error=error,
                    traceback=trace,
                    next_attempt_at=at,
                )
                logger.warning(
                    "Job %s (%s) failed on attempt %d of %d, retrying at %s: %s",
                    job.pk,
                    job.task_path,
                    attempt,
                    job.max_attempts,
                    at.isoformat(timespec="seconds"),
                    error,
                )
                return
        db_result.set_failed(exc)
        self._finish(job, JobStatus.FAILED, error=error, traceback=trace)
        logger.error(
            "Job %s (%s) failed after %d attempt(s): %s", job.pk, job.task_path, attempt, error
        )
        try:
            task_finished.send(
                sender=type(db_result.task.get_backend()), task_result=db_result.task_result
            )
        except Exception:  # the task's module may be gone
            logger.exception("Job %s: telling listeners it failed", job.pk)

    # -- the housekeeping thread ---------------------------------------------

    def run(self) -> None:
        if self.housekeeping:
            beat(self.worker_id)
            self._thread = threading.Thread(
                target=self._housekeep, name="corridor-worker-housekeeping", daemon=True
            )
            self._thread.start()
        try:
            super().run()
        finally:
            self._stop.set()
            if self._thread is not None:
                self._thread.join(timeout=heartbeat_seconds() + 5)
                WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def _housekeep(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    close_old_connections()
                    beat(self.worker_id)
                    recover_stale()
                    periodic.enqueue_due()
                except OperationalError as exc:
                    # SQLite: a task holds the write lock; try again at the next beat
                    logger.debug("Worker housekeeping skipped a beat: %s", exc)
                except Exception:  # the thread must not die
                    logger.exception("Worker housekeeping failed")
                self._stop.wait(heartbeat_seconds())
        finally:
            connection.close()


def beat(worker_id: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "last_seen": now},
        create_defaults={
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": now,
            "last_seen": now,
        },
    )


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_is_gone(heartbeat: WorkerHeartbeat | None, now: dt.datetime) -> bool:
    """Whether the worker of this heartbeat has stopped without finishing its task."""
    if heartbeat is None:
        return True  # it stopped cleanly (its row is removed) or never beat
    age = (now - heartbeat.last_seen).total_seconds()
    if heartbeat.hostname == socket.gethostname():
        # Same machine: the process itself says. A long heartbeat silence also counts,
        # in case the process id has been given to another program since.
        return not _process_exists(heartbeat.pid) or age > 10 * stale_seconds()
    return age > stale_seconds()


def recover_stale(now: dt.datetime | None = None) -> list[str]:
    """Put back on the queue the tasks whose worker is gone; the ids of those put back
    (or failed, when a task has used up its attempts by killing its workers)."""
    now = now or timezone.now()
    grace = dt.timedelta(seconds=stale_seconds())
    recovered: list[str] = []
    running = list(DBTaskResult.objects.running())
    if not running:
        return recovered
    ids = {r.worker_ids[-1] for r in running if r.worker_ids}
    beats = {b.worker_id: b for b in WorkerHeartbeat.objects.filter(worker_id__in=ids)}
    for result in running:
        worker_id = result.worker_ids[-1] if result.worker_ids else ""
        heartbeat = beats.get(worker_id)
        if heartbeat is None and result.started_at and now - result.started_at < grace:
            continue  # a worker without a heartbeat (plain db_worker) gets the grace period
        if not worker_is_gone(heartbeat, now):
            continue
        with exclusive_transaction():
            job = services.job_for_result(str(result.pk), result.task_path)
            if job.attempts >= job.max_attempts:
                error = (
                    f"The worker running this stopped {job.attempts} time(s) before it finished."
                )
                result.set_failed(RuntimeError(error))
                services.update(job.pk, status=JobStatus.FAILED, error=error, finished_at=now)
                logger.error("Job %s (%s) failed: %s", job.pk, job.task_path, error)
            elif _requeue(result, now):
                services.update(
                    job.pk,
                    status=JobStatus.QUEUED,
                    message="The worker running this stopped; it will run again.",
                )
                logger.warning(
                    "Job %s (%s): worker %s is gone, the task is queued again",
                    job.pk,
                    job.task_path,
                    worker_id,
                )
            else:
                continue
        recovered.append(str(result.pk))
    return recovered


def run_queued(*, max_tasks: int = 1000, worker_id: str = "in-process") -> int:
    """Run the tasks waiting on the queue now, in this process and thread, until none is
    ready; how many ran. For tests (and ``corridor worker --batch``-like scripts): other
    apps' tests enqueue as usual and call this instead of starting a worker."""
    worker = CorridorWorker(
        housekeeping=False,
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    ran = 0
    while ran < max_tasks:
        with exclusive_transaction():
            db_result = DBTaskResult.objects.ready().get_locked()
            if db_result is None:
                break
            db_result.claim(worker_id)
        worker.run_task(db_result)
        ran += 1
    return ran
