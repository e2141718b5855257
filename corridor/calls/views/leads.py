"""Who leads automotive calls on each facility, and the coordinator's assignments."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from corridor.calls import leads as service
from corridor.calls.forms_work import LeadAssignForm, safe_next, section
from corridor.calls.models import LeadAssignment
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.models import Municipality, Organisation, OrganisationKind
from corridor.core.views.common import paginate
from corridor.registry.models import Facility


def _require_participant(request: HttpRequest) -> None:
    if not policy.can_view(request.user, LeadAssignment):
        raise PermissionDenied("Leads are for the municipalities and the coordinator.")


@login_required
def lead_list(request: HttpRequest) -> HttpResponse:
    _require_participant(request)
    user = request.user
    qs = policy.visible(user, Facility).select_related("municipality", "company")
    place = request.GET.get("municipality") or ""
    if place.isdigit():
        qs = qs.filter(municipality_id=int(place))
    else:
        place = ""
    words = (request.GET.get("q") or "").strip()[:200]
    for word in words.split():
        qs = qs.filter(Q(name__icontains=word) | Q(company__name__icontains=word))
    no_lead = request.GET.get("no_lead") == "1"
    if no_lead:
        member_places = (
            policy.visible(user, Organisation)
            .filter(kind=OrganisationKind.MUNICIPALITY, municipality__isnull=False)
            .values("municipality_id")
        )
        assigned = policy.visible(user, LeadAssignment).values("facility_id")
        qs = qs.exclude(pk__in=assigned).filter(
            Q(municipality__isnull=True) | ~Q(municipality_id__in=member_places)
        )
    qs = qs.order_by("name", "pk")
    exported = export(request, "leads", LEAD_HEADER, _lead_lines(qs))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    leads = service.leads_for(list(page))
    places = (
        policy.visible(user, Municipality)
        .filter(pk__in=policy.visible(user, Facility).values("municipality_id"))
        .order_by("name")
    )
    return render(
        request,
        "calls/lead_list.html",
        {
            "page_obj": page,
            "rows": [(f, leads[f.pk]) for f in page],
            "querystring_without_page": keep,
            "places": places,
            "place": place,
            "q": words,
            "no_lead": no_lead,
            "can_assign": policy.can_create(user, LeadAssignment),
            "here": request.get_full_path(),
            **section("leads"),
            **export_links(request),
        },
    )


LEAD_HEADER = ["facility_id", "facility", "municipality", "lead", "how"]


def _lead_how(lead: Any) -> str:
    if lead.assigned:
        return "Assigned by the coordinator"
    return "The municipality it is in" if lead.organisation else "No member municipality there"


def _lead_lines(qs: Any) -> Iterator[list[Any]]:
    """The lead list's columns, for every facility the filters select."""
    facilities = qs.iterator(chunk_size=2000)
    while chunk := list(islice(facilities, 2000)):
        leads = service.leads_for(chunk)
        for f in chunk:
            lead = leads[f.pk]
            yield [
                f.pk,
                f.name,
                f.municipality.name if f.municipality_id else f.city,
                lead.organisation.label if lead.organisation else "No lead yet",
                _lead_how(lead),
            ]


@login_required
def lead_assign(request: HttpRequest, facility_pk: int) -> HttpResponse:
    user = request.user
    policy.require_create(user, LeadAssignment)
    facility = get_object_or_404(
        policy.visible(user, Facility).select_related("municipality"), pk=facility_pk
    )
    current = service.lead_for(facility)
    organisations = (
        policy.visible(user, Organisation)
        .filter(kind=OrganisationKind.MUNICIPALITY)
        .order_by("name")
    )
    initial = {"organisation": current.organisation.pk} if current.organisation else {}
    form = LeadAssignForm(request.POST or None, initial=initial, organisations=organisations)
    back = safe_next(request, reverse("lead-list"))
    if request.method == "POST" and form.is_valid():
        try:
            service.assign_lead(
                user, facility, form.cleaned_data["organisation"], form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"{form.cleaned_data['organisation'].label} now leads calls on {facility.name}.",
            )
            return redirect(back)
    return render(
        request,
        "calls/lead_assign.html",
        {"form": form, "facility": facility, "current": current, "next": back, **section("leads")},
    )
