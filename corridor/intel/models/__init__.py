from corridor.intel.models.document import (
    Document,
    DocumentKind,
    DocumentTerm,
    Jurisdiction,
    TrendTag,
)
from corridor.intel.models.fact import Fact, FactCorrection, FactKind, FactStatus, Instrument
from corridor.intel.models.watch import Event, SourceKind, WatchedItem, WatchedSource

__all__ = [
    "Document",
    "DocumentKind",
    "DocumentTerm",
    "Event",
    "Fact",
    "FactCorrection",
    "FactKind",
    "FactStatus",
    "Instrument",
    "Jurisdiction",
    "SourceKind",
    "TrendTag",
    "WatchedItem",
    "WatchedSource",
]
