"""API of the supply chain: supplier search.

Searching reads through the access policy like every list: only facilities the
caller may see are found (``search.search_suppliers``).
"""

import math
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field as NinjaField
from ninja import Query, Router, Schema

from corridor.api.errors import LIST_ERRORS
from corridor.core import policy
from corridor.registry.models import Facility
from corridor.supplychain.schemas import SupplierOut, SupplierPageOut, SupplierSearchIn
from corridor.supplychain.search import (
    QueryError,
    SupplierQuery,
    centre_of_facility,
    centre_of_municipality,
    search_suppliers,
)

router = Router(tags=["supply chain"])


class PageIn(Schema):
    page: int = NinjaField(1, ge=1, le=1_000_000, description="Page number, from 1")
    page_size: int = NinjaField(
        settings.CORRIDOR_API_PAGE_SIZE,
        ge=1,
        le=settings.CORRIDOR_API_MAX_PAGE_SIZE,
        description="Items per page",
    )


def _query(request: HttpRequest, params: SupplierSearchIn, page: PageIn) -> SupplierQuery:
    lat, lon = params.lat, params.lon
    if params.municipality is not None:
        lat, lon = centre_of_municipality(params.municipality, request.user)
    elif params.facility is not None:
        lat, lon = centre_of_facility(params.facility, request.user)
    return SupplierQuery(
        text=params.q,
        lat=lat,
        lon=lon,
        radius_km=params.radius_km,
        capabilities=params.capability,
        certifications=params.certification,
        tiers=params.tier,
        min_employees=params.employees_min,
        max_employees=params.employees_max,
        on=params.on,
        limit=page.page_size,
        offset=(page.page - 1) * page.page_size,
    )


@router.get(
    "/suppliers/search",
    response={200: SupplierPageOut, **LIST_ERRORS},
    summary="Find suppliers by text, capability, certification, tier, size and distance",
)
def search(
    request: HttpRequest, params: Query[SupplierSearchIn], page: Query[PageIn]
) -> dict[str, Any]:
    try:
        result = search_suppliers(request.user, _query(request, params, page))
    except QueryError as exc:
        raise ValidationError({exc.field or "q": str(exc)}) from exc
    found = {h.facility_id for h in result.hits}
    facilities = {
        f.pk: f
        for f in policy.visible(request.user, Facility)
        .filter(pk__in=found)
        .select_related("company", "municipality")
    }
    items = []
    for hit in result.hits:
        f = facilities.get(hit.facility_id)
        if f is None:
            continue
        items.append(
            SupplierOut(
                id=f.pk,
                name=f.name,
                company=f.company.name,
                municipality_id=f.municipality_id,
                municipality=f.municipality.name if f.municipality else None,
                tier=f.tier,
                employees=f.employees,
                latitude=f.latitude,
                longitude=f.longitude,
                distance_km=hit.distance_km,
                score=hit.score,
                reasons=hit.reasons,
            )
        )
    return {
        "items": items,
        "count": result.total,
        "page": page.page,
        "page_size": page.page_size,
        "pages": max(1, math.ceil(result.total / page.page_size)),
    }
