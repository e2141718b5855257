from corridor.workforce.models.labour import (
    Demand,
    DemandKind,
    ImportKind,
    LabourSupply,
    WorkforceImport,
)
from corridor.workforce.models.reference import TEER_LABELS, Occupation, Region, teer_of
from corridor.workforce.models.training import (
    Campus,
    Credential,
    DeliveryMode,
    Institution,
    InstitutionKind,
    TrainingProgram,
)

__all__ = [
    "TEER_LABELS",
    "Campus",
    "Credential",
    "DeliveryMode",
    "Demand",
    "DemandKind",
    "ImportKind",
    "Institution",
    "InstitutionKind",
    "LabourSupply",
    "Occupation",
    "Region",
    "TrainingProgram",
    "WorkforceImport",
    "teer_of",
]
