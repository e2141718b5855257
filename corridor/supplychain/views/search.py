"""Supplier search: who near here can make this. The page, its map and its CSV export all
run the same query through ``search.search_suppliers`` (which reads through the policy)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from corridor.core import policy
from corridor.core.exports import csv_response
from corridor.core.models import Municipality
from corridor.core.views.common import map_point, querystring
from corridor.registry.models import Facility, Tier
from corridor.supplychain.forms import SupplierSearchForm
from corridor.supplychain.search import (
    QueryError,
    SearchResult,
    SupplierQuery,
    centre_of_facility,
    centre_of_municipality,
    search_suppliers,
)
from corridor.supplychain.views.common import (
    CENTRE_COLOUR,
    TIER_STYLE,
    capabilities,
    place_of,
    section,
    tag_labels,
    tier_label,
)

PAGE_SIZE = 50
EXPORT_LIMIT = 5000


@dataclass(frozen=True, slots=True)
class Result:
    rank: int
    facility: Facility
    distance_km: float | None
    reasons: list[str]
    capabilities: list[str]


@dataclass
class Search:
    form: SupplierSearchForm
    query: SupplierQuery | None = None
    centre: tuple[float, float] | None = None
    centre_label: str = ""
    problem: str = ""


def _municipalities(user: Any) -> Any:
    """Municipalities with facilities: the centres worth offering."""
    return (
        policy.visible(user, Municipality)
        .filter(pk__in=policy.visible(user, Facility).values("municipality_id"))
        .order_by("name")
    )


def read_search(request: HttpRequest, limit: int, offset: int = 0) -> Search:
    """The search the request's parameters ask for (``query`` None when it cannot run)."""
    user = request.user
    form = SupplierSearchForm(
        request.GET or None, capabilities=capabilities(user), municipalities=_municipalities(user)
    )
    search = Search(form)
    if not form.is_bound or not form.is_valid() or not form.has_criteria():
        return search
    data = form.cleaned_data
    query = SupplierQuery(
        text=data["q"],
        capabilities=list(data["capability"]),
        certifications=list(data["certification"]),
        tiers=list(data["tier"]),
        min_employees=data["min_employees"],
        max_employees=data["max_employees"],
        radius_km=float(data["radius"]) if data["radius"] is not None else None,
        limit=limit,
        offset=offset,
    )
    try:
        if data["municipality"]:
            search.centre = centre_of_municipality(int(data["municipality"]), user)
            search.centre_label = str(
                policy.visible(user, Municipality).get(pk=int(data["municipality"])).name
            )
        elif data["facility"] is not None:
            search.centre = centre_of_facility(data["facility"], user)
            plant = policy.visible(user, Facility).get(pk=data["facility"])
            search.centre_label = plant.name
        elif data["lat"] is not None and data["lon"] is not None:
            search.centre = (data["lat"], data["lon"])
            search.centre_label = f"{data['lat']:.4f}, {data['lon']:.4f}"
    except QueryError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, str(error))
        return search
    if search.centre is not None:
        query.lat, query.lon = search.centre
    search.query = query
    return search


def run(request: HttpRequest, search: Search) -> tuple[SearchResult | None, list[Result]]:
    if search.query is None:
        return None, []
    user = request.user
    try:
        result = search_suppliers(user, search.query)
    except QueryError as error:
        field = error.field if error.field in search.form.fields else None
        search.form.add_error(field, str(error))
        return None, []
    ids = [h.facility_id for h in result.hits]
    plants = {
        f.pk: f
        for f in policy.visible(user, Facility)
        .filter(pk__in=ids)
        .select_related("company", "municipality")
    }
    labels = tag_labels(user, ids)
    rows = [
        Result(
            search.query.offset + i + 1,
            plants[h.facility_id],
            h.distance_km,
            h.reasons,
            labels.get(h.facility_id, []),
        )
        for i, h in enumerate(result.hits)
        if h.facility_id in plants
    ]
    return result, rows


@login_required
def supplier_search(request: HttpRequest) -> HttpResponse:
    try:
        page = max(1, int(request.GET.get("page") or 1))
    except ValueError:
        page = 1
    search = read_search(request, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    result, rows = run(request, search)
    points: list[dict[str, Any]] = []
    for r in rows:
        f = r.facility
        if f.has_point:
            colour, radius, css = TIER_STYLE.get(f.tier, TIER_STYLE[Tier.UNKNOWN])
            distance = f", {r.distance_km:.1f} km away" if r.distance_km is not None else ""
            point = map_point(
                f.latitude,
                f.longitude,
                f"{r.rank}. {f.name}",
                reverse("facility-detail", args=[f.pk]),
                f"{tier_label(f.tier)}, {place_of(f)}{distance}",
            )
            point.update(colour=colour, radius=radius + 1, kind=css)
            points.append(point)
    if search.centre is not None and rows:
        centre = map_point(
            search.centre[0],
            search.centre[1],
            f"Centre: {search.centre_label}",
            "",
            "The search's centre",
        )
        centre.update(colour=CENTRE_COLOUR, radius=5, kind="centre")
        points.append(centre)
    total = result.total if result else 0
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    return render(
        request,
        "supplychain/search.html",
        {
            "form": search.form,
            "searched": search.query is not None and result is not None,
            "result": result,
            "rows": rows,
            "points": points,
            "centre_label": search.centre_label,
            "page": page,
            "pages": pages,
            "previous_url": "?" + querystring(request, page=page - 1) if page > 1 else "",
            "next_url": "?" + querystring(request, page=page + 1) if page < pages else "",
            "export_url": reverse("supplier-search-export") + "?" + querystring(request, page=None),
            "export_limit": EXPORT_LIMIT,
            "forget_facility_url": "?" + querystring(request, facility=None, page=None),
            "tiers": [(TIER_STYLE[t][2], tier_label(t)) for t in TIER_STYLE if t != Tier.OEM],
            **section("search"),
        },
    )


@login_required
def supplier_search_export(request: HttpRequest) -> HttpResponse:
    """The same search as the page, every result up to ``EXPORT_LIMIT``, as CSV."""
    search = read_search(request, EXPORT_LIMIT)
    result, rows = run(request, search)
    if result is None:
        return render(
            request,
            "supplychain/search.html",
            {
                "form": search.form,
                "searched": False,
                "export_problem": True,
                **section("search"),
            },
            status=400,
        )
    header = [
        "rank", "facility_id", "facility", "company", "municipality", "city", "tier",
        "employees", "distance_km", "capabilities", "why", "latitude", "longitude",
    ]  # fmt: skip
    lines = (
        [
            r.rank,
            r.facility.pk,
            r.facility.name,
            r.facility.company.name,
            place_of(r.facility) if r.facility.municipality_id else "",
            r.facility.city,
            tier_label(r.facility.tier),
            r.facility.employees,
            f"{r.distance_km:.1f}" if r.distance_km is not None else "",
            "; ".join(r.capabilities),
            "; ".join(r.reasons),
            r.facility.latitude,
            r.facility.longitude,
        ]
        for r in rows
    )
    return csv_response("corridor-suppliers.csv", header, lines)
