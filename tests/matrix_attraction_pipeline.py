"""The attraction pipeline's part of the access matrix (see tests/test_access_matrix.py).

Windsor (alice) works a prospect of its own and one shared with the corridor. Prospects
are for participants (the partner dave sees none); an unshared one only for Windsor's
people and the coordinator; changing and moving for Windsor's editors and the
coordinator; adding for municipal editors and the coordinator.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.attraction import services
from corridor.attraction.models import Prospect
from corridor.core.history import change_context
from tests.access_rows import Row, everyone, only, participants

DAY = dt.date(2026, 10, 5)


def build_attraction_pipeline(world: Any) -> None:
    """Add the rows' objects to the matrix world (after every other capability's)."""
    with change_context(user=world.alice, source="tests"):
        world.prospect = services.create_prospect(
            world.alice, name="Matrix Prospect", summary="Matrix secret",
            competing_jurisdictions="Michigan", next_step="Call", next_step_due=DAY,
        )  # fmt: skip
        world.shared_prospect = services.create_prospect(
            world.alice, name="Shared Prospect", shared=True, summary="Shared secret"
        )


WINDSOR_AND_CAROL = {"alice": 200, "erin": 200, "carol": 200}
EDITORS = {"alice": 200, "bob": 200, "carol": 200}
CHANGERS = {"alice": 200, "carol": 200}


def _stage_move(world: Any) -> dict[str, str]:
    return {"to_stage": "contacted", "on": dt.date.today().isoformat(), "note": "Matrix move"}


ATTRACTION_PIPELINE_PAGES: list[Row] = [
    Row("attraction-board", lambda w: "/attraction/", participants(200, 403)),
    Row(
        "attraction-board",
        lambda w: "/attraction/?q=matrix&capability=battery-enclosure&mine=true&due=true",
        participants(200, 403),
    ),
    Row("attraction-prospect-list", lambda w: "/attraction/prospects/", participants(200, 403)),
    Row(
        "attraction-prospect-list",
        lambda w: "/attraction/prospects/?stage=open&shared=true&format=csv",
        participants(200, 403),
    ),
    Row(
        "attraction-prospect-list",
        lambda w: "/attraction/prospects/?format=xlsx",
        participants(200, 403),
    ),
    Row("attraction-prospect-new", lambda w: "/attraction/prospects/new/", only(EDITORS, 403)),
    Row(
        "attraction-prospect-new",
        lambda w: (
            f"/attraction/prospects/new/?capability=battery-enclosure&facility={w.facility.pk}"
        ),
        only(EDITORS, 403),
    ),
    Row(
        "attraction-prospect-new",
        lambda w: "/attraction/prospects/new/",
        only({"alice": 302, "bob": 302, "carol": 302}, 403),
        method="post",
        data=lambda w: {"name": "Posted Prospect", "kind": "new", "source": "gap"},
    ),
    Row(
        "attraction-prospect-detail",
        lambda w: f"/attraction/prospects/{w.prospect.pk}/",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404),
    ),
    Row(
        "attraction-prospect-detail",
        lambda w: f"/attraction/prospects/{w.shared_prospect.pk}/",
        participants(200, 403),
    ),
    Row(
        "attraction-prospect-edit",
        lambda w: f"/attraction/prospects/{w.prospect.pk}/edit/",
        only({**CHANGERS, "erin": 403, "dave": 403}, 404),
    ),
    Row(
        "attraction-prospect-edit",
        lambda w: f"/attraction/prospects/{w.shared_prospect.pk}/edit/",
        only(CHANGERS, 403),
    ),
    Row(
        "attraction-prospect-edit",
        lambda w: f"/attraction/prospects/{w.prospect.pk}/edit/",
        only({"alice": 302, "carol": 302, "erin": 403, "dave": 403}, 404),
        method="post",
        data=lambda w: {
            "loaded_version": w.prospect.version,
            "name": "Edited Prospect",
            "kind": "new",
            "source": "gap",
        },
    ),
    Row(
        "attraction-prospect-stage",
        lambda w: f"/attraction/prospects/{w.prospect.pk}/stage/",
        only({"alice": 302, "carol": 302, "erin": 403, "dave": 403}, 404),
        method="post",
        data=_stage_move,
    ),
    Row(
        "attraction-prospect-stage",
        lambda w: f"/attraction/prospects/{w.shared_prospect.pk}/stage/",
        only({"alice": 302, "carol": 302}, 403),
        method="post",
        data=_stage_move,
    ),
    Row(
        "object-history",
        lambda w: f"/history/attraction/prospect/{w.prospect.pk}/",
        only(WINDSOR_AND_CAROL, 404),
    ),
    Row(
        "object-history",
        lambda w: f"/history/attraction/prospect/{w.shared_prospect.pk}/",
        participants(200, 404),
    ),
]

PROSPECTS = "/api/v1/prospects"
ONE = f"{PROSPECTS}/{{prospect_id}}"

ATTRACTION_PIPELINE_API: list[Row] = [
    Row(
        f"GET {PROSPECTS}",
        lambda w: f"{PROSPECTS}?stage=open&q=matrix&shared=false",
        everyone(200, anonymous=401),
    ),
    Row(
        f"POST {PROSPECTS}",
        lambda w: PROSPECTS,
        only({"alice": 201, "bob": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=lambda w: {"name": "Api Prospect", "capability": "battery-enclosure"},
    ),
    Row(
        f"GET {ONE}",
        lambda w: f"{PROSPECTS}/{w.prospect.pk}",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404, anonymous=401),
    ),
    Row(
        f"GET {ONE}",
        lambda w: f"{PROSPECTS}/{w.shared_prospect.pk}",
        participants(200, 403, anonymous=401),
    ),
    Row(
        f"PATCH {ONE}",
        lambda w: f"{PROSPECTS}/{w.prospect.pk}",
        only({**CHANGERS, "erin": 403, "dave": 403}, 404, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.prospect.version, "next_step": "Edited"},
    ),
    Row(
        f"PATCH {ONE}",
        lambda w: f"{PROSPECTS}/{w.shared_prospect.pk}",
        only(CHANGERS, 403, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.shared_prospect.version, "estimated_jobs": 10},
    ),
    Row(
        f"POST {ONE}/stage",
        lambda w: f"{PROSPECTS}/{w.prospect.pk}/stage",
        only({**CHANGERS, "erin": 403, "dave": 403}, 404, anonymous=401),
        method="post",
        data=lambda w: {"to_stage": "visit", "note": "Api move"},
    ),
    Row(
        f"GET {ONE}/stage-changes",
        lambda w: f"{PROSPECTS}/{w.prospect.pk}/stage-changes",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404, anonymous=401),
    ),
    Row(
        f"GET {ONE}/stage-changes",
        lambda w: f"{PROSPECTS}/{w.shared_prospect.pk}/stage-changes",
        participants(200, 403, anonymous=401),
    ),
]
ATTRACTION_PIPELINE_API_LISTS: dict[str, Any] = {PROSPECTS: Prospect}
