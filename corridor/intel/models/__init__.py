from corridor.intel.models.document import (
    Document,
    DocumentKind,
    DocumentTerm,
    Jurisdiction,
    TrendTag,
)
from corridor.intel.models.fact import Fact, FactCorrection, FactKind, FactStatus

__all__ = [
    "Document",
    "DocumentKind",
    "DocumentTerm",
    "Fact",
    "FactCorrection",
    "FactKind",
    "FactStatus",
    "Jurisdiction",
    "TrendTag",
]
