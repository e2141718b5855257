from corridor.registry.models.company import Certification, Company, Facility, Ownership, Tier
from corridor.registry.models.sources import ImportRun, MatchStatus, Merge, SourceRecord

__all__ = [
    "Certification",
    "Company",
    "Facility",
    "ImportRun",
    "MatchStatus",
    "Merge",
    "Ownership",
    "SourceRecord",
    "Tier",
]
