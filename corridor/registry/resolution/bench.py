"""Benchmark: generate lists, resolve them, score against the truth (`corridor bench registry`)."""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter

from .engine import Resolver
from .generator import generate
from .metrics import pairwise_scores


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_benchmark(
    records: int, seed: int = 1, profile: str = "standard"
) -> dict[str, float | int | str]:
    """Generate `records` rows, resolve them in one batch; quality, time and memory figures."""
    started = time.perf_counter()
    rows, truth = generate(records, seed, profile)
    generated = time.perf_counter()
    generator_rss = peak_rss_mb()
    cpu = time.process_time()
    resolver = Resolver()
    decisions = resolver.resolve_all(rows)
    resolved = time.perf_counter()
    cpu = time.process_time() - cpu
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
        "resolve_cpu_seconds": round(cpu, 2),
        "records_per_second": round(records / max(resolved - generated, 1e-9)),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_mb_before_resolving": round(generator_rss, 1),
    }
