"""Background work a person can watch: one ``Job`` per task put on the queue.

The queue itself is django-tasks-db's table (``DBTaskResult``); a Job is what Corridor
adds beside it: who started the work, what it is called, how far it has got, how many
attempts it took, the error that stopped it and where to see its result.

``WorkerHeartbeat`` and ``PeriodicRun`` are the worker's own bookkeeping (no one edits
them, no page lists them): the first says which worker processes are alive, the second
makes a periodic task run once per period however many workers there are.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models.base import CorridorModel


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting"
    RUNNING = "running", "Running"
    RETRYING = "retrying", "Failed, will try again"
    SUCCEEDED = "succeeded", "Done"
    FAILED = "failed", "Failed"


FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED)


class Job(CorridorModel):
    """One piece of background work, as the person who started it sees it."""

    task_result_id = models.CharField(max_length=64, unique=True)
    task_path = models.CharField(max_length=200)
    label = models.CharField(max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for work the system started (periodic tasks).",
    )
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=3)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    message = models.CharField(max_length=300, blank=True)
    result_url = models.CharField(max_length=300, blank=True)
    result_label = models.CharField(
        max_length=100, blank=True, help_text='The result link\'s words; empty: "See the result".'
    )
    # More than one result (the documents of a batch): [{"label": ..., "url": ...}, ...]
    links = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    traceback = models.TextField(blank=True)
    worker_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["started_by", "-created_at"], name="job_mine_idx")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("job-detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))


class WorkerHeartbeat(models.Model):
    """A worker process that is (or was) alive: written every few seconds by its
    heartbeat thread, removed when it stops cleanly."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"


class PeriodicRun(models.Model):
    """That the periodic task ``name`` was put on the queue for the period starting at
    ``period_start``: the unique pair is what stops two workers enqueuing it twice."""

    name = models.CharField(max_length=100)
    period_start = models.DateTimeField()
    task_result_id = models.CharField(max_length=64)
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["name", "period_start"], name="periodic_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} at {self.period_start:%Y-%m-%d %H:%M}"
