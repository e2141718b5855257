from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from corridor.core import policy, services
from corridor.core.exports import export, export_links
from corridor.core.filtersets import OrganisationFilter
from corridor.core.form_errors import refusals_shown_on
from corridor.core.forms import CoordinatorOrganisationForm, OrganisationForm
from corridor.core.history import history_of
from corridor.core.models import (
    Membership,
    Municipality,
    Organisation,
    OrganisationKind,
)
from corridor.core.views.common import map_point, paginate, read_filters

NAV = "organisations"


def _organisation(request: HttpRequest, pk: int) -> Organisation:
    qs = policy.visible(request.user, Organisation, include_deleted=True)
    return get_object_or_404(qs.select_related("municipality"), pk=pk)


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters, problems = read_filters(request, OrganisationFilter)
    qs = filters.filter(policy.visible(request.user, Organisation)).select_related("municipality")
    exported = export(
        request,
        "organisations",
        ["organisation_id", "name", "kind", "municipality", "economic_region"],
        (
            [
                o.pk,
                o.name,
                o.get_kind_display(),
                o.municipality.name if o.municipality else "",
                o.municipality.economic_region if o.municipality else "",
            ]
            for o in qs
        ),
    )
    if exported is not None:
        return exported
    page, keep = paginate(request, qs, per_page=100)
    points = [
        map_point(
            o.municipality.latitude,
            o.municipality.longitude,
            o.name,
            reverse("organisation-detail", args=[o.pk]),
            o.get_kind_display(),
        )
        for o in page
        if o.municipality
    ]
    regions = (
        policy.visible(request.user, Municipality)
        .order_by("economic_region")
        .values_list("economic_region", flat=True)
        .distinct()
    )
    return render(
        request,
        "core/organisation_list.html",
        {
            "page_obj": page,
            "querystring_without_page": keep,
            "filters": filters,
            "problems": problems,
            "kinds": OrganisationKind.choices,
            "regions": list(regions),
            "points": points,
            "can_add": policy.can_create(request.user, Organisation),
            "nav_current": NAV,
            **export_links(request),
        },
    )


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    memberships = (
        policy.visible(request.user, Membership).filter(organisation=org).select_related("user")
    )
    points = []
    if org.municipality:
        m = org.municipality
        points = [map_point(m.latitude, m.longitude, m.name, detail=m.economic_region)]
    return render(
        request,
        "core/organisation_detail.html",
        {
            "org": org,
            "memberships": memberships,
            "changes": history_of(request.user, org)[:5],
            "points": points,
            "can_change": policy.can_change(request.user, org),
            "can_delete": policy.can_delete(request.user, org),
            "nav_current": NAV,
        },
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    if not policy.can_change(request.user, org):
        raise PermissionDenied("You may not change this organisation.")
    actor = policy.actor_for(request.user)
    form_class = CoordinatorOrganisationForm if actor.is_coordinator else OrganisationForm
    extra = (
        {"municipalities": policy.visible(request.user, Municipality)}
        if actor.is_coordinator
        else {}
    )
    form = form_class(request.POST or None, instance=org, **extra)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        fresh = _organisation(request, pk)
        with refusals_shown_on(form):
            services.update_versioned(
                request.user, fresh, changes, form.cleaned_data["loaded_version"]
            )
        if not form.errors:
            messages.success(request, f"Saved {fresh.name}.")
            return redirect("organisation-detail", pk=fresh.pk)
    return render(
        request, "core/organisation_form.html", {"form": form, "org": org, "nav_current": NAV}
    )


@login_required
@require_POST
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    services.delete_organisation(request.user, org)
    messages.success(request, f"Deleted {org.name}. It can be restored from its page.")
    return redirect("organisation-detail", pk=org.pk)


@login_required
@require_POST
def organisation_restore(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    services.restore_organisation(request.user, org)
    messages.success(request, f"Restored {org.name}.")
    return redirect("organisation-detail", pk=org.pk)
