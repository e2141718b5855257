"""The stakeholder directory: contacts, who knows them, and the automakers' head offices
on a map with the corridor's assembly plants."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.models import Organisation
from corridor.core.views.common import map_point, paginate
from corridor.outreach import exports
from corridor.outreach.models import (
    Contact,
    Engagement,
    HeadOffice,
    Participant,
    Relationship,
    Strength,
)
from corridor.outreach.views.common import section
from corridor.outreach.views.records import links
from corridor.registry.models import Facility, Tier

HEAD_OFFICE_COLOUR = "#a4161a"
PLANT_COLOUR = "#5b2a86"


def _require_directory(user: Any) -> None:
    if not policy.can_view(user, Contact):
        raise PermissionDenied(
            "The directory of contacts is for the municipalities and the coordinator office."
        )


@login_required
def contact_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    _require_directory(user)
    qs = policy.visible(user, Contact).select_related("organisation", "head_office")
    q = (request.GET.get("q") or "").strip()
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(role__icontains=q)
            | Q(organisation_name__icontains=q)
            | Q(organisation__name__icontains=q)
            | Q(head_office__name__icontains=q)
        )
    deciders = request.GET.get("decision_makers") == "1"
    if deciders:
        qs = qs.filter(is_decision_maker=True)
    qs = qs.order_by("name", "pk")
    exported = export(request, "contacts", exports.CONTACT_HEADER, exports.contact_lines(user, qs))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    counts, last = exports.known_by(user, [c.pk for c in page])
    rows = [(c, counts.get(c.pk, 0), last.get(c.pk)) for c in page]
    return render(
        request,
        "outreach/contact_list.html",
        {
            "rows": rows,
            "page_obj": page,
            "querystring_without_page": keep,
            "q": q,
            "deciders": deciders,
            **links(user, Contact),
            **section("directory"),
            **export_links(request),
        },
    )


@login_required
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    _require_directory(user)
    contact = get_object_or_404(
        policy.visible(user, Contact).select_related("organisation", "head_office"), pk=pk
    )
    relationships = (
        policy.visible(user, Relationship)
        .filter(contact=contact)
        .select_related("organisation", "person")
        .order_by("-last_contact_on", "pk")
    )
    engagements = (
        policy.visible(user, Engagement)
        .filter(
            pk__in=policy.visible(user, Participant).filter(contact=contact).values("engagement")
        )
        .order_by("-starts_on")
    )
    return render(
        request,
        "outreach/contact_detail.html",
        {
            "contact": contact,
            "relationships": relationships,
            "engagements": engagements,
            "can_change": policy.can_change(user, contact),
            "can_add_relationship": policy.can_create(user, Relationship),
            **section("directory"),
        },
    )


@login_required
def relationship_list(request: HttpRequest) -> HttpResponse:
    """Who in the network knows whom: by organisation, strongest and most recent first."""
    user = request.user
    _require_directory(user)
    qs = policy.visible(user, Relationship).select_related(
        "contact", "contact__organisation", "contact__head_office", "organisation", "person"
    )
    org = request.GET.get("organisation") or ""
    if org.isdigit():
        qs = qs.filter(organisation_id=int(org))
    else:
        org = ""
    strength = request.GET.get("strength") or ""
    if strength in Strength.values:
        qs = qs.filter(strength=strength)
    else:
        strength = ""
    rows = list(qs.order_by("organisation__name", "contact__name", "pk"))
    by_org: dict[str, list[Relationship]] = {}
    for r in rows:
        by_org.setdefault(r.organisation.label, []).append(r)
    chart = {
        "type": "bar",
        "labels": list(by_org),
        "datasets": [
            {
                "label": str(s.label),
                "data": [sum(1 for r in rs if r.strength == s) for rs in by_org.values()],
            }
            for s in Strength
        ],
        "stacked": True,
        "horizontal": True,
    }
    lines = exports.relationship_lines(by_org)
    exported = export(request, "relationships", exports.RELATIONSHIP_HEADER, lines)
    if exported is not None:
        return exported
    return render(
        request,
        "outreach/relationship_list.html",
        {
            "by_org": by_org,
            "count": len(rows),
            "chart": chart,
            "organisations": policy.visible(user, Organisation)
            .filter(pk__in=policy.visible(user, Relationship).values("organisation"))
            .order_by("name"),
            "org": org,
            "strength": strength,
            "strengths": Strength.choices,
            "editable": {r.pk for r in rows if policy.can_change(user, r)},
            "can_create": policy.can_create(user, Relationship),
            **section("relationships"),
            **export_links(request),
        },
    )


@login_required
def head_office_map(request: HttpRequest) -> HttpResponse:
    """The automakers' head offices and the corridor's assembly plants."""
    user = request.user
    offices = list(policy.visible(user, HeadOffice).order_by("automaker", "scope", "name"))
    plants = list(
        policy.visible(user, Facility)
        .filter(tier=Tier.OEM, latitude__isnull=False, longitude__isnull=False)
        .select_related("municipality", "company")
        .order_by("name")
    )
    points: list[dict[str, Any]] = []  # the corridor: Canadian head offices, plants, towns
    continent: list[dict[str, Any]] = []  # every head office
    for o in offices:
        point = map_point(
            o.latitude, o.longitude, o.name, "", f"{o.get_scope_display()}: {o.address}"
        )
        point.update(colour=HEAD_OFFICE_COLOUR, radius=10)
        continent.append(point)
        if o.country == "Canada":
            points.append(point)
    for f in plants:
        point = map_point(
            f.latitude,
            f.longitude,
            f.name,
            reverse("facility-detail", args=[f.pk]),
            "Assembly plant",
        )
        point.update(colour=PLANT_COLOUR, radius=7)
        points.append(point)
    return render(
        request,
        "outreach/head_offices.html",
        {
            "offices": offices,
            "plants": plants,
            "points": points,
            "continent": continent,
            **section("head-offices"),
        },
    )
