"""`corridor bench web` end to end at a small scale: data, gunicorn, locust, a killed worker."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command

from corridor.bench.webbench.run import summarise


def test_the_web_benchmark_serves_loads_kills_a_worker_and_checks_the_writes(
    settings: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command(
        "bench", "web", "--facilities", "200", "--calls", "1000", "--users", "5",
        "--duration", "12", "--warm-up", "3", "--workers", "2", "--api-workers", "1",
        "--database", "sqlite", stdout=out,
    )  # fmt: skip
    figures = dict(line.split("  ", 1) for line in out.getvalue().splitlines())
    figures = {k.strip(): v.strip() for k, v in figures.items()}
    assert figures["facilities"] == "200" and figures["calls"] == "1000"
    assert int(figures["requests"]) > 20
    # the figures describe the load after the warm-up; the whole run's count is larger
    assert int(figures["requests_whole_run"]) > int(figures["requests"])
    assert figures["warm_up_seconds"] == "3"
    assert float(figures["cpu_probe_ms"].split()[0]) > 0
    assert figures["errors_whole_run"] == figures["errors_at_the_kill"]  # none elsewhere
    assert figures["errors_elsewhere"] == "0", out.getvalue()
    assert figures["worker_killed"].startswith("pid ")
    # one worker of each server is killed, and each server replaces its own
    assert (
        figures["gunicorn_workers"]
        == "2 x 2 threads, the API on its own 1 x 2, the pages' at nice 5"
    )
    assert figures["worker_killed"].count(",") == 2  # "pid A, B at ...; workers before ..."
    assert figures["worker_killed"].endswith("workers before 2+1, after 2+1")
    assert figures["writes_consistent"] == "yes"
    assert int(figures["writes_in_database"]) >= int(figures["writes_answered_ok"])
    pages = [k for k in figures if k.startswith("page ")]
    assert "page /registry/facilities/[id]/" in pages and "api /facilities" in figures
    # the API was read from its own server only, and the pages from theirs
    assert re.search(r"\(0 of them the API's, \d+ the sign-in page\)$", figures["served_by_server"])
    served, api_paths, sign_ins = map(int, re.findall(r"\d+", figures["served_by_api_server"]))
    # besides the API only the sign-in page, asked until the server was up (on a busy
    # machine the first ask can time out and be asked again)
    assert api_paths > 0 and sign_ins >= 1 and served == api_paths + sign_ins
    assert all("p50/p95/p99" in figures[k] for k in pages)


def _row(name: str, count: int, failures: int, p95: float) -> dict[str, str]:
    return {
        "Name": name, "Request Count": str(count), "Failure Count": str(failures),
        "Requests/s": "2.0", "50%": "10", "95%": str(p95), "99%": str(p95 + 1),
    }  # fmt: skip


def test_targets_and_the_errors_around_the_kill_are_judged_per_request_name() -> None:
    rows = [
        _row("page /", 10, 0, 120),
        _row("api /facilities", 10, 1, 150),
        _row("write POST /follow-ups", 3, 0, 900),
        _row("Aggregated", 23, 1, 200),
    ]
    failures = [{"t": 100.2, "name": "GET api /facilities"}, {"t": 150.0, "name": "GET page /"}]
    figures = summarise(rows, failures, kill_time=100.0)
    assert figures["page /"].endswith("target p95<300 PASS")
    assert figures["api /facilities"].endswith("target p95<100 FAIL")
    assert "target" not in figures["write POST /follow-ups"]
    assert figures["latency_targets"] == "FAIL"
    assert (figures["errors_at_the_kill"], figures["errors_elsewhere"]) == (1, 1)
    assert (figures["requests"], figures["errors"]) == (23, 1)
