"""The registry benchmark's lists linked with Splink 5 (DuckDB), to compare with Corridor's.

    python benchmarks/registry_splink.py --records 100000 [--seed 1] [--profile standard]

Needs a separate virtual environment: `pip install splink==5.0.0 rapidfuzz` (Splink brings
DuckDB and pyarrow). Splink gets the normalised columns Corridor's resolver computes
(normalising is timed separately): the spaceless name, numbered company, plant descriptor,
phone, postal code and area, civic number and street, municipality and community, domain and
coordinates. Blocking rules on phone / postal code / domain / name / numbered company / civic
number in the town / name prefix in the town or postal area; comparisons on name (exact with
term-frequency adjustment, Jaro-Winkler bands), numbered company, plant, phone, postal code,
street address, town, domain and distance. The probability that two records match is estimated
from deterministic rules, u by random sampling, m by EM on three blocks (name, phone, address);
m is fixed for levels that a true match almost never shows (names far apart, another plant
descriptor, another number on the same street, another town), because EM learns sister
companies sharing a building, phone and website as matches. The match threshold is chosen on a
separately generated tuning list (another seed), never on the list it is scored on. Splink is
a benchmark-only dependency.
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

THRESHOLDS = (0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999, 0.9999999, 0.99999999)


COLUMNS = (
    "unique_id",
    "name",
    "name_compact",
    "name_prefix",
    "number",
    "plant",
    "phone",
    "postal",
    "fsa",
    "street_number",
    "street",
    "town",
    "community",
    "domain",
    "lat",
    "lon",
)


def columns(records: list[InputRecord]) -> dict[str, list[Any]]:
    """Normalised columns, one row per record (the resolver's own normalisation)."""
    out: dict[str, list[Any]] = {k: [] for k in COLUMNS}
    for i, record in enumerate(records):
        row = prepare(record)
        name = row.name
        street = row.street
        compact = None if name.numbered_only else (name.compact or None)
        out["unique_id"].append(i)
        out["name"].append(name.core or None)
        out["name_compact"].append(compact)
        out["name_prefix"].append(compact[:4] if compact else None)
        out["number"].append(name.number)
        out["plant"].append(name.plant)
        out["phone"].append(row.phones[0] if row.phones else None)
        out["postal"].append(row.postal)
        out["fsa"].append(row.fsa)
        out["street_number"].append(street.number if street else None)
        out["street"].append(street.street if street else None)
        out["town"].append(min(row.town.municipalities) if row.town else None)
        out["community"].append(row.town.community if row.town else None)
        out["domain"].append(row.domain)
        out["lat"].append(row.point[0] if row.point else None)
        out["lon"].append(row.point[1] if row.point else None)
    return out


def settings() -> SettingsCreator:
    # The name: exact (with term frequencies: "Precision Machining" agreeing says little),
    # then two Jaro-Winkler bands (typos, a dropped letter) and a Damerau-Levenshtein band.
    name = cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("name_compact"),
            cll.ExactMatchLevel("name_compact", term_frequency_adjustments=True),
            cll.JaroWinklerLevel("name_compact", 0.96),
            cll.JaroWinklerLevel("name_compact", 0.9),
            # Different names with everything else agreeing are mostly sister companies sharing
            # a building, phone and website; EM blocked on the phone learns them as matches.
            # A true match rarely has names this far apart, so these two m values are fixed.
            cll.JaroWinklerLevel("name_compact", 0.8).configure(
                m_probability=1e-4, fix_m_probability=True
            ),
            cll.ElseLevel().configure(m_probability=1e-6, fix_m_probability=True),
        ],
    )
    street = cl.CustomComparison(
        output_column_name="street_address",
        comparison_levels=[
            cll.Or(cll.NullLevel("street_number"), cll.NullLevel("street")),
            cll.And(cll.ExactMatchLevel("street_number"), cll.ExactMatchLevel("street")),
            cll.And(cll.ExactMatchLevel("street_number"), cll.JaroWinklerLevel("street", 0.88)),
            # same street, another number: another building (a true match rarely)
            cll.JaroWinklerLevel("street", 0.9).configure(
                m_probability=1e-3, fix_m_probability=True
            ),
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
    town = cl.CustomComparison(
        output_column_name="town",
        comparison_levels=[
            cll.NullLevel("town"),
            # same municipality, and not two different named communities of it
            cll.And(
                cll.ExactMatchLevel("town"),
                cll.Or(
                    cll.NullLevel("community"),
                    cll.ExactMatchLevel("community"),
                ),
            ),
            cll.ExactMatchLevel("town"),
            cll.ElseLevel().configure(m_probability=1e-3, fix_m_probability=True),
        ],
    )
    # two plant descriptors that differ ("Plant 1" / "Plant 2"): two facilities
    plant = cl.CustomComparison(
        output_column_name="plant",
        comparison_levels=[
            cll.NullLevel("plant"),
            cll.ExactMatchLevel("plant"),
            cll.ElseLevel().configure(m_probability=1e-3, fix_m_probability=True),
        ],
    )
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            name,
            cl.ExactMatch("number"),
            plant,
            cl.ExactMatch("phone"),
            postal,
            street,
            town,
            cl.ExactMatch("domain"),
            cl.DistanceInKMAtThresholds("lat", "lon", [0.3, 1, 5, 25]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("phone"),
            block_on("postal"),
            block_on("domain"),
            block_on("name_compact"),
            block_on("number"),
            block_on("street_number", "town"),
            block_on("name_prefix", "town"),
            block_on("name_prefix", "fsa"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def train(linker: Linker) -> None:
    linker.training.estimate_probability_two_random_records_match(
        [
            block_on("name_compact", "phone"),
            block_on("name_compact", "postal"),
            block_on("name_compact", "street_number", "street"),
        ],
        recall=0.7,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    # each EM pass learns m for every comparison but those in its blocking rule
    for rule in (
        block_on("name_compact"),
        block_on("phone"),
        block_on("street_number", "street", "town"),
    ):
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
