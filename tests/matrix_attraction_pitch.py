"""The attraction pitch's part of the access matrix (see tests/test_access_matrix.py).

The pitch pack is for participants (who see prospects): partners get 403, visitors are
sent to sign in (pages) or get 401 (API). A prospect's pack is seen by whoever sees the
prospect: ``w.pitch_prospect`` is Windsor's own (alice, erin and carol), ``w.pitch_shared``
is Oshawa's shared with the corridor (every participant), ``w.pitch_bare`` has no
capability (its page says to set one, its PDF goes back to the page, the API answers 422).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.access_rows import Row, only, participants

WINDSOR = {"alice": 200, "carol": 200, "erin": 200, "dave": 403}
WINDSOR_PDF = {"alice": 302, "carol": 302, "erin": 302, "dave": 403}


def build_attraction_pitch(world: Any) -> None:
    """Add the rows' objects to the matrix world (after every other capability's)."""
    from corridor.attraction.models import Prospect
    from corridor.core.history import change_context
    from corridor.core.scoping import system_scope
    from corridor.supplychain.models import Capability

    with system_scope("access matrix fixtures"), change_context(source="tests"):
        die_casting = Capability.objects.get(key="die-casting")

        def prospect(name: str, **extra: Any) -> Prospect:
            return Prospect.objects.create(
                name=name,
                stage_changed_on=dt.date(2026, 9, 1),
                estimated_investment=40_000_000,
                estimated_jobs=150,
                competing_jurisdictions="Michigan",
                **extra,
            )

        world.pitch_prospect = prospect(
            "Pitch Castings", capability=die_casting, organisation=world.org_a
        )
        world.pitch_shared = prospect(
            "Pitch Shared Castings",
            capability=die_casting,
            organisation=world.org_b,
            shared=True,
        )
        world.pitch_bare = prospect("Pitch Unknown Co", organisation=world.org_a)


GAP = "/attraction/gaps/die-casting/pitch"
UNKNOWN = "/attraction/gaps/no-such-capability/pitch"

ATTRACTION_PITCH_PAGES: list[Row] = [
    Row("attraction-gap-pitch", lambda w: f"{GAP}/", participants(200, 403)),
    Row("attraction-gap-pitch", lambda w: f"{UNKNOWN}/", participants(404, 403)),
    Row("attraction-gap-pitch-pdf", lambda w: f"{GAP}.pdf", participants(200, 403)),
    Row("attraction-gap-pitch-pdf", lambda w: f"{UNKNOWN}.pdf", participants(404, 403)),
    Row(
        "attraction-prospect-pitch",
        lambda w: f"/attraction/prospects/{w.pitch_prospect.pk}/pitch/",
        only(WINDSOR, 404),
    ),
    Row(
        "attraction-prospect-pitch",
        lambda w: f"/attraction/prospects/{w.pitch_shared.pk}/pitch/",
        participants(200, 403),
    ),
    Row(
        "attraction-prospect-pitch",
        lambda w: f"/attraction/prospects/{w.pitch_bare.pk}/pitch/",
        only(WINDSOR, 404),
    ),
    Row(
        "attraction-prospect-pitch",
        lambda w: "/attraction/prospects/999999/pitch/",
        participants(404, 403),
    ),
    Row(
        "attraction-prospect-pitch-pdf",
        lambda w: f"/attraction/prospects/{w.pitch_prospect.pk}/pitch.pdf",
        only(WINDSOR, 404),
    ),
    Row(
        "attraction-prospect-pitch-pdf",
        lambda w: f"/attraction/prospects/{w.pitch_shared.pk}/pitch.pdf",
        participants(200, 403),
    ),
    Row(
        "attraction-prospect-pitch-pdf",
        lambda w: f"/attraction/prospects/{w.pitch_bare.pk}/pitch.pdf",
        only(WINDSOR_PDF, 404),
    ),
]

PACKS = "/api/v1/pitch-packs"
OF_PROSPECT = "GET /api/v1/prospects/{prospect_id}/pitch-pack"

ATTRACTION_PITCH_API: list[Row] = [
    Row(
        f"GET {PACKS}/{{capability}}", lambda w: f"{PACKS}/die-casting", participants(200, 403, 401)
    ),
    Row(
        f"GET {PACKS}/{{capability}}",
        lambda w: f"{PACKS}/no-such-capability",
        participants(404, 403, 401),
    ),
    Row(
        OF_PROSPECT,
        lambda w: f"/api/v1/prospects/{w.pitch_prospect.pk}/pitch-pack",
        only(WINDSOR, 404, anonymous=401),
    ),
    Row(
        OF_PROSPECT,
        lambda w: f"/api/v1/prospects/{w.pitch_shared.pk}/pitch-pack",
        participants(200, 403, 401),
    ),
    Row(
        OF_PROSPECT,
        lambda w: f"/api/v1/prospects/{w.pitch_bare.pk}/pitch-pack",
        only({"alice": 422, "carol": 422, "erin": 422, "dave": 403}, 404, anonymous=401),
    ),
]
ATTRACTION_PITCH_API_LISTS: dict[str, Any] = {}
