from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from corridor.bench.webbench.run import PAGES_NICE


def _registry(options: dict[str, Any]) -> dict[str, Any]:
    from corridor.registry.resolution.bench import run_benchmark

    return dict(run_benchmark(options["records"], options["seed"], options["profile"]))


def _search(options: dict[str, Any]) -> dict[str, Any]:
    from corridor.supplychain.bench import run_benchmark

    return run_benchmark(
        options["facilities"] or 1_000_000,
        options["queries"],
        options["database"] or "sqlite",
        options["seed"],
        options["check"],
    )


def _web(options: dict[str, Any]) -> dict[str, Any]:
    from corridor.bench.webbench.run import run_benchmark

    return run_benchmark(
        facilities=options["facilities"] or 100_000,
        calls=options["calls"],
        users=options["users"],
        duration=options["duration"],
        workers=options["workers"],
        threads=options["threads"],
        database=options["database"] or "postgres",
        seed=options["seed"],
        kill=not options["no_kill"],
        warm_up=options["warm_up"],
        api_workers=options["api_workers"],
        pages_nice=options["pages_nice"],
    )


BENCHMARKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "registry": _registry,
    "search": _search,
    "web": _web,
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
        search.add_argument(
            "--facilities",
            type=int,
            default=None,
            help="establishments (search: 1,000,000; web: 100,000)",
        )
        search.add_argument("--queries", type=int, default=1000, help="mixed queries to time")
        search.add_argument(
            "--database",
            default=None,
            choices=("sqlite", "postgres"),
            help="search: sqlite by default; web: postgres by default",
        )
        search.add_argument(
            "--check", type=int, default=25, help="queries checked against brute force"
        )

        web = parser.add_argument_group("web")
        web.add_argument("--calls", type=int, default=500_000, help="calls in the dataset")
        web.add_argument("--users", type=int, default=50, help="concurrent users")
        web.add_argument("--duration", type=int, default=300, help="seconds of load")
        web.add_argument("--workers", type=int, default=8, help="gunicorn worker processes")
        web.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
        web.add_argument(
            "--api-workers",
            type=int,
            default=0,
            help="gunicorn workers of the API's own (0: the API shares the pages' workers)",
        )
        web.add_argument(
            "--pages-nice",
            type=int,
            default=PAGES_NICE,
            help="with --api-workers: the pages' workers' nice value (API reads go first)",
        )
        web.add_argument(
            "--warm-up",
            type=int,
            default=30,
            help="seconds of load before the measured duration (users sign in; caches fill)",
        )
        web.add_argument(
            "--no-kill", action="store_true", help="do not kill a worker halfway through"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = BENCHMARKS[options["benchmark"]](options)
        width = max(len(k) for k in result)
        for key, value in result.items():
            self.stdout.write(f"{key:<{width}}  {value}")
