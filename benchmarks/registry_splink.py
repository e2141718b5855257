"""The registry benchmark's lists linked with Splink 5 (DuckDB), to compare with Corridor's.

    python benchmarks/registry_splink.py --records 100000 [--seed 1] [--profile standard]

Splink gets the same normalised columns Corridor's resolver computes (normalising is timed
separately), blocking rules on phone / postal code / website domain / name / address / name
prefix in the town, comparisons on name, phone, postal code, street, town, domain and distance,
u by random sampling, m by EM, and a match threshold chosen on a separately generated tuning
list (another seed), never on the list it is scored on. Splink is a benchmark-only dependency.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on
from splink.backends.duckdb import DuckDBAPI

from corridor.registry.resolution.generator import generate
from corridor.registry.resolution.metrics import pairwise_scores
from corridor.registry.resolution.records import InputRecord, prepare

THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999, 0.99999, 0.999999)


def columns(records: list[InputRecord]) -> dict[str, list[Any]]:
    """Normalised columns, one row per record (the resolver's own normalisation)."""
    out: dict[str, list[Any]] = {
        k: []
        for k in (
            "unique_id",
            "name",
            "name_prefix",
            "phone",
            "postal",
            "fsa",
            "street_number",
            "street",
            "town",
            "domain",
            "lat",
            "lon",
            "plant",
        )
    }
    for i, record in enumerate(records):
        row = prepare(record)
        street = row.street
        out["unique_id"].append(i)
        out["name"].append(row.name.core or None)
        out["name_prefix"].append(row.name.compact[:4] or None)
        out["phone"].append(row.phones[0] if row.phones else None)
        out["postal"].append(row.postal)
        out["fsa"].append(row.fsa)
        out["street_number"].append(street.number if street else None)
        out["street"].append(street.street if street else None)
        out["town"].append(min(row.town.municipalities) if row.town else None)
        out["domain"].append(row.domain)
        out["lat"].append(row.point[0] if row.point else None)
        out["lon"].append(row.point[1] if row.point else None)
        out["plant"].append(row.name.plant)
    return out


def settings() -> SettingsCreator:
    street = cl.CustomComparison(
        output_column_name="street_address",
        comparison_levels=[
            cll.Or(cll.NullLevel("street_number"), cll.NullLevel("street")),
            cll.And(cll.ExactMatchLevel("street_number"), cll.JaroWinklerLevel("street", 0.9)),
            cll.JaroWinklerLevel("street", 0.9),  # same street, another number: another building
            cll.ElseLevel(),
        ],
    )
    postal = cl.CustomComparison(
        output_column_name="postal_code",
        comparison_levels=[
            cll.NullLevel("postal"),
            cll.ExactMatchLevel("postal"),
            cll.ExactMatchLevel("fsa"),
            cll.ElseLevel(),
        ],
    )
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.97, 0.92, 0.85]).configure(
                term_frequency_adjustments=True
            ),
            cl.ExactMatch("phone"),
            postal,
            street,
            cl.ExactMatch("town"),
            cl.ExactMatch("domain"),
            cl.DistanceInKMAtThresholds("lat", "lon", [0.3, 1, 5]),
            cl.ExactMatch("plant"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("phone"),
            block_on("postal"),
            block_on("domain"),
            block_on("name"),
            block_on("street_number", "town"),
            block_on("name_prefix", "town"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def train(linker: Linker) -> None:
    linker.training.estimate_probability_two_random_records_match(
        [block_on("name", "phone"), block_on("name", "postal")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    for rule in (block_on("phone"), block_on("name"), block_on("postal")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)


def link(
    records: list[InputRecord], thresholds: tuple[float, ...]
) -> tuple[dict[float, list[int]], float]:
    """Cluster ids per threshold (record order), and Splink's seconds for the first threshold."""
    data = columns(records)
    started = time.perf_counter()
    db_api = DuckDBAPI()
    frame = db_api.register(data, table_name="records")
    linker = Linker(frame, settings(), log_level=logging.WARNING)
    train(linker)
    predictions = linker.inference.predict(threshold_match_probability=min(thresholds))
    out: dict[float, list[int]] = {}
    seconds = 0.0
    for i, threshold in enumerate(thresholds):
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        )
        table = clusters.as_pyarrow_table()
        ids = table.column("unique_id").to_pylist()
        cluster_ids = table.column("cluster_id").to_pylist()
        labels = [0] * len(records)
        for uid, cid in zip(ids, cluster_ids, strict=True):
            labels[uid] = cid
        out[threshold] = labels
        if i == 0:
            seconds = time.perf_counter() - started
    return out, seconds


def score(records: list[InputRecord], truth: dict[tuple[str, str], Any], labels: list[int]) -> Any:
    predicted = {(r.source, r.source_id): labels[i] for i, r in enumerate(records)}
    return pairwise_scores(predicted, {k: t.facility_id for k, t in truth.items()})


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", default="standard", choices=("standard", "heldout"))
    parser.add_argument("--tuning-records", type=int, default=20_000)
    args = parser.parse_args()

    tuning, tuning_truth = generate(args.tuning_records, args.seed + 1000, args.profile)
    tuned, _ = link(tuning, THRESHOLDS)
    chosen = max(THRESHOLDS, key=lambda t: score(tuning, tuning_truth, tuned[t]).f1)

    records, truth = generate(args.records, args.seed, args.profile)
    started = time.perf_counter()
    columns(records)
    normalise_seconds = time.perf_counter() - started
    labels, splink_seconds = link(records, (chosen, *[t for t in THRESHOLDS if t != chosen]))
    result = score(records, truth, labels[chosen])
    best = max(THRESHOLDS, key=lambda t: score(records, truth, labels[t]).f1)
    oracle = score(records, truth, labels[best])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"splink {args.records} records, seed {args.seed}, profile {args.profile}")
    print(f"  threshold chosen on a {args.tuning_records}-record tuning list: {chosen}")
    print(f"  precision {result.precision:.5f}  recall {result.recall:.5f}  f1 {result.f1:.5f}")
    print(
        f"  (best threshold on this list in hindsight: {best}, f1 {oracle.f1:.5f},"
        f" precision {oracle.precision:.5f}, recall {oracle.recall:.5f})"
    )
    print(f"  normalise {normalise_seconds:.1f} s + train, predict, cluster {splink_seconds:.1f} s")
    print(f"  peak memory {peak:.0f} MiB (this process; DuckDB runs in it)")


if __name__ == "__main__":
    main()
