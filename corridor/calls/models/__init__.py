from corridor.calls.models.call import (
    HOLDING,
    Approval,
    Call,
    CallAnswers,
    CallStatus,
    LeadAssignment,
)
from corridor.calls.models.campaign import Campaign
from corridor.calls.models.flags import (
    Flag,
    FlagCategory,
    FlagStatus,
    FollowUp,
    FollowUpCategory,
    FollowUpStatus,
    Severity,
)
from corridor.calls.models.template import CallTemplate

__all__ = [
    "HOLDING",
    "Approval",
    "Call",
    "CallAnswers",
    "CallStatus",
    "CallTemplate",
    "Campaign",
    "Flag",
    "FlagCategory",
    "FlagStatus",
    "FollowUp",
    "FollowUpCategory",
    "FollowUpStatus",
    "LeadAssignment",
    "Severity",
]
