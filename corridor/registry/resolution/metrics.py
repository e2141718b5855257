"""Pairwise precision / recall / F1 of a clustering against ground truth, from contingency counts.

A pair of records is "predicted same" when both end in the same facility. A record parked for
review sits in its own provisional facility, so it is not merged with its candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int  # pairs of records that are the same facility in truth
    predicted_pairs: int  # pairs put in the same facility
    correct_pairs: int  # both


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise_scores(predicted: Mapping[K, Hashable], truth: Mapping[K, Hashable]) -> PairwiseScores:
    """Compare cluster labels per record; both mappings must cover the same records.

    O(n): counts records per predicted cluster, per true cluster and per (predicted, true) cell.
    With no pairs on a side the ratio is 1.0 (nothing claimed, nothing missed).
    """
    if predicted.keys() != truth.keys():
        raise ValueError("predicted and truth must label the same records")
    predicted_sizes: Counter[Hashable] = Counter(predicted.values())
    true_sizes: Counter[Hashable] = Counter(truth.values())
    cells: Counter[tuple[Hashable, Hashable]] = Counter((predicted[k], truth[k]) for k in predicted)
    predicted_pairs = sum(_pairs(n) for n in predicted_sizes.values())
    true_pairs = sum(_pairs(n) for n in true_sizes.values())
    correct = sum(_pairs(n) for n in cells.values())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScores(precision, recall, f1, true_pairs, predicted_pairs, correct)
