"""The centre of excellence (working groups, partnerships) and municipal fleet pilots."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.models import Organisation
from corridor.outreach import exports
from corridor.outreach.models import (
    FleetPilot,
    Partnership,
    PartnershipKind,
    Technology,
    WorkingGroup,
)
from corridor.outreach.views.common import section
from corridor.outreach.views.records import links


@login_required
def working_group_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    groups = list(
        policy.visible(user, WorkingGroup).select_related("lead").order_by("-mayors_lead", "name")
    )
    members = _linked(user, "working_groups", [g.pk for g in groups])
    return render(
        request,
        "outreach/working_groups.html",
        {
            "groups": [(g, members.get(g.pk, [])) for g in groups],
            **links(user, WorkingGroup),
            **section("centre"),
        },
    )


def _linked(user: Any, relation: str, ids: list[int]) -> dict[int, list[Organisation]]:
    """The organisations linked to each of ``ids`` through the many-to-many ``relation``."""
    out: dict[int, list[Organisation]] = {}
    for org in (
        policy.visible(user, Organisation)
        .filter(**{f"{relation}__in": ids})
        .annotate(link=F(relation))
        .order_by("name")
    ):
        out.setdefault(org.link, []).append(org)
    return out


@login_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = policy.visible(user, Partnership)
    kind = request.GET.get("kind") or ""
    if kind in PartnershipKind.values:
        qs = qs.filter(kind=kind)
    else:
        kind = ""
    rows = list(qs.order_by("name"))
    partners = _linked(user, "partnerships", [p.pk for p in rows])
    linked = [(p, partners.get(p.pk, [])) for p in rows]
    lines = exports.partnership_lines(linked)
    exported = export(request, "partnerships", exports.PARTNERSHIP_HEADER, lines)
    if exported is not None:
        return exported
    return render(
        request,
        "outreach/partnerships.html",
        {
            "partnerships": linked,
            "kind": kind,
            "kinds": PartnershipKind.choices,
            **links(user, Partnership),
            **section("partnerships"),
            **export_links(request),
        },
    )


@login_required
def pilot_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = policy.visible(user, FleetPilot).select_related("organisation", "vendor")
    technology = request.GET.get("technology") or ""
    if technology in Technology.values:
        qs = qs.filter(technology=technology)
    else:
        technology = ""
    pilots = list(qs.order_by("-starts_on", "pk"))
    by_tech: dict[str, int] = {}
    for p in pilots:
        by_tech[p.get_technology_display()] = (
            by_tech.get(p.get_technology_display(), 0) + p.vehicles
        )
    chart = {
        "type": "bar",
        "labels": list(by_tech),
        "datasets": [{"label": "Vehicles in pilots", "data": list(by_tech.values())}],
        "horizontal": True,
        "stacked": False,
    }
    exported = export(request, "pilots", exports.PILOT_HEADER, exports.pilot_lines(pilots))
    if exported is not None:
        return exported
    return render(
        request,
        "outreach/pilots.html",
        {
            "pilots": [(p, policy.can_change(user, p)) for p in pilots],
            "by_tech": by_tech,
            "chart": chart,
            "technology": technology,
            "technologies": Technology.choices,
            "can_create": policy.can_create(user, FleetPilot),
            **section("pilots"),
            **export_links(request),
        },
    )
