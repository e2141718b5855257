from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


def _registry(options: dict[str, Any]) -> dict[str, Any]:
    from corridor.registry.resolution.bench import run_benchmark

    return dict(run_benchmark(options["records"], options["seed"], options["profile"]))


def _search(options: dict[str, Any]) -> dict[str, Any]:
    from corridor.supplychain.bench import run_benchmark

    return run_benchmark(
        options["facilities"],
        options["queries"],
        options["database"],
        options["seed"],
        options["check"],
    )


BENCHMARKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "registry": _registry,
    "search": _search,
}


class Command(BaseCommand):
    help = (
        "Run a benchmark at realistic scale and print its figures "
        "(record them in docs/benchmarks.md). Benchmarks: " + ", ".join(BENCHMARKS)
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("benchmark", choices=sorted(BENCHMARKS))
        parser.add_argument("--records", type=int, default=100_000, help="rows to generate")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--profile",
            default="standard",
            choices=("standard", "heldout"),
            help="noise profile of the generated lists (heldout: styles tuning never saw)",
        )
        search = parser.add_argument_group("search")
        search.add_argument("--facilities", type=int, default=1_000_000, help="establishments")
        search.add_argument("--queries", type=int, default=1000, help="mixed queries to time")
        search.add_argument("--database", default="sqlite", choices=("sqlite", "postgres"))
        search.add_argument(
            "--check", type=int, default=25, help="queries checked against brute force"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = BENCHMARKS[options["benchmark"]](options)
        width = max(len(k) for k in result)
        for key, value in result.items():
            self.stdout.write(f"{key:<{width}}  {value}")
