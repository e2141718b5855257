"""Where the CPU of a web benchmark run went: the load generator, the server, the rest.

On a small machine locust, gunicorn and PostgreSQL share the cores, so latency
under load is mostly queueing. Splitting the CPU shows what the server itself
spends per request, which is what sizing a real deployment needs (docs/deploy.md).

- the whole machine: busy time from ``/proc/stat`` between two readings;
- locust and gunicorn: the CPU time of each child once it has been waited for
  (``RUSAGE_CHILDREN`` grows by exactly that child's time, workers included,
  since the gunicorn master waits for its workers);
- the rest (PostgreSQL, mostly) is the machine's busy time minus those two.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from pathlib import Path


def machine_busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of every core since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and waiting for I/O
    total = sum(fields[:8])  # user nice system idle iowait irq softirq steal
    return (total - idle) / ticks, total / ticks


def children_seconds() -> float:
    """CPU seconds (user and system) of every child this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(slots=True)
class CpuSplit:
    busy: float
    available: float
    load_generator: float
    server: float

    @property
    def rest(self) -> float:
        return max(0.0, self.busy - self.load_generator - self.server)

    def figures(self, requests: int) -> dict[str, str]:
        served = self.server + self.rest
        per_request = 1000 * served / requests if requests else 0.0
        return {
            "cpu_machine": (
                f"{self.busy:.0f} s busy of {self.available:.0f} s "
                f"({100 * self.busy / self.available:.0f}%)"
                if self.available
                else "unknown"
            ),
            "cpu_load_generator": f"{self.load_generator:.0f} s (locust)",
            "cpu_server": f"{self.server:.0f} s (gunicorn, all workers)",
            "cpu_database_and_rest": f"{self.rest:.0f} s (PostgreSQL, mostly)",
            "cpu_per_request": f"{per_request:.0f} ms (server and database)",
        }


def probe_ms(rounds: int = 3) -> float:
    """Milliseconds one core takes for a fixed piece of pure Python (the best of
    ``rounds``), printed with each run so that runs on different machines, or on
    one machine whose host is busier, can be compared."""
    import time

    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i % 7
        best = min(best, time.perf_counter() - started)
    return round(1000 * best, 1)
