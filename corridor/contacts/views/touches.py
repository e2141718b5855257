"""Logging a touch (one short form, from the facility's page) and a touch's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.contacts import services
from corridor.contacts.forms import TouchForm
from corridor.contacts.models import Contact, Touch
from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.registry.models import Facility

NAV = "contacts"


@login_required
def touch_add(request: HttpRequest, facility_pk: int) -> HttpResponse:
    user = request.user
    if not policy.can_view(user, Touch):
        raise PermissionDenied("Touches are logged by the municipalities and the coordinator.")
    policy.require_create(user, Touch)
    facility = get_object_or_404(
        policy.visible(user, Facility).select_related("company"), pk=facility_pk
    )
    people = list(services.contacts_at(user, facility))
    form = TouchForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.log_touch(
                user,
                facility,
                kind=data["kind"],
                happened_on=data["happened_on"],
                contacts=form.chosen_people(),
                note=data["note"],
                confidential=data["confidential"],
            )
        if not form.errors:
            messages.success(request, f"Logged the touch with {facility.name}.")
            return redirect("facility-detail", pk=facility.pk)
    return render(
        request,
        "contacts/touch_form.html",
        {"form": form, "facility": facility, "nav_current": NAV},
    )


@login_required
def touch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    if not policy.can_view(user, Touch):
        raise PermissionDenied("Touches are kept by the municipalities and the coordinator.")
    touch = get_object_or_404(
        policy.visible(user, Touch).select_related("facility", "organisation", "recorded_by"),
        pk=pk,
    )
    people = policy.visible(user, Contact).filter(touches=touch).order_by("name", "pk")
    return render(
        request,
        "contacts/touch_detail.html",
        {
            "touch": touch,
            "people": people,
            "note_readable": policy.can_read_confidential(user, touch),
            "nav_current": NAV,
        },
    )
