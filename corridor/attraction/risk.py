"""The retention early warning: which facilities' jobs are at risk, and why.

``listed(user, municipality)`` is what pages, the API and the dashboards read: the latest
assessments the user may see, without those dismissed for the same reasons, the
highest score first. (The assessment itself is written by the worker.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.attraction.models import FacilityRisk, RiskDismissal
from corridor.core import policy
from corridor.core.models import Municipality
from corridor.registry.models import Facility


@dataclass(frozen=True, slots=True)
class RiskLine:
    facility: Facility
    score: int
    jobs: int | None
    reasons: list[dict[str, Any]]  # {reason, label, weight, detail, since, path}


def listed(
    user: Any, municipality: Municipality | None = None, limit: int | None = None
) -> list[RiskLine]:
    """The facilities at risk that ``user`` may see (in ``municipality`` when given),
    without those dismissed for the reasons they still have; the highest score first."""
    if not policy.can_view(user, FacilityRisk):
        return []
    risks = policy.visible(user, FacilityRisk).select_related("facility__municipality")
    if municipality is not None:
        risks = risks.filter(facility__municipality=municipality)
    dismissed = set(policy.visible(user, RiskDismissal).values_list("facility_id", "signature"))
    lines = [
        RiskLine(r.facility, r.score, r.jobs, list(r.reasons))
        for r in risks.order_by("-score", "-jobs", "facility_id")
        if (r.facility_id, r.signature) not in dismissed
    ]
    return lines[:limit] if limit is not None else lines
