"""Access-matrix rows for the API of supply needs, introductions, gaps, the taxonomy and
facilities' capabilities; the world is built in tests/matrix_supplychain.py.

Needs are for participants (dave: an empty list, 404 for one need); the buyer of
alice's need is null for bob, and its introductions answer 404 to him.
"""

from __future__ import annotations

from typing import Any

from corridor.supplychain.models import Capability, Introduction, SupplyNeed
from tests.access_rows import Row, everyone, only, participants


def _roles(
    alice: int, bob: int, carol: int, dave: int, erin: int, anonymous: int = 401
) -> dict[str, int]:
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin,
            "anonymous": anonymous}  # fmt: skip


def _need(w: Any) -> dict[str, Any]:
    return {
        "buyer_id": w.windsor_plant.pk,
        "capability": "stamping",
        "organisation_id": w.org_a.pk,
        "annual_value": 120_000,
        "sourced_from": "us",
    }


SUPPLY_NEEDS_API: list[Row] = [
    Row("GET /api/v1/supply-needs", lambda w: "/api/v1/supply-needs", everyone(200, 401)),
    Row(
        "GET /api/v1/supply-needs",
        lambda w: (
            f"/api/v1/supply-needs?status=active&capability=casting&municipality={w.windsor.pk}"
            f"&organisation={w.org_a.pk}&buyer={w.windsor_plant.pk}"
        ),
        everyone(200, 401),
    ),
    Row(
        "GET /api/v1/supply-needs/{need_id}",
        lambda w: f"/api/v1/supply-needs/{w.need_a.pk}",
        participants(200, 404, anonymous=401),
    ),
    Row(
        "POST /api/v1/supply-needs",
        lambda w: "/api/v1/supply-needs",
        only({"alice": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=_need,
    ),
    Row(
        "POST /api/v1/supply-needs/{need_id}/status",
        lambda w: f"/api/v1/supply-needs/{w.need_a.pk}/status",
        _roles(alice=200, bob=403, carol=200, dave=404, erin=403),
        method="post",
        data=lambda w: {"status": "dropped"},
    ),
    Row(
        "GET /api/v1/supply-needs/{need_id}/suppliers",
        lambda w: f"/api/v1/supply-needs/{w.need_a.pk}/suppliers",
        participants(200, 404, anonymous=401),
    ),
    # learning the buyer through its introductions: bob gets 404
    Row(
        "GET /api/v1/supply-needs/{need_id}/introductions",
        lambda w: f"/api/v1/supply-needs/{w.need_a.pk}/introductions",
        _roles(alice=200, bob=404, carol=200, dave=404, erin=200),
    ),
    Row(
        "POST /api/v1/supply-needs/{need_id}/introductions",
        lambda w: f"/api/v1/supply-needs/{w.need_a.pk}/introductions",
        _roles(alice=201, bob=404, carol=201, dave=404, erin=403),
        method="post",
        data=lambda w: {"supplier_id": w.sc_caster.pk, "introduced_on": "2026-10-07"},
    ),
    Row("GET /api/v1/introductions", lambda w: "/api/v1/introductions", everyone(200, 401)),
    Row(
        "POST /api/v1/introductions/{introduction_id}/outcome",
        lambda w: f"/api/v1/introductions/{w.introduction_a.pk}/outcome",
        _roles(alice=200, bob=404, carol=200, dave=404, erin=403),
        method="post",
        data=lambda w: {"outcome": "quote"},
    ),
    Row("GET /api/v1/supply-gaps", lambda w: "/api/v1/supply-gaps", everyone(200, 401)),
    Row(
        "GET /api/v1/supply-gaps",
        lambda w: "/api/v1/supply-gaps?k=3&radius_km=80",
        everyone(200, 401),
    ),
    Row("GET /api/v1/supply-gaps", lambda w: "/api/v1/supply-gaps?k=0", everyone(422, 401)),
    Row("GET /api/v1/capabilities", lambda w: "/api/v1/capabilities?q=cast", everyone(200, 401)),
    Row(
        "GET /api/v1/facilities/{facility_id}/capabilities",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/capabilities",
        everyone(200, 401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}/capabilities",
        lambda w: f"/api/v1/facilities/{w.merged_facility.pk}/capabilities",
        everyone(404, 401),
    ),
    Row(
        "POST /api/v1/facilities/{facility_id}/capabilities",
        lambda w: f"/api/v1/facilities/{w.windsor_plant.pk}/capabilities",
        _roles(alice=201, bob=201, carol=201, dave=403, erin=403),
        method="post",
        data=lambda w: {"capability": "painting"},
    ),
    Row(
        "DELETE /api/v1/facilities/{facility_id}/capabilities/{capability_key}",
        lambda w: f"/api/v1/facilities/{w.windsor_plant.pk}/capabilities/injection-moulding",
        _roles(alice=204, bob=204, carol=204, dave=403, erin=403),
        method="delete",
    ),
]

# What each list returns must be exactly what the policy lets that role see.
SUPPLY_API_LISTS: dict[str, type] = {
    "/api/v1/supply-needs": SupplyNeed,
    "/api/v1/introductions": Introduction,
    "/api/v1/capabilities": Capability,
}
