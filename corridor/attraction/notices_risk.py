"""What the risk list tells people through notifications (see docs/notifications.md).

``attraction.at-risk``: a facility entered the list, or its score rose by at least one
red flag's weight, or it has a reason it did not have before. Told: the editors and
viewers of the facility's municipality's organisation(s) and the people of the
coordinator office. A facility dismissed for the reasons it still has is not told of
(a new reason is). Sent after each assessment (``risk_plugins.assess_and_tell``).
"""

from __future__ import annotations

from typing import Any

from corridor.attraction.assessment import AssessmentRun, Change
from corridor.attraction.models import FacilityRisk, RiskDismissal, RiskReason
from corridor.attraction.risk import covered
from corridor.attraction.weights import current_weights
from corridor.core.models import Organisation, OrganisationKind, Role
from corridor.core.scoping import system_scope
from corridor.notifications import Delivery, register_kind
from corridor.notifications.services import notify, people_of

KIND = "attraction.at-risk"
LIST_PATH = "/attraction/at-risk/"


def worth_telling(change: Change, red_weight: int) -> bool:
    if change.before is None:
        return True
    if change.after - change.before >= max(1, red_weight):
        return True
    return bool(change.new_reasons)


def tell(run: AssessmentRun) -> int:
    """Notify of the facilities ``run`` added or raised; how many notifications were made."""
    red = current_weights()[RiskReason.RED_FLAG].weight
    changes = [c for c in run.risen if worth_telling(c, red)]
    if not changes:
        return 0
    ids = [c.facility_id for c in changes]
    with system_scope("the risk list's notices look at the assessed facilities"):
        risks = {
            r.facility_id: r
            for r in FacilityRisk.objects.filter(facility_id__in=ids).select_related(
                "facility__municipality"
            )
        }
        dismissed: dict[int, list[str]] = {}
        for facility_id, signature in RiskDismissal.objects.filter(facility_id__in=ids).values_list(
            "facility_id", "signature"
        ):
            dismissed.setdefault(facility_id, []).append(signature)
        offices = list(
            Organisation.objects.filter(kind=OrganisationKind.COORDINATOR_OFFICE).values_list(
                "pk", flat=True
            )
        )
        municipal: dict[int, list[int]] = {}
        for pk, municipality_id in Organisation.objects.filter(
            kind=OrganisationKind.MUNICIPALITY
        ).values_list("pk", "municipality_id"):
            municipal.setdefault(municipality_id, []).append(pk)
    coordinators = people_of(offices)
    by_place: dict[int | None, list[Any]] = {}
    made = 0
    for change in changes:
        risk = risks.get(change.facility_id)
        if risk is None or covered(risk.signature, dismissed.get(change.facility_id, ())):
            continue
        place = risk.facility.municipality_id
        if place not in by_place:
            by_place[place] = people_of(
                municipal.get(place, []) if place else [],
                roles=[Role.EDITOR, Role.VIEWER, Role.COORDINATOR],
            )
        made += len(notify(
            [*by_place[place], *coordinators],
            KIND,
            _title(risk, change),
            _body(risk),
            url=LIST_PATH,
            subject=risk,
            key=f"{KIND}:{risk.facility_id}:{risk.signature}:{risk.score}",
        ))  # fmt: skip
    return made


def _title(risk: FacilityRisk, change: Change) -> str:
    facility = risk.facility
    place = facility.municipality
    where = f" ({place.name})" if place is not None else ""
    jobs = f", {risk.jobs:,} jobs" if risk.jobs else ""
    if change.before is None:
        return f"At risk: {facility.name}{where}, score {risk.score}{jobs}"
    return f"Risk rose at {facility.name}{where}: score {change.before} → {risk.score}{jobs}"


def _body(risk: FacilityRisk) -> str:
    return (
        "Reasons: "
        + "; ".join(f"{r['label']} ({r['weight']})" for r in risk.reasons)
        + ". Open the risk list to see each reason, or dismiss it with a reason."
    )


def register() -> None:
    """Called once, from ``notices.register()``."""
    register_kind(KIND, "A facility in my municipality is at risk", Delivery.DIGEST)
