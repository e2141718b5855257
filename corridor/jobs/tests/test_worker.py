"""The worker in this process: Jobs follow their tasks, failures are retried with a
back-off and then reported, stale tasks are recovered, periodic tasks run once a period."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from corridor.core.scoping import system_scope
from corridor.jobs import periodic, services
from corridor.jobs.models import Job, JobStatus, PeriodicRun, WorkerHeartbeat
from corridor.jobs.tests import tasks
from corridor.jobs.worker import recover_stale, retry_delay, run_queued

pytestmark = pytest.mark.django_db


def _job(pk: int) -> Job:
    with system_scope("test reads the job"):
        return Job.objects.get(pk=pk)


def _result(job: Job) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=job.task_result_id)


def test_a_started_task_runs_and_its_job_follows(world: Any) -> None:
    job = services.start(tasks.add, 2, 3, user=world.alice, label="Adding up")
    assert _job(job.pk).status == JobStatus.QUEUED and _result(job).status == "READY"
    assert run_queued() == 1
    job = _job(job.pk)
    assert (job.status, job.attempts, job.done, job.total) == (JobStatus.SUCCEEDED, 1, 3, 3)
    assert (job.message, job.result_url, job.started_by) == ("added", "/jobs/", world.alice)
    assert job.finished_at is not None and job.error == ""
    assert _result(job).status == "SUCCESSFUL" and _result(job).return_value == 5
    assert run_queued() == 0


def test_a_task_enqueued_directly_gets_a_job_from_the_worker(db: Any) -> None:
    result = tasks.add.enqueue(1, 1)
    run_queued()
    with system_scope("test reads the job"):
        job = Job.objects.get(task_result_id=str(result.id))
    assert job.status == JobStatus.SUCCEEDED and job.started_by is None and job.label == "Add"


def test_a_failing_task_is_retried_and_then_succeeds(
    db: Any, settings: Any, tmp_path: Path, caplog: Any
) -> None:
    settings.CORRIDOR_JOB_RETRY_SECONDS = 0
    job = services.start(tasks.fails_until, str(tmp_path), 3)
    with caplog.at_level(logging.WARNING, logger="corridor.jobs"):
        assert run_queued() == 3
    job = _job(job.pk)
    assert (job.status, job.attempts) == (JobStatus.SUCCEEDED, 3)
    assert _result(job).return_value == "done on attempt 3"
    warnings = [r for r in caplog.records if "retrying" in r.getMessage()]
    assert len(warnings) == 2 and "attempt 1 of 3" in warnings[0].getMessage()


def test_a_task_failing_every_attempt_is_marked_failed_and_reported(
    world: Any, settings: Any, tmp_path: Path, caplog: Any
) -> None:
    settings.CORRIDOR_JOB_RETRY_SECONDS = 0
    job = services.start(tasks.fails_until, str(tmp_path), 99, user=world.alice)
    with caplog.at_level(logging.ERROR, logger="corridor.jobs"):
        assert run_queued() == 3
    job = _job(job.pk)
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert job.error == "ValueError: the supplier list is unreadable (attempt 3)"
    assert "Traceback" in job.traceback and job.finished_at is not None
    assert _result(job).status == "FAILED"
    assert "ValueError" in _result(job).exception_class_path
    errors = [r for r in caplog.records if r.name == "corridor.jobs" and r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "failed after 3 attempt(s)" in errors[0].getMessage()
    assert run_queued() == 0


def test_a_retry_waits_for_its_back_off(db: Any, settings: Any, tmp_path: Path) -> None:
    settings.CORRIDOR_JOB_RETRY_SECONDS = 30
    assert retry_delay(1) == dt.timedelta(seconds=30)
    assert retry_delay(2) == dt.timedelta(seconds=60)
    job = services.start(tasks.fails_until, str(tmp_path), 2)
    before = timezone.now()
    assert run_queued() == 1  # the retry is not due yet
    job = _job(job.pk)
    assert job.status == JobStatus.RETRYING and job.attempts == 1
    assert job.error.startswith("ValueError")
    assert job.next_attempt_at is not None
    assert job.next_attempt_at >= before + dt.timedelta(seconds=30)
    result = _result(job)
    assert result.status == "READY" and result.run_after == job.next_attempt_at
    DBTaskResult.objects.filter(pk=result.pk).update(run_after=timezone.now())
    assert run_queued() == 1
    assert _job(job.pk).status == JobStatus.SUCCEEDED


def _claimed_by(worker_id: str, started: dt.datetime | None = None) -> Job:
    job = services.start(tasks.add, 1, 2)
    result = _result(job)
    result.claim(worker_id)
    if started is not None:
        DBTaskResult.objects.filter(pk=result.pk).update(started_at=started)
    services.update(job.pk, status=JobStatus.RUNNING, attempts=1)
    return job


def _heartbeat(worker_id: str, *, host: str, pid: int, age: float) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname=host,
        pid=pid,
        started_at=now - dt.timedelta(seconds=age),
        last_seen=now - dt.timedelta(seconds=age),
    )


def _unused_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_tasks_of_a_gone_worker_are_queued_again_and_others_are_left(
    db: Any, settings: Any
) -> None:
    settings.CORRIDOR_WORKER_STALE_SECONDS = 60
    here = socket.gethostname()
    _heartbeat("dead-here", host=here, pid=_unused_pid(), age=1)
    _heartbeat("alive-here", host=here, pid=os.getpid(), age=1)
    _heartbeat("silent-there", host="other-host", pid=1, age=120)
    _heartbeat("beating-there", host="other-host", pid=1, age=5)
    dead_here = _claimed_by("dead-here")
    alive_here = _claimed_by("alive-here")
    silent_there = _claimed_by("silent-there")
    beating_there = _claimed_by("beating-there")
    no_beat_old = _claimed_by("never-beat", timezone.now() - dt.timedelta(seconds=300))
    no_beat_new = _claimed_by("never-beat-yet")

    recovered = set(recover_stale())

    assert recovered == {
        dead_here.task_result_id,
        silent_there.task_result_id,
        no_beat_old.task_result_id,
    }
    for job in (alive_here, beating_there, no_beat_new):
        assert _result(job).status == "RUNNING"
    assert _job(dead_here.pk).status == JobStatus.QUEUED
    assert "stopped" in _job(dead_here.pk).message
    assert run_queued() == 3
    assert _job(dead_here.pk).status == JobStatus.SUCCEEDED
    assert _job(dead_here.pk).attempts == 2


def test_a_task_that_keeps_killing_its_worker_fails_after_its_attempts(db: Any) -> None:
    job = _claimed_by("dead", timezone.now() - dt.timedelta(seconds=300))
    services.update(job.pk, attempts=3)
    assert recover_stale() == [job.task_result_id]
    job = _job(job.pk)
    assert job.status == JobStatus.FAILED and "stopped 3 time(s)" in job.error
    assert _result(job).status == "FAILED"


# -- periodic tasks -----------------------------------------------------------


@pytest.fixture
def schedule(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The schedule with only the test's own periodic tasks (the apps' own, such as the
    notifications' digests, are set aside and back afterwards)."""
    monkeypatch.setattr(periodic, "_registry", {})
    yield periodic


