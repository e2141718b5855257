from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from corridor.core import policy
from corridor.core.history import newest_visible
from corridor.core.models import Membership, Organisation, OrganisationKind
from corridor.core.navigation import PLANNED
from corridor.core.views.common import map_point


@login_required
def home(request: HttpRequest) -> HttpResponse:
    actor = policy.actor_for(request.user)
    organisations = policy.visible(request.user, Organisation)
    my_memberships = (
        policy.visible(request.user, Membership)
        .filter(user_id=policy.actor_for(request.user).user_id or 0)
        .select_related("organisation", "organisation__municipality")
    )
    members = organisations.filter(kind=OrganisationKind.MUNICIPALITY).select_related(
        "municipality"
    )
    mine = actor.organisation_ids
    points = [
        map_point(
            o.municipality.latitude,
            o.municipality.longitude,
            o.name,
            reverse("organisation-detail", args=[o.pk]),
            o.municipality.economic_region,
        )
        # one's own municipality: orange, a little larger, its label kept before others'
        | ({"colour": "#e07a00", "radius": 8} if o.pk in mine else {"colour": "#2f7dd1"})
        for o in members
        if o.municipality
    ]
    context = {
        "my_memberships": my_memberships,
        "municipality_count": len(points),
        "partner_count": organisations.exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]
        ).count(),
        "people_count": policy.visible(request.user, Membership)
        .values("user_id")
        .distinct()
        .count(),
        "recent_changes": newest_visible(request.user, 6),
        "points": points,
    }
    return render(request, "core/home.html", context)


@login_required
def capability_planned(request: HttpRequest, slug: str) -> HttpResponse:
    capability = PLANNED.get(slug)
    if capability is None:
        raise Http404("No such part of Corridor.")
    return render(request, "core/planned.html", {"capability": capability, "nav_current": slug})
