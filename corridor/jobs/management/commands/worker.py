"""``corridor worker``: runs background tasks, the schedule and the recovery of tasks
whose worker stopped (docs/worker.md). Start as many as the work needs."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from corridor.jobs.worker import CorridorWorker


class Command(DbWorkerCommand):
    help = (
        "Run Corridor's background worker: queued tasks with retries, periodic tasks, "
        "and tasks left by a worker that stopped."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        batch = options["batch"]
        excluded = options["exclude_queues"]
        worker = CorridorWorker(
            housekeeping=not batch,
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded.split(",") if excluded else [],
        )
        worker.configure_signals()
        worker.run()
