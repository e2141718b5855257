from corridor.supplychain.models.capability import (
    Capability,
    CapabilityKind,
    FacilityCapability,
    TagSource,
)
from corridor.supplychain.models.need import (
    Introduction,
    IntroductionOutcome,
    NeedStatus,
    SourcedFrom,
    SupplyNeed,
    Urgency,
)
from corridor.supplychain.models.search import SupplierDoc

__all__ = [
    "Capability",
    "CapabilityKind",
    "FacilityCapability",
    "Introduction",
    "IntroductionOutcome",
    "NeedStatus",
    "SourcedFrom",
    "SupplierDoc",
    "SupplyNeed",
    "TagSource",
    "Urgency",
]
