"""Tasks per second through one `corridor worker` loop (docs/benchmarks.md).

    .venv/bin/python benchmarks/jobs_throughput.py [TASKS]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/corridor_jobs_bench \\
        .venv/bin/python benchmarks/jobs_throughput.py

With no DATABASE_URL it makes a SQLite file database in a temporary folder. It queues
TASKS (default 500) small tasks through ``corridor.jobs.services.start`` (queue row and
Job), then runs one worker loop in batch mode (claim, run, Job bookkeeping, result)
until the queue is empty, and prints the rate. The database should be empty of tasks.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
folder = tempfile.mkdtemp(prefix="corridor-jobs-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
os.environ.setdefault("CORRIDOR_VAR_DIR", folder)
os.environ["DJANGO_SETTINGS_MODULE"] = "corridor.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_tasks import task  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from corridor.jobs import services  # noqa: E402
from corridor.jobs.worker import CorridorWorker  # noqa: E402


@task()
def small_task(n: int) -> int:
    report = services.progress(every_seconds=0)
    report(1, 1, "done")
    return n * 2


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    call_command("migrate", verbosity=0)
    DBTaskResult.objects.all().delete()
    started = time.perf_counter()
    for n in range(count):
        services.start(small_task, n, label=f"bench {n}")
    queued = time.perf_counter() - started
    worker = CorridorWorker(
        housekeeping=False,
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    started = time.perf_counter()
    worker.run()
    ran = time.perf_counter() - started
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
    print(
        f"{connection.vendor}: queued {count} in {queued:.2f} s ({count / queued:.0f}/s); "
        f"one worker ran {done} in {ran:.2f} s ({done / ran:.0f} tasks/s)"
    )


if __name__ == "__main__":
    main()
