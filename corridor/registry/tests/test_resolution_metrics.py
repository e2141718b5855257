"""Pairwise precision / recall / F1 on a hand-computed example."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.registry.resolution.metrics import pairwise_scores


def test_hand_computed_example() -> None:
    # truth: {a, b, c} one facility, {d, e} another, {f} alone -> 3 + 1 = 4 true pairs
    truth = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 3}
    # predicted: {a, b} merged, c parked for review on its own, {d, e, f} merged -> 1 + 3 = 4 pairs
    predicted = {"a": 10, "b": 10, "c": 11, "d": 12, "e": 12, "f": 12}
    scores = pairwise_scores(predicted, truth)
    # correct pairs: (a, b) and (d, e) -> 2
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 4, 2)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)


def test_asymmetric_example() -> None:
    truth = {1: "x", 2: "x", 3: "x", 4: "x"}  # 6 true pairs
    predicted = {1: "p", 2: "p", 3: "p", 4: "q"}  # 3 predicted pairs, all correct
    scores = pairwise_scores(predicted, truth)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(2 / 3)


def test_no_pairs_anywhere() -> None:
    scores = pairwise_scores({1: 1, 2: 2}, {1: "a", 2: "b"})
    assert (scores.precision, scores.recall) == (1.0, 1.0)


def test_records_must_agree() -> None:
    with pytest.raises(ValueError):
        pairwise_scores({1: 1}, {2: 1})


@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=40),
    st.lists(st.integers(0, 5), min_size=1, max_size=40),
)
def test_matches_quadratic_definition(a: list[int], b: list[int]) -> None:
    n = min(len(a), len(b))
    predicted = dict(enumerate(a[:n]))
    truth = dict(enumerate(b[:n]))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    same_predicted = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    same_true = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    scores = pairwise_scores(predicted, truth)
    assert scores.predicted_pairs == len(same_predicted)
    assert scores.true_pairs == len(same_true)
    assert scores.correct_pairs == len(same_predicted & same_true)
