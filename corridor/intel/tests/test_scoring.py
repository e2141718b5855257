"""The benchmark's scoring, on a hand-computed case, and the labelled set's shape."""

from __future__ import annotations

import json

from corridor.intel.extraction.scoring import FIELDS, HELD_OUT_FROM, Score, agrees, score_text
from corridor.intel.tests.helpers import DATA


def _fact(**values: object) -> dict[str, object]:
    return {name: None for name in FIELDS} | {"currency": "CAD", "trends": []} | values


def test_precision_and_recall_per_field_by_hand() -> None:
    score = Score()
    expected = [_fact(amount_cad=12e6, funder="Ontario government", jobs=613, trends=["batteries"])]
    given = [
        _fact(
            amount_cad=12e6,
            funder="The Ontario government",
            jobs=600,
            trends=["batteries", "propulsion"],
        ),
        _fact(amount_cad=5e6, funder="Somebody"),  # a fact that should not exist
    ]
    score_text(score, "t", expected, given)
    assert (score.facts.precision, score.facts.recall) == (0.5, 1.0)
    funder = score.fields["funder"]
    assert (funder.correct, funder.given, funder.expected) == (1, 2, 1)
    jobs = score.fields["jobs"]
    assert (jobs.correct, jobs.given, jobs.expected) == (0, 1, 1)
    trends = score.fields["trends"]
    assert (trends.correct, trends.given, trends.expected) == (1, 2, 1)


def test_names_agree_when_one_contains_the_other() -> None:
    assert agrees("funder", "Ontario government", "The Ontario Government")
    assert agrees("recipient", "Électro-Bus Laval inc.", "Electro-Bus Laval Inc")
    assert not agrees("funder", "Government of Canada", "Government of Ontario")
    assert agrees("amount_cad", 12_000_000, 12_040_000) and not agrees("amount_cad", 12e6, 13e6)


def test_the_labelled_set_has_forty_texts_with_a_held_out_part() -> None:
    texts = sorted((DATA / "labelled").glob("*.txt"))
    assert len(texts) >= 40
    held_out = [t for t in texts if int(t.name[:2]) >= HELD_OUT_FROM]
    assert len(held_out) >= 15
    for text in texts:
        for fact in json.loads(text.with_suffix(".json").read_text(encoding="utf-8")):
            assert set(FIELDS) | {"trends"} <= set(fact), text.name
