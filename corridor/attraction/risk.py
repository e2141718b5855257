"""The retention early warning: which facilities' jobs are at risk, and why.

``listed(user, municipality)`` is what pages, the API and the dashboards read: the latest
assessments the user may see, without those dismissed for the same reasons, the
highest score first. (The assessment itself is written by the worker:
``corridor/attraction/assessment.py``.)

A dismissal holds while the facility's reasons are among those that were dismissed
(``RiskDismissal.signature``): a reason that goes away keeps it dismissed, a new reason
puts the facility back on the list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.attraction.models import FacilityRisk, RiskDismissal
from corridor.core import policy
from corridor.core.models import Municipality, Organisation
from corridor.registry.models import Facility


@dataclass(frozen=True, slots=True)
class RiskLine:
    facility: Facility
    score: int
    jobs: int | None
    reasons: list[dict[str, Any]]  # {reason, label, weight, detail, since, age_days, path}
    first_listed_at: dt.datetime | None = None
    assessed_at: dt.datetime | None = None
    risk_id: int | None = None  # the FacilityRisk row


def keys(signature: str) -> frozenset[str]:
    return frozenset(k for k in signature.split(",") if k)


def covered(signature: str, dismissed: Iterable[str]) -> bool:
    """Are all of ``signature``'s reasons among those of one of the ``dismissed``?"""
    mine = keys(signature)
    return any(mine <= keys(d) for d in dismissed)


def dismissed_signatures(
    user: Any, facility_ids: Iterable[int] | None = None
) -> dict[int, list[str]]:
    """The signatures dismissed (and not undone) per facility, as ``user`` may see them."""
    found: dict[int, list[str]] = defaultdict(list)
    if not policy.can_view(user, RiskDismissal):
        return found
    rows = policy.visible(user, RiskDismissal)
    if facility_ids is not None:
        rows = rows.filter(facility_id__in=list(facility_ids))
    for facility_id, signature in rows.values_list("facility_id", "signature"):
        found[facility_id].append(signature)
    return found


def line_of(risk: FacilityRisk) -> RiskLine:
    return RiskLine(
        risk.facility,
        risk.score,
        risk.jobs,
        list(risk.reasons),
        risk.first_listed_at,
        risk.assessed_at,
        risk.pk,
    )


def listed(
    user: Any,
    municipality: Municipality | None = None,
    limit: int | None = None,
    min_score: int | None = None,
) -> list[RiskLine]:
    """The facilities at risk that ``user`` may see (in ``municipality`` when given),
    without those dismissed for the reasons they still have; the highest score first."""
    if not policy.can_view(user, FacilityRisk):
        return []
    risks = policy.visible(user, FacilityRisk).select_related(
        "facility__municipality", "facility__company"
    )
    if municipality is not None:
        risks = risks.filter(facility__municipality=municipality)
    if min_score is not None:
        risks = risks.filter(score__gte=min_score)
    dismissed = dismissed_signatures(user)
    lines = [
        line_of(r)
        for r in risks.order_by("-score", "-jobs", "facility_id")
        if not covered(r.signature, dismissed.get(r.facility_id, ()))
    ]
    return lines[:limit] if limit is not None else lines


# Dismissals: pages and the API call these.


def may_dismiss(user: Any, facility: Facility) -> bool:
    """The coordinator dismisses any item; a municipal editor those in their municipality."""
    actor = policy.actor_for(user)
    if not policy.can_create(user, RiskDismissal):
        return False
    return actor.is_coordinator or facility.municipality_id in actor.editor_municipality_ids


def _acting_organisation(user: Any, facility: Facility) -> Organisation:
    actor = policy.actor_for(user)
    mine = [
        m
        for m in actor.memberships
        if m.role in ("editor", "coordinator")
        and m.organisation_kind in ("municipality", "coordinator_office")
    ]
    here = [m for m in mine if m.municipality_id == facility.municipality_id]
    chosen = (here or mine)[0]
    found = policy.visible(user, Organisation).filter(pk=chosen.organisation_id).first()
    if found is None:
        raise PermissionDenied("You dismiss for no organisation.")
    return found


def dismiss(user: Any, facility: Facility, reason: str) -> RiskDismissal:
    """Take ``facility`` off the list for the reasons it has now; a new reason puts it back."""
    if not may_dismiss(user, facility):
        raise PermissionDenied(
            "Only the coordinator and the editors of the facility's municipality dismiss it."
        )
    text = (reason or "").strip()
    if not text:
        raise ValidationError({"reason": "Say why this facility is not at risk."})
    if len(text) > 500:
        raise ValidationError({"reason": "Keep the reason under 500 characters."})
    risk = policy.visible(user, FacilityRisk).filter(facility=facility).first()
    if risk is None:
        raise ValidationError({"facility": "This facility is not on the risk list."})
    with transaction.atomic():
        dismissal = RiskDismissal(
            facility=facility,
            signature=risk.signature,
            reason=text,
            organisation=_acting_organisation(user, facility),
            dismissed_by=user if getattr(user, "pk", None) else None,
        )
        dismissal.full_clean()
        dismissal.save()
    return dismissal


def undo_dismissal(user: Any, dismissal: RiskDismissal) -> RiskDismissal:
    """Put the facility back on the list (the dismissing organisation or the coordinator)."""
    policy.require_change(user, dismissal)
    dismissal.delete()
    return dismissal


def dismissals_for(user: Any) -> Any:
    """The dismissals in force that ``user`` may see, the newest first."""
    return (
        policy.visible(user, RiskDismissal)
        .select_related("facility__municipality", "organisation", "dismissed_by")
        .order_by("-created_at", "-pk")
    )
