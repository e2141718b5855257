"""Access-matrix rows for the supply-chain pages; the world is built in
tests/matrix_supplychain.py.

The map, supplier search, the gap page and the taxonomy are for everyone signed in;
needs are for participants (the partner dave gets 403); a need's buyer, details and
introductions stay with the recording municipality (Windsor: alice, erin) and the
coordinator: bob opens alice's need (200, without the buyer: see
corridor/supplychain/tests/test_views.py) but not its introductions (404).
"""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row, everyone, participants


def _roles(
    alice: int, bob: int, carol: int, dave: int, erin: int, anonymous: int = 302
) -> dict[str, int]:
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin,
            "anonymous": anonymous}  # fmt: skip


# Changing alice's need (Windsor): Windsor's editor and the coordinator.
WINDSOR_EDITS = _roles(alice=302, bob=403, carol=302, dave=403, erin=403)
# Tagging facilities: editors of member municipalities and the coordinator.
TAGGERS = _roles(alice=302, bob=302, carol=302, dave=403, erin=403)


def _need(w: Any) -> dict[str, Any]:
    return {
        "buyer": w.windsor_plant.pk,
        "capability": "stamping",
        "annual_value": "120000",
        "sourced_from": "us",
        "urgency": "high",
        "radius_km": "150",
        "organisation": w.org_a.pk,
    }


def _edit(w: Any) -> dict[str, Any]:
    return {**_need(w), "capability": "die-casting", "loaded_version": w.need_a.version}


SUPPLY_PAGES: list[Row] = [
    Row("supply-chain-map", lambda w: "/supply-chain/", everyone(200)),
    Row(
        "supply-chain-map", lambda w: "/supply-chain/?capability=casting&tier=tier2", everyone(200)
    ),
    Row("supplier-search", lambda w: "/supply-chain/search/", everyone(200)),
    Row(
        "supplier-search",
        lambda w: (
            f"/supply-chain/search/?q=castings&capability=casting&municipality={w.windsor.pk}"
            "&radius=50&tier=tier1&tier=tier2&certification=ISO+9001&min_employees=1"
        ),
        everyone(200),
    ),
    Row(
        "supplier-search",
        lambda w: f"/supply-chain/search/?facility={w.windsor_plant.pk}&radius=150",
        everyone(200),
    ),
    Row(
        "supplier-search-export",
        lambda w: "/supply-chain/search/export.csv?q=die+casting&lat=42.3&lon=-83&radius=100",
        everyone(200),
    ),
    Row("supplier-search-export", lambda w: "/supply-chain/search/export.csv", everyone(400)),
    Row("need-list", lambda w: "/supply-chain/needs/", participants(200, 403)),
    # filtering by a buyer: allowed, but bob's answer is empty (test_views checks it)
    Row(
        "need-list",
        lambda w: (
            f"/supply-chain/needs/?status=all&capability=casting&municipality={w.windsor.pk}"
            f"&whose=mine&buyer={w.windsor_plant.pk}"
        ),
        participants(200, 403),
    ),
    # bob opens alice's need: 200 without the buyer (no buyer, no introductions shown)
    Row("need-detail", lambda w: f"/supply-chain/needs/{w.need_a.pk}/", participants(200, 403)),
    Row("need-detail", lambda w: f"/supply-chain/needs/{w.need_b.pk}/", participants(200, 403)),
    Row(
        "need-create",
        lambda w: f"/supply-chain/needs/new/?buyer={w.windsor_plant.pk}",
        _roles(alice=200, bob=200, carol=200, dave=403, erin=403),
    ),
    # recording for Windsor: bob may not choose Windsor (the form says so)
    Row(
        "need-create",
        lambda w: "/supply-chain/needs/new/",
        _roles(alice=302, bob=200, carol=302, dave=403, erin=403),
        method="post",
        data=_need,
    ),
    Row(
        "need-edit",
        lambda w: f"/supply-chain/needs/{w.need_a.pk}/edit/",
        _roles(alice=200, bob=403, carol=200, dave=403, erin=403),
    ),
    Row(
        "need-edit",
        lambda w: f"/supply-chain/needs/{w.need_a.pk}/edit/",
        WINDSOR_EDITS,
        method="post",
        data=_edit,
    ),
    Row(
        "need-introduce",
        lambda w: f"/supply-chain/needs/{w.need_a.pk}/introduce/",
        WINDSOR_EDITS,
        method="post",
        data=lambda w: {"supplier": w.sc_caster.pk, "introduced_on": "2026-10-07"},
    ),
    Row(
        "need-status",
        lambda w: f"/supply-chain/needs/{w.need_a.pk}/status/",
        WINDSOR_EDITS,
        method="post",
        data=lambda w: {"status": "dropped"},
    ),
    # bob cannot even find the introduction (404); erin sees it but may not change it
    Row(
        "introduction-outcome",
        lambda w: f"/supply-chain/introductions/{w.introduction_a.pk}/outcome/",
        _roles(alice=302, bob=404, carol=302, dave=403, erin=403),
        method="post",
        data=lambda w: {"outcome": "meeting", "notes": "Met on site"},
    ),
    Row("supply-gaps", lambda w: "/supply-chain/gaps/", everyone(200)),
    Row("supply-gaps", lambda w: "/supply-chain/gaps/?k=2&radius=100", everyone(200)),
    Row("supply-gaps-csv", lambda w: "/supply-chain/gaps/export.csv?k=2", everyone(200)),
    Row("supply-gaps-xlsx", lambda w: "/supply-chain/gaps/export.xlsx", everyone(200)),
    Row("capability-list", lambda w: "/supply-chain/capabilities/", everyone(200)),
    Row(
        "facility-capabilities",
        lambda w: f"/supply-chain/facilities/{w.windsor_plant.pk}/capabilities/",
        _roles(alice=200, bob=200, carol=200, dave=403, erin=403),
    ),
    Row(
        "facility-capabilities",
        lambda w: f"/supply-chain/facilities/{w.merged_facility.pk}/capabilities/",
        everyone(404),
    ),
    Row(
        "facility-capabilities",
        lambda w: f"/supply-chain/facilities/{w.windsor_plant.pk}/capabilities/",
        TAGGERS,
        method="post",
        data=lambda w: {"capability": "painting"},
    ),
    Row(
        "facility-capability-remove",
        lambda w: f"/supply-chain/facilities/{w.facility.pk}/capabilities/{w.tag_a.pk}/remove/",
        TAGGERS,
        method="post",
    ),
]
