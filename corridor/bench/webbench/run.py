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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corridor.bench.webbench.cpu import (
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
        [sys.executable, "-m", "corridor.bench.webbench.data", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1, all different (each held until all are found)."""
    with contextlib.ExitStack() as held:
        probes = [held.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]


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


# With the API on its own workers, the pages' workers run at this nice value unless
# told otherwise: API reads (target 100 ms) are then scheduled ahead of pages
# (300 ms) on busy cores, as a deployment would weigh the two services (systemd's
# CPUWeight= or Nice=).
PAGES_NICE = 5
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


@dataclass
class Server:
    """One gunicorn serving Corridor: its master process, its address and its access log."""

    process: subprocess.Popen[bytes]
    host: str
    access_log: Path  # the path of each request served, a line each

    def served(self) -> tuple[int, int, int]:
        """Requests this server answered, how many were the API's, and how many the
        sign-in page (asked until the server answers: more than once on a slow start)."""
        if not self.access_log.exists():
            return 0, 0, 0
        paths = self.access_log.read_text(encoding="utf-8").splitlines()
        api = sum(1 for path in paths if path.startswith("/api/"))
        return len(paths), api, sum(1 for path in paths if path == "/login/")


def _gunicorn(
    port: int, workers: int, threads: int, env: dict[str, str], access_log: Path, nice: int = 0
) -> Server:
    """A production server for Corridor on 127.0.0.1:port, at CPU priority ``nice``."""
    process = subprocess.Popen(
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
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(U)s",
        ],
        env=env,
        preexec_fn=(lambda: os.nice(nice)) if nice else None,
    )
    return Server(process, f"http://127.0.0.1:{port}", access_log)


def _kill_a_worker_of_each(servers: list[Server]) -> tuple[list[int], float]:
    """SIGKILL one worker of each server (pages, and the API's own when it has one),
    all found first so that they die together; the pids and when they died."""
    victims = [alive[0] for alive in (worker_pids(s.process.pid) for s in servers) if alive]
    killed_at = time.time()
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    return victims, killed_at


def _stop(servers: list[Server]) -> None:
    for server in servers:
        server.process.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


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
    api_workers: int = 0,
    pages_nice: int = PAGES_NICE,
) -> dict[str, Any]:
    from corridor.bench.benchdata import ensure_pg_database

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
    server_env = {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CORRIDOR_DEMO": "0",
    }
    # (workers, access log, nice) of each server: the pages' (and the API's), or one for all
    pools = [(workers, "pages.log", pages_nice if api_workers else 0)]
    if api_workers:  # the API on its own workers, as a proxy routing /api/ would do
        pools.append((api_workers, "api.log", 0))
    servers = [
        _gunicorn(port, count, threads, server_env, work / log, nice)
        for port, (count, log, nice) in zip(_free_ports(len(pools)), pools, strict=True)
    ]
    if api_workers:
        config["api_host"] = servers[1].host
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    kill_time = None
    killed: list[int] = []
    try:
        for server in servers:
            _wait_until_serving(server.host, server.process)
        before = [len(worker_pids(server.process.pid)) for server in servers]
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
                servers[0].host,
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
            killed, kill_time = _kill_a_worker_of_each(servers)
        load.wait(timeout=duration + 120)
        busy_after, total_after = machine_busy_seconds()
        load_cpu = children_seconds() - children_before
        after = [len(worker_pids(server.process.pid)) for server in servers]
    finally:
        _stop(servers)
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
        "gunicorn_workers": f"{workers} x {threads} threads"
        + (
            f", the API on its own {api_workers} x {threads}, the pages' at nice {pages_nice}"
            if api_workers
            else ""
        ),
        **figures,
        "worker_killed": (
            f"pid {', '.join(map(str, killed))} at {warm_up + duration // 2} s; "
            f"workers before {'+'.join(map(str, before))}, after {'+'.join(map(str, after))}"
            if killed
            else "no"
        ),
        "requests_whole_run": totals["requests"],
        **{
            f"served_by_{name}": "{} requests ({} of them the API's, {} the sign-in page)".format(
                *server.served()
            )
            for name, server in zip(("server", "api_server"), servers, strict=False)
        },
        "errors_whole_run": len(failures),
        **cpu.figures(totals["requests"]),
        "writes_answered_ok": writes_ok,
        "writes_in_database": check["written"],
        "writes_without_history": check["without_history"],
        "writes_consistent": "yes" if consistent else "NO",
    }