def test_periods_of_every_and_at(settings: Any) -> None:
    settings.TIME_ZONE = "America/Toronto"
    quarter = periodic.Periodic("q", None, every=dt.timedelta(minutes=15), at=None)
    now = dt.datetime(2026, 3, 2, 14, 37, 12, tzinfo=dt.UTC)
    assert quarter.period_start(now) == dt.datetime(2026, 3, 2, 14, 30, tzinfo=dt.UTC)
    digest = periodic.Periodic("d", None, every=None, at=dt.time(7, 0))
    # 14:37 UTC is 09:37 in Toronto (EST): today's 07:00 local, 12:00 UTC
    assert digest.period_start(now) == dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
    # 11:00 UTC is 06:00 in Toronto: still yesterday's period
    early = dt.datetime(2026, 3, 2, 11, 0, tzinfo=dt.UTC)
    assert digest.period_start(early) == dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    # in summer (EDT) 07:00 local is 11:00 UTC
    summer = dt.datetime(2026, 7, 2, 11, 30, tzinfo=dt.UTC)
    assert digest.period_start(summer) == dt.datetime(2026, 7, 2, 11, 0, tzinfo=dt.UTC)


def test_register_refuses_a_schedule_that_is_not_one(schedule: Any) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        schedule.register("test-bad", tasks.add)
    with pytest.raises(ValueError, match="exactly one"):
        schedule.register("test-bad", tasks.add, every=dt.timedelta(1), at=dt.time(7))
    with pytest.raises(ValueError, match="positive"):
        schedule.register("test-bad", tasks.add, every=dt.timedelta(0))


