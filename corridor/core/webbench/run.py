"""Run the web benchmark: data, gunicorn, locust, a killed worker, the checks.

Everything listens on and talks to 127.0.0.1 only. The benchmark database is
its own (SQLite: ``var/bench/web-<facilities>-<calls>-<seed>.sqlite3``;
PostgreSQL: ``corridor_webbench``, or ``CORRIDOR_WEBBENCH_PG_URL``).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from corridor.core.webbench.cpu import (
    CpuSplit,
    children_seconds,
    machine_busy_seconds,
    probe_ms,
)

PG_URL = os.environ.get(
    "CORRIDOR_WEBBENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/corridor_webbench"
)
# p95 targets in milliseconds, by the first word of a request's name
TARGETS = {"page": 300.0, "api": 100.0}
# a request that fails more than this long after the kill was not in flight when it
# happened (half a second before counts too: the two processes' clocks)
KILL_WINDOW_SECONDS = 2.0


def database_url(database: str, facilities: int, calls: int, seed: int) -> str:
    if database == "postgres":
        return PG_URL
    from django.conf import settings

    folder = Path(settings.VAR_DIR) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / f"web-{facilities}-{calls}-{seed}.sqlite3").resolve()
    return f"sqlite:///{path}"


def _child(args: list[str], env: dict[str, str], what: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "corridor.core.webbench.data", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_serving(url: str, server: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before serving (see its log above)")
        try:
            with urllib.request.urlopen(url + "/login/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on {url} within {seconds:.0f} s")


LOAD_PRIORITY = -5  # nice value of the load generator, when allowed (root)


def _ahead_of_the_server() -> None:
    """Run in locust's process before it starts. The load generator stands in for
    clients on other machines: scheduled ahead of the server it needs little CPU
    (2-3% of the run), and its own wait for a core is not counted as Corridor's
    latency. Without the right to raise a priority it runs as it is."""
    with contextlib.suppress(OSError):
        os.nice(LOAD_PRIORITY)


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's child processes (its workers), from /proc."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(entry.name))
    return sorted(pids)


def read_stats(prefix: str) -> list[dict[str, str]]:
    with open(f"{prefix}_stats.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def summarise(
    rows: list[dict[str, str]], failures: list[dict[str, Any]], kill_time: float | None
) -> dict[str, Any]:
    """Figures per request name with PASS/FAIL against the targets, and the error split."""
    result: dict[str, Any] = {}
    passed = True
    for row in rows:
        name = row["Name"]
        if name == "Aggregated":
            result["requests"] = int(row["Request Count"])
            result["requests_per_second"] = round(float(row["Requests/s"]), 1)
            result["errors"] = int(row["Failure Count"])
            continue
        target = TARGETS.get(name.split(" ", 1)[0])
        if row["95%"] in ("", "N/A"):  # nothing after the warm-up (the sign-ins)
            continue
        p95 = float(row["95%"])
        verdict = "" if target is None else ("PASS" if p95 < target else "FAIL")
        passed = passed and verdict != "FAIL"
        result[f"{name}"] = (
            f"n={row['Request Count']} err={row['Failure Count']} "
            f"p50/p95/p99 {row['50%']}/{row['95%']}/{row['99%']} ms"
            + (f"  target p95<{target:.0f} {verdict}" if target else "")
        )
    near = [
        f
        for f in failures
        if kill_time is not None and -0.5 <= f["t"] - kill_time <= KILL_WINDOW_SECONDS
    ]
    result["errors_at_the_kill"] = len(near)
    result["errors_elsewhere"] = len(failures) - len(near)
    result["latency_targets"] = "PASS" if passed else "FAIL"
    return result


def run_benchmark(
    facilities: int = 100_000,
    calls: int = 500_000,
    users: int = 50,
    duration: int = 300,
    workers: int = 8,
    threads: int = 2,
    database: str = "postgres",
    seed: int = 1,
    kill: bool = True,
    warm_up: int = 30,
) -> dict[str, Any]:
    from corridor.core.benchdata import ensure_pg_database

    url = database_url(database, facilities, calls, seed)
    if database == "postgres":
        ensure_pg_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "corridor.settings"}
    started = time.perf_counter()
    data = _child([str(facilities), str(calls), str(seed)], env, "preparing the benchmark data")
    prepared_seconds = time.perf_counter() - started
    probe = probe_ms()  # before the load, on a quiet machine
    work = Path(tempfile.mkdtemp(prefix="corridor-webbench-"))
    mark = f"webbench-{secrets.token_hex(4)}"
    config = {
        **data,
        "write_mark": mark,
        "failure_log": str(work / "failures.jsonl"),
        "totals_file": str(work / "totals.json"),
        "warm_up_seconds": warm_up,
    }
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server_env = {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CORRIDOR_DEMO": "0",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "corridor.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--timeout",
            "60",
            # longer than a user's thinking time, so an idle kept-alive connection is
            # never closed by the server just as the client sends on it
            "--keep-alive",
            "10",
            "--log-level",
            "warning",
        ],
        env=server_env,
    )
    kill_time = None
    killed_pid = None
    try:
        _wait_until_serving(host, server)
        before = worker_pids(server.pid)
        busy_before, total_before = machine_busy_seconds()
        children_before = children_seconds()
        load = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(Path(__file__).with_name("locustfile.py")),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 5)),
                "--run-time",
                f"{warm_up + duration}s",
                "--host",
                host,
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--stop-timeout",
                "5",
                "--exit-code-on-error",
                "0",
                "--loglevel",
                "WARNING",
            ],
            env={**env, "CORRIDOR_WEBBENCH_CONFIG": str(work / "config.json")},
            stdout=subprocess.DEVNULL,
            preexec_fn=_ahead_of_the_server,
        )
        if kill:
            time.sleep(warm_up + duration / 2)
            alive = worker_pids(server.pid)
            if alive:
                killed_pid = alive[0]
                kill_time = time.time()
                os.kill(killed_pid, signal.SIGKILL)
        load.wait(timeout=duration + 120)
        busy_after, total_after = machine_busy_seconds()
        load_cpu = children_seconds() - children_before
        after = worker_pids(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    cpu = CpuSplit(
        busy=busy_after - busy_before,
        available=total_after - total_before,
        load_generator=load_cpu,
        # the server's time includes its start (imports) before the load: a few seconds
        server=children_seconds() - children_before - load_cpu,
    )
    failures = []
    log = work / "failures.jsonl"
    if log.exists():
        failures = [json.loads(line) for line in log.read_text().splitlines() if line]
    rows = read_stats(str(work / "load"))
    figures = summarise(rows, failures, kill_time)
    if not (work / "totals.json").exists():
        raise RuntimeError(f"locust ended without writing its totals (see {work})")
    totals = json.loads((work / "totals.json").read_text(encoding="utf-8"))
    writes_ok, writes_failed = totals["writes_ok"], totals["writes_failed"]
    check = _child(["check", mark], env, "checking the writes")
    consistent = (
        writes_ok <= check["written"] <= writes_ok + writes_failed and check["without_history"] == 0
    )
    return {
        "database": "postgresql" if database == "postgres" else "sqlite",
        "facilities": data["facilities"],
        "calls": data["calls"],
        "prepare_seconds": round(prepared_seconds, 1),
        "cpu_probe_ms": f"{probe} (a fixed pure-Python loop on one core; lower is faster)",
        "users": users,
        "warm_up_seconds": warm_up,
        "duration_seconds": duration,
        "gunicorn_workers": f"{workers} x {threads} threads",
        **figures,
        "worker_killed": (
            f"pid {killed_pid} at {warm_up + duration // 2} s; workers before {len(before)}, "
            f"after {len(after)}"
            if killed_pid
            else "no"
        ),
        "requests_whole_run": totals["requests"],
        "errors_whole_run": len(failures),
        **cpu.figures(totals["requests"]),
        "writes_answered_ok": writes_ok,
        "writes_in_database": check["written"],
        "writes_without_history": check["without_history"],
        "writes_consistent": "yes" if consistent else "NO",
    }
