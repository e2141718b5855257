"""Entity resolution for the registry: municipal list rows -> facilities and companies.

Pure Python (standard library and rapidfuzz); no Django. See docs/resolution.md.
"""

from .engine import ProgressCallback, Resolver
from .metrics import PairwiseScores, pairwise_scores
from .records import Decision, DecisionKind, FacilityEntry, InputRecord, PreparedRecord, prepare
from .scoring import Thresholds

__all__ = [
    "Decision",
    "DecisionKind",
    "FacilityEntry",
    "InputRecord",
    "PairwiseScores",
    "PreparedRecord",
    "ProgressCallback",
    "Resolver",
    "Thresholds",
    "pairwise_scores",
    "prepare",
]
