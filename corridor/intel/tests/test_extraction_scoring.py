"""F1 and field accuracy of the benchmark, by hand; the labelled set's manifests."""

from __future__ import annotations

import csv

from corridor.intel.extraction.scoring import FIELDS, Score, manifest_parts, score_text
from corridor.intel.tests.helpers import DATA


def _fact(**values: object) -> dict[str, object]:
    return {name: None for name in FIELDS} | {"currency": "CAD", "trends": []} | values


def test_f1_and_field_accuracy_by_hand() -> None:
    score = Score()
    expected = [
        _fact(amount_cad=5e6, funder="Government of Ontario", jobs=40, jobs_retained=300),
        _fact(amount_cad=9e6, funder="JobsOhio"),
    ]
    given = [
        _fact(amount_cad=5e6, funder="Ontario", jobs=300),  # funder right, jobs wrong
        _fact(amount_cad=1e6, funder="Somebody"),  # not a fact
    ]
    score_text(score, "t", expected, given)
    assert (score.facts.precision, score.facts.recall, score.f1) == (0.5, 0.5, 0.5)
    # One matched fact, seven fields: funder, recipient (both empty), program (both
    # empty), jurisdiction (both empty), total (both empty) right; jobs and jobs retained
    # wrong.
    assert (score.accuracy.correct, score.accuracy.given) == (5, 7)
    assert score.field_accuracy == 5 / 7


def test_the_first_texts_manifest_keeps_their_parts() -> None:
    folder = DATA / "labelled"
    parts = manifest_parts(folder)
    with (folder / "sources-original.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 42
    for row in rows:
        number = int(row["number"])
        assert parts[row["file"][:-4]] == ("held-out" if number >= 28 else "tuning")
        assert row["publisher"].startswith("written for Corridor in the style of ")
        assert row["url"] == ""
        assert (folder / row["file"]).exists()


def test_every_labelled_fact_says_jobs_retained_and_instrument() -> None:
    import json

    for gold in sorted((DATA / "labelled").glob("*.json")):
        for fact in json.loads(gold.read_text(encoding="utf-8")):
            assert {"jobs_retained", "instrument"} <= set(fact), gold.name
            assert fact["instrument"] in (
                None, "grant", "loan", "tax_credit", "equity", "guarantee", "other"
            ), gold.name  # fmt: skip
