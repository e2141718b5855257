"""The supply-chain map: OEM plants, suppliers by tier and capability, and the gaps.

Gaps are open needs with no supplier within their radius. Whoever may know the
buyer (the recording municipality, the coordinator) sees the gap at the buyer's
plant; other participants see it at the centre of the buyer's municipality, never
the plant; partners see no needs (the gap page gives them the region's totals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from corridor.core import policy
from corridor.core.views.common import map_point
from corridor.registry.models import Facility, Tier
from corridor.supplychain.forms import MapFilterForm
from corridor.supplychain.gaps import SupplierMap, suppliers_for
from corridor.supplychain.models import FacilityCapability, NeedStatus, SupplyNeed
from corridor.supplychain.taxonomy import load_taxonomy
from corridor.supplychain.views.common import (
    GAP_COLOUR,
    TIER_STYLE,
    capabilities,
    money,
    place_of,
    section,
    tag_labels,
    tier_label,
)

MAP_SUPPLIERS = 1000  # markers; the largest suppliers first when there are more
OPEN_STATUSES = (NeedStatus.OPEN, NeedStatus.INTRODUCED)


@dataclass
class GapMarker:
    label: str
    lat: float
    lon: float
    url: str = ""
    needs: list[SupplyNeed] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _gap_line(need: SupplyNeed) -> str:
    value = money(need.annual_value) or "value not known"
    return f"{need.capability.label}: {value} a year, no supplier within {need.radius_km} km"


def gap_markers(
    user: Any, keys: set[str] | None
) -> tuple[list[GapMarker], list[tuple[str, SupplyNeed]]]:
    """Markers for the open needs without a local supplier that ``user`` may see, and the
    same needs as (where, need) rows for the table (for needs with no point too)."""
    if not policy.can_view(user, SupplyNeed):
        return [], []
    needs = (
        policy.visible(user, SupplyNeed)
        .filter(status__in=OPEN_STATUSES)
        .select_related("capability", "buyer", "buyer__municipality")
        .order_by("-annual_value", "pk")
    )
    if keys is not None:
        needs = needs.filter(capability__key__in=keys)
    suppliers = SupplierMap()
    markers: dict[tuple[str, int], GapMarker] = {}
    rows: list[tuple[str, SupplyNeed]] = []
    for need in needs:
        if suppliers_for(need, suppliers):
            continue
        buyer = need.buyer
        marker: GapMarker | None = None
        if policy.can_read_confidential(user, need):
            where = f"{buyer.name} ({place_of(buyer)})"
            if buyer.has_point:
                marker = markers.setdefault(
                    ("buyer", buyer.pk),
                    GapMarker(
                        f"Gap: {buyer.name}",
                        float(buyer.latitude or 0),
                        float(buyer.longitude or 0),
                        reverse("need-detail", args=[need.pk]),
                    ),
                )
        else:
            where = f"A facility in {place_of(buyer)}"
            place = buyer.municipality if buyer.municipality_id else None
            if place is not None:
                marker = markers.setdefault(
                    ("place", place.pk),
                    GapMarker(
                        f"Gaps in {place.name}",
                        float(place.latitude),
                        float(place.longitude),
                        reverse("need-list") + f"?municipality={place.pk}",
                    ),
                )
        if marker is not None:
            marker.needs.append(need)
            marker.lines.append(_gap_line(need))
        rows.append((where, need))
    return list(markers.values()), rows


@login_required
def supply_map(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = MapFilterForm(request.GET or None, capabilities=capabilities(user))
    key = tier = ""
    if form.is_bound and form.is_valid():
        key, tier = form.cleaned_data["capability"], form.cleaned_data["tier"]
    keys = load_taxonomy().descendants(key) if key else None

    located = (
        policy.visible(user, Facility)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("municipality")
    )
    oems = list(located.filter(tier=Tier.OEM).order_by("name", "pk"))
    tags = policy.visible(user, FacilityCapability)
    if keys is not None:
        tags = tags.filter(capability__key__in=keys)
    suppliers_qs = located.exclude(tier=Tier.OEM).filter(
        pk__in=list(tags.values_list("facility_id", flat=True).distinct())
    )
    if tier:
        suppliers_qs = suppliers_qs.filter(tier=tier)
    supplier_total = suppliers_qs.count()
    suppliers = list(
        suppliers_qs.order_by(F("employees").desc(nulls_last=True), "name", "pk")[:MAP_SUPPLIERS]
    )
    labels = tag_labels(user, [f.pk for f in suppliers + oems])
    gaps, gap_rows = gap_markers(user, keys)

    points: list[dict[str, Any]] = []
    by_tier: dict[str, int] = {}
    supplier_rows = []
    for f in sorted(suppliers, key=lambda f: (f.tier == "", f.tier, f.name)):
        colour, radius, css = TIER_STYLE.get(f.tier, TIER_STYLE[Tier.UNKNOWN])
        what = ", ".join(labels.get(f.pk, [])) or "no capability recorded"
        point = map_point(
            f.latitude,
            f.longitude,
            f.name,
            reverse("facility-detail", args=[f.pk]),
            f"Supplier, {tier_label(f.tier)}, {place_of(f)}: {what}",
        )
        point.update(colour=colour, radius=radius, kind=css)
        points.append(point)
        by_tier[f.tier] = by_tier.get(f.tier, 0) + 1
        supplier_rows.append((f, tier_label(f.tier), what))
    oem_colour, oem_radius, _ = TIER_STYLE[Tier.OEM]
    for f in oems:
        point = map_point(
            f.latitude,
            f.longitude,
            f.name,
            reverse("facility-detail", args=[f.pk]),
            f"OEM plant, {place_of(f)}",
        )
        point.update(colour=oem_colour, radius=oem_radius, kind="oem")
        points.append(point)
    for g in gaps:
        point = map_point(g.lat, g.lon, g.label, g.url, "; ".join(g.lines))
        point.update(colour=GAP_COLOUR, radius=13, kind="gap")
        points.append(point)

    legend = [
        ("oem", "OEM plants", len(oems)),
        *[
            (TIER_STYLE[t][2], f"Suppliers: {tier_label(t)}", by_tier[t])
            for t in TIER_STYLE
            if t in by_tier
        ],
    ]
    if policy.can_view(user, SupplyNeed):
        legend.append(("gap", "Gaps: open needs with no supplier within their radius", len(gaps)))
    return render(
        request,
        "supplychain/map.html",
        {
            "form": form,
            "points": points,
            "legend": legend,
            "oems": oems,
            "supplier_rows": supplier_rows,
            "supplier_total": supplier_total,
            "supplier_limit": MAP_SUPPLIERS,
            "gap_rows": gap_rows,
            "gap_markers": gaps,
            "sees_needs": policy.can_view(user, SupplyNeed),
            "filtered_capability": load_taxonomy().label(key) if key else "",
            "filtered_tier": tier_label(tier) if tier else "",
            **section("map"),
        },
    )
