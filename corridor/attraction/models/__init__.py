from corridor.attraction.models.pipeline import (
    CLOSED_STAGES,
    OPEN_STAGES,
    OutcomeReason,
    Prospect,
    ProspectKind,
    ProspectSource,
    Stage,
    StageChange,
)
from corridor.attraction.models.risk import FacilityRisk, RiskDismissal, RiskReason, RiskWeight

__all__ = [
    "CLOSED_STAGES",
    "OPEN_STAGES",
    "FacilityRisk",
    "OutcomeReason",
    "Prospect",
    "ProspectKind",
    "ProspectSource",
    "RiskDismissal",
    "RiskReason",
    "RiskWeight",
    "Stage",
    "StageChange",
]
