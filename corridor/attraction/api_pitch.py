"""The pitch pack in the API (`/api/v1/...`): see docs/api.md.

The same sections as the page (``corridor/attraction/pitch.py``), as the reader may see
them: small counts suppressed for who may not know every buyer behind them, buyers named
only to the municipality that recorded their needs and the coordinator, a prospect's
competing jurisdictions only to its hosts and the coordinator. Participants only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from corridor.api.errors import ERRORS
from corridor.attraction import pitch
from corridor.attraction.models import Prospect
from corridor.attraction.schemas_pitch import PitchPackOut
from corridor.core import policy
from corridor.core.disclosure import Cell

router = Router(tags=["attraction"])


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Prospect):
        raise PermissionDenied("Pitch packs are for Corridor's participating municipalities.")


def _count(cell: Cell) -> dict[str, Any]:
    return {"value": cell.value, "display": str(cell)}


def _plant(facility: Any) -> dict[str, Any]:
    return {
        "facility_id": facility.pk,
        "name": facility.name,
        "municipality": facility.municipality.name if facility.municipality_id else None,
    }


def pack_json(pack: pitch.Pack) -> dict[str, Any]:
    """The pack as the API returns it."""
    header = None
    if pack.prospect is not None:
        p = pack.prospect.prospect
        header = {
            "id": p.pk,
            "name": p.name,
            "kind": p.kind,
            "estimated_investment": p.estimated_investment,
            "estimated_jobs": p.estimated_jobs,
            "stage": p.stage,
            "competing_jurisdictions": pack.prospect.competitors,
        }
    d, o, labour = pack.demand, pack.oem, pack.labour
    return {
        "capability": pack.capability.key,
        "capability_label": pack.capability.label,
        "made_on": pack.made_on,
        "prospect": header,
        "demand": {
            "unmet_needs": d.unmet_needs,
            "unmet_value": d.unmet_value,
            "buyers": _count(d.buyers),
            "needs": d.needs,
            "suppliers_in_region": d.suppliers_in_region,
            "buyers_known": [{"buyer": b, "annual_value": v} for b, v in d.buyer_lines],
            "source": d.source,
        },
        "oem": {
            "named": [_plant(f) for f in o.named],
            "unnamed": _count(o.unnamed),
            "single_supplier": [{**_plant(f), "capability": what} for f, what in o.dependent],
            "source": o.source,
        },
        "labour": {
            "start": labour.start,
            "on": labour.on,
            "occupations": [
                {
                    "noc_code": line.occupation.noc_code,
                    "title": line.occupation.title,
                    "regions": [
                        {
                            "region": r.region.name,
                            "employed": r.employed,
                            "unemployed": r.unemployed,
                            "postings": r.postings,
                            "call_openings": r.call_openings,
                            "graduates": r.graduates,
                            "shortage_index": round(r.index, 2),
                        }
                        for r in line.regions
                    ],
                    "training": [
                        {
                            "institution": t.institution,
                            "program": t.program,
                            "credential": t.credential,
                            "campuses": t.campuses,
                            "graduates_per_year": t.graduates_per_year,
                        }
                        for t in line.training
                    ],
                }
                for line in labour.occupations
            ],
            "source": labour.source,
        },
        "programs": {
            "assumption": pack.programs.assumption,
            "programs": [
                {
                    "program_id": line.program.pk,
                    "name": line.program.name,
                    "verdict": line.status,
                    "project_type": line.project_type,
                    "why": line.why,
                }
                for line in pack.programs.lines
            ],
            "source": pack.programs.source,
        },
        "sites": {
            "sites": [
                {
                    "municipality_id": s.municipality.pk,
                    "municipality": s.municipality.name,
                    "economic_region": s.municipality.economic_region,
                    "buyers_within_reach": _count(s.buyers),
                    "employed_in_region": s.employed,
                    "unemployed_in_region": s.unemployed,
                }
                for s in pack.sites.lines
            ],
            "source": pack.sites.source,
        },
        "announcements": {
            "announcements": [
                {
                    "fact_id": a.fact.pk,
                    "date": a.fact.date or a.fact.document.date,
                    "recipient": a.fact.recipient,
                    "funder": a.fact.funder,
                    "amount_cad": float(a.fact.amount_cad)
                    if a.fact.amount_cad is not None
                    else None,
                    "title": a.title,
                    "document_id": a.document_id,
                    "url": a.url,
                }
                for a in pack.announcements.lines
            ],
            "source": pack.announcements.source,
        },
    }


@router.get(
    "/pitch-packs/{capability}",
    response={200: PitchPackOut, **ERRORS},
    summary="The pitch pack of a capability (a supply gap), each figure with its source",
)
def get_pitch_pack(request: HttpRequest, capability: str) -> dict[str, Any]:
    _require_view(request)
    found = pitch.capability_by_key(capability)
    if found is None:
        raise Http404("No capability of the taxonomy has this key.")
    return pack_json(pitch.build(request.user, found))


@router.get(
    "/prospects/{prospect_id}/pitch-pack",
    response={200: PitchPackOut, **ERRORS},
    summary="The pitch pack of a prospect: its header and its capability's figures",
)
def get_prospect_pitch_pack(request: HttpRequest, prospect_id: int) -> dict[str, Any]:
    _require_view(request)
    prospect: Prospect = get_object_or_404(
        policy.visible(request.user, Prospect).select_related("capability", "municipality"),
        pk=prospect_id,
    )
    if prospect.capability is None:
        raise ValidationError(
            {"capability": "The prospect has no capability: set one to build its pitch pack."}
        )
    return pack_json(pitch.build(request.user, prospect.capability, prospect))
