"""The attraction risk's part of the access matrix (see tests/test_access_matrix.py).

The matrix's calls leave Windsor's plant with an open red flag and Oshawa's with a
yellow one; the assessment lists both. Oshawa (bob) dismissed its plant. The list, the
dismissed items and the weights are for participants; municipal editors dismiss their
own municipality's items and the coordinator any; the dismissing organisation's editors
and the coordinator undo; the coordinator alone sets the weights and reassesses.
"""

from __future__ import annotations

from typing import Any

from corridor.attraction import assessment, risk
from corridor.attraction.models import RiskDismissal, RiskReason
from corridor.core.history import change_context
from tests.access_rows import Row, coordinator, everyone, only, participants


def build_attraction_risk(world: Any) -> None:
    """Add the rows' objects to the matrix world (after every other capability's)."""
    assessment.assess_all()
    with change_context(user=world.bob, source="tests"):
        world.risk_dismissal = risk.dismiss(world.bob, world.oshawa_plant, "Matrix: handled")


WEIGHTS_FORM = {f"weight-{key}": "20" for key in RiskReason.values}

ATTRACTION_RISK_PAGES: list[Row] = [
    Row("attraction-risk-list", lambda w: "/attraction/at-risk/", participants(200, 403)),
    Row(
        "attraction-risk-list",
        lambda w: f"/attraction/at-risk/?municipality={w.windsor.pk}&format=csv",
        participants(200, 403),
    ),
    Row(
        "attraction-risk-list",
        lambda w: "/attraction/at-risk/?municipality=all&format=xlsx",
        participants(200, 403),
    ),
    Row(
        "attraction-risk-dismiss",
        lambda w: f"/attraction/at-risk/{w.windsor_plant.pk}/dismiss/",
        only({"alice": 302, "carol": 302}, 403),
        method="post",
        data=lambda w: {"reason": "Matrix: known"},
    ),
    Row(
        "attraction-risk-dismissed",
        lambda w: "/attraction/at-risk/dismissed/",
        participants(200, 403),
    ),
    Row(
        "attraction-risk-undo",
        lambda w: f"/attraction/at-risk/dismissals/{w.risk_dismissal.pk}/undo/",
        only({"bob": 302, "carol": 302}, 403),
        method="post",
    ),
    Row(
        "attraction-risk-weights", lambda w: "/attraction/at-risk/weights/", participants(200, 403)
    ),
    Row(
        "attraction-risk-weights",
        lambda w: "/attraction/at-risk/weights/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: WEIGHTS_FORM,
    ),
    Row(
        "attraction-risk-reassess",
        lambda w: "/attraction/at-risk/reassess/",
        coordinator(302, 403, 403),
        method="post",
    ),
]

ATTRACTION_RISK_API: list[Row] = [
    Row(
        "GET /api/v1/at-risk",
        lambda w: f"/api/v1/at-risk?municipality={w.windsor.pk}&min_score=1",
        everyone(200, anonymous=401),
    ),
    Row(
        "POST /api/v1/at-risk/{facility_id}/dismiss",
        lambda w: f"/api/v1/at-risk/{w.windsor_plant.pk}/dismiss",
        only({"alice": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=lambda w: {"reason": "Matrix: known"},
    ),
    Row(
        "GET /api/v1/risk-dismissals",
        lambda w: "/api/v1/risk-dismissals",
        everyone(200, anonymous=401),
    ),
    Row(
        "POST /api/v1/risk-dismissals/{dismissal_id}/undo",
        lambda w: f"/api/v1/risk-dismissals/{w.risk_dismissal.pk}/undo",
        only({"bob": 200, "carol": 200}, 403, anonymous=401),
        method="post",
    ),
    Row("GET /api/v1/risk-weights", lambda w: "/api/v1/risk-weights", everyone(200, anonymous=401)),
    Row(
        "PUT /api/v1/risk-weights/{reason}",
        lambda w: "/api/v1/risk-weights/lease",
        coordinator(200, 403, 403, anonymous=401),
        method="put",
        data=lambda w: {"weight": 22},
    ),
]
ATTRACTION_RISK_API_LISTS: dict[str, Any] = {"/api/v1/risk-dismissals": RiskDismissal}
