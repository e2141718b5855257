from io import StringIO

from django.core.management import call_command


def test_the_registry_benchmark_prints_quality_time_and_memory() -> None:
    out = StringIO()
    call_command("bench", "registry", "--records", "600", "--seed", "3", stdout=out)
    figures = dict(line.split(None, 1) for line in out.getvalue().splitlines())
    assert figures["records"] == "600"
    for key in ("precision", "recall", "f1", "resolve_seconds", "peak_rss_mb"):
        assert float(figures[key]) >= 0
    assert float(figures["precision"]) > 0.95