def test_register_refuses_a_plain_function(schedule: Any) -> None:
    # The worker enqueues what is registered: a function has no queue to go on.
    with pytest.raises(TypeError, match="give a task"):
        schedule.register("test-plain", tasks.add.func, every=dt.timedelta(minutes=15))


def test_every_registered_periodic_task_can_be_queued() -> None:
    assert periodic.registered(), "the apps register their periodic work at start-up"
    assert all(callable(getattr(p.task, "enqueue", None)) for p in periodic.registered())


@pytest.mark.django_db
def test_a_periodic_task_is_queued_once_per_period(schedule: Any) -> None:
    schedule.register("test-quarter", tasks.add.using(), every=dt.timedelta(minutes=15))
    schedule.register("test-digest", tasks.add, at=dt.time(7, 0))
    now = dt.datetime(2026, 3, 2, 14, 37, tzinfo=dt.UTC)
    assert sorted(schedule.enqueue_due(now)) == ["test-digest", "test-quarter"]
    # a second worker (or the same one, a beat later) finds both already queued
    assert schedule.enqueue_due(now + dt.timedelta(minutes=5)) == []
    # the next quarter hour: only the 15-minute task again
    assert schedule.enqueue_due(now + dt.timedelta(minutes=10)) == ["test-quarter"]
    assert PeriodicRun.objects.filter(name="test-quarter").count() == 2
    with system_scope("test reads the jobs"):
        labels = sorted(Job.objects.values_list("label", flat=True))
    assert labels == [
        "Scheduled: test-digest",
        "Scheduled: test-quarter",
        "Scheduled: test-quarter",
    ]
    run = PeriodicRun.objects.get(name="test-digest")
    assert DBTaskResult.objects.filter(pk=run.task_result_id).exists()


@pytest.mark.django_db
def test_a_period_already_claimed_by_another_worker_is_not_queued_again(
    schedule: Any,
) -> None:
    """Two workers that both read "not yet queued": the second insert hits the unique
    constraint and queues nothing."""
    schedule.register("test-race", tasks.add, every=dt.timedelta(hours=1))
    now = dt.datetime(2026, 3, 2, 14, 37, tzinfo=dt.UTC)
    start = schedule.registered()[-1].period_start(now)
    real_filter = PeriodicRun.objects.filter

    class SawNothing:
        def exists(self) -> bool:
            return False

    PeriodicRun.objects.create(name="test-race", period_start=start, task_result_id="x")
    PeriodicRun.objects.filter = lambda **kw: SawNothing()  # type: ignore[method-assign,assignment]
    try:
        assert schedule.enqueue_due(now) == []
    finally:
        PeriodicRun.objects.filter = real_filter  # type: ignore[method-assign]
    assert DBTaskResult.objects.count() == 0
