from corridor.core.models.base import CorridorModel, EditConflict
from corridor.core.models.geography import Municipality
from corridor.core.models.history import Action, ChangeRecord
from corridor.core.models.organisation import PARTICIPANT_KINDS, Organisation, OrganisationKind
from corridor.core.models.people import Membership, Role, User
from corridor.core.models.tokens import ApiToken

__all__ = [
    "PARTICIPANT_KINDS",
    "Action",
    "ApiToken",
    "ChangeRecord",
    "CorridorModel",
    "EditConflict",
    "Membership",
    "Municipality",
    "Organisation",
    "OrganisationKind",
    "Role",
    "User",
]
