"""The "Attraction and retention" panel of a facility's page: whether its jobs are on the
risk list and why, and the prospects about it or its company."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from corridor.attraction.models import FacilityRisk, Prospect, RiskDismissal
from corridor.attraction.risk import covered
from corridor.core import policy
from corridor.registry.models import Facility

SHOWN = 10


@dataclass(frozen=True, slots=True)
class AttractionPanel:
    facility: Facility
    risk: FacilityRisk | None
    dismissal: RiskDismissal | None  # a dismissal of every reason it still has
    prospects: list[Prospect]
    may_add: bool


def facility_attraction(user: Any, facility: Facility, query: Any = None) -> AttractionPanel | None:
    """The panel, or None for those who see no prospects (partners) or a merged facility."""
    if facility.is_deleted or not policy.can_view(user, Prospect):
        return None
    risk = policy.visible(user, FacilityRisk).filter(facility=facility).first()
    dismissal = None
    if risk is not None:
        dismissal = next(
            (
                d
                for d in policy.visible(user, RiskDismissal)
                .filter(facility=facility)
                .select_related("organisation")
                .order_by("-created_at", "-pk")
                if covered(risk.signature, [d.signature])
            ),
            None,
        )
    prospects = list(
        policy.visible(user, Prospect)
        .filter(Q(facility=facility) | Q(company_id=facility.company_id))
        .select_related("capability", "organisation")
        .order_by("-stage_changed_on", "-pk")[:SHOWN]
    )
    return AttractionPanel(
        facility=facility,
        risk=risk,
        dismissal=dismissal,
        prospects=prospects,
        may_add=policy.can_create(user, Prospect),
    )
