from corridor.programs.models.program import FundingProgram, Jurisdiction, ProgramStatus
from corridor.programs.models.project import (
    FundedProject,
    LinkStatus,
    ProjectImport,
    ProjectRecipient,
    ProjectRow,
    ProjectStatus,
)
from corridor.programs.models.referral import Referral, ReferralStatus

__all__ = [
    "FundedProject",
    "FundingProgram",
    "Jurisdiction",
    "LinkStatus",
    "ProgramStatus",
    "ProjectImport",
    "ProjectRecipient",
    "ProjectRow",
    "ProjectStatus",
    "Referral",
    "ReferralStatus",
]
