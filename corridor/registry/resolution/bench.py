"""Benchmark: generate lists, resolve them, score against the truth (`corridor bench registry`)."""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter

from .engine import Resolver
from .generator import generate
from .metrics import pairwise_scores


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or its largest finished child) so far, in MiB."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_benchmark(
    records: int, seed: int = 1, profile: str = "standard", workers: int = 2
) -> dict[str, float | int | str]:
    """Generate `records` rows, resolve them in one batch; quality, time and memory figures.

    `workers` 2 (the default): a helper process normalises rows ahead of the resolver
    (Resolver.resolve_all); 1: everything in this process. CPU seconds count both processes.
    """
    started = time.perf_counter()
    rows, truth = generate(records, seed, profile)
    generated = time.perf_counter()
    generator_rss = peak_rss_mb()
    cpu = time.process_time()
    helpers_cpu = _children_cpu()
    resolver = Resolver()
    decisions = resolver.resolve_all(rows, workers=workers)
    resolved = time.perf_counter()
    cpu = time.process_time() - cpu
    helpers_cpu = _children_cpu() - helpers_cpu
    predicted = {(d.source, d.source_id): d.facility_key for d in decisions}
    facility = pairwise_scores(predicted, {k: t.facility_id for k, t in truth.items()})
    company = pairwise_scores(
        {(d.source, d.source_id): d.company_key for d in decisions},
        {k: t.company_id for k, t in truth.items()},
    )
    kinds = Counter(d.kind for d in decisions)
    return {
        "records": records,
        "seed": seed,
        "profile": profile,
        "true_facilities": len({t.facility_id for t in truth.values()}),
        "facilities": len(resolver),
        "matches": kinds["match"],
        "new": kinds["new"],
        "reviews": kinds["review"],
        "precision": round(facility.precision, 5),
        "recall": round(facility.recall, 5),
        "f1": round(facility.f1, 5),
        "company_precision": round(company.precision, 5),
        "company_recall": round(company.recall, 5),
        "generate_seconds": round(generated - started, 2),
        "resolve_seconds": round(resolved - generated, 2),
        "workers": workers,
        "resolve_cpu_seconds": round(cpu + helpers_cpu, 2),
        "resolve_cpu_seconds_main": round(cpu, 2),
        "records_per_second": round(records / max(resolved - generated, 1e-9)),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_mb_helper": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        "peak_rss_mb_before_resolving": round(generator_rss, 1),
    }
