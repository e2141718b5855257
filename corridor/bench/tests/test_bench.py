from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command


def test_the_registry_benchmark_prints_quality_time_and_memory() -> None:
    out = StringIO()
    call_command("bench", "registry", "--records", "600", "--seed", "3", stdout=out)
    figures = dict(line.split(None, 1) for line in out.getvalue().splitlines())
    assert figures["records"] == "600"
    for key in ("precision", "recall", "f1", "resolve_seconds", "peak_rss_mb"):
        assert float(figures[key]) >= 0
    assert float(figures["precision"]) > 0.95


def test_the_search_benchmark_prints_latency_and_checks_against_brute_force(
    settings: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command(
        "bench", "search", "--facilities", "1500", "--queries", "30", "--check", "5",
        "--database", "sqlite", stdout=out,
    )  # fmt: skip
    figures = dict(line.split(None, 1) for line in out.getvalue().splitlines())
    assert figures["facilities"] == "1500" and figures["queries"] == "30"
    assert (figures["brute_force_checked"], figures["brute_force_mismatches"]) == ("5", "0")
    assert float(figures["p50_ms"]) <= float(figures["p95_ms"]) <= float(figures["p99_ms"])
