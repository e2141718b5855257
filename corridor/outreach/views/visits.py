"""The head-office visit planner: tours, which mayors go where, and each visit's briefing
pack (page and PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_refusal
from corridor.outreach import exports, planner
from corridor.outreach.documents import briefing_pack_document
from corridor.outreach.forms import VisitPlanForm
from corridor.outreach.models import (
    Engagement,
    EngagementKind,
    HeadOffice,
    Message,
    Tour,
)
from corridor.outreach.views.common import (
    acting_organisation,
    document_response,
    municipalities,
    section,
)
from corridor.outreach.views.records import links


def _plan_form(user: Any, data: Any = None, initial: Any = None) -> VisitPlanForm:
    return VisitPlanForm(
        data,
        initial=initial,
        head_offices=policy.visible(user, HeadOffice).order_by("automaker", "scope", "name"),
        municipalities=municipalities(user).order_by("name"),
        messages=policy.visible(user, Message).order_by("theme", "position", "pk"),
    )


@login_required
def tour_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    tours = list(policy.visible(user, Tour).order_by("-starts_on", "pk"))
    visits = (
        policy.visible(user, Engagement)
        .filter(kind=EngagementKind.HEAD_OFFICE_VISIT)
        .select_related("head_office", "tour")
        .order_by("starts_on", "pk")
    )
    exported = export(request, "visits", exports.VISIT_HEADER, exports.visit_lines(visits))
    if exported is not None:
        return exported
    return render(
        request,
        "outreach/tour_list.html",
        {
            "tours": tours,
            "visits": visits,
            **links(user, Tour),
            **section("visits"),
            **export_links(request),
        },
    )


def _may_plan(user: Any) -> bool:
    return policy.can_create(user, Engagement) and acting_organisation(user) is not None


@login_required
def tour_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A tour's visits, the head offices not yet visited, and the planner form."""
    user = request.user
    tour = get_object_or_404(policy.visible(user, Tour).select_related("organisation"), pk=pk)
    coverage = planner.tour_coverage(user, tour)
    form = None
    if _may_plan(user):
        form = _plan_form(user, initial={"starts_on": tour.starts_on})
    return render(
        request,
        "outreach/tour_detail.html",
        {
            "tour": tour,
            "coverage": coverage,
            "form": form,
            "can_change": policy.can_change(user, tour),
            **section("visits"),
        },
    )


@login_required
def visit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan one visit of the tour (POST from the tour's page; GET shows the form alone)."""
    user = request.user
    tour = get_object_or_404(policy.visible(user, Tour).select_related("organisation"), pk=pk)
    if not _may_plan(user):
        raise PermissionDenied("Planning visits is for the coordinator and municipal editors.")
    form = _plan_form(user, request.POST or None, initial={"starts_on": tour.starts_on})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = acting_organisation(user)
        assert organisation is not None  # _may_plan
        try:
            visit = planner.plan_visit(
                user,
                head_office=data["head_office"],
                starts_on=data["starts_on"],
                municipalities=list(data["municipalities"]),
                organisation=organisation,
                tour=tour,
                messages=list(data["messages"]),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            flash.success(
                request, f"Planned the visit to {visit.head_office}. Its briefing pack is ready."
            )
            return redirect("visit-briefing", pk=visit.pk)
    return render(
        request,
        "outreach/visit_plan.html",
        {"tour": tour, "form": form, **section("visits")},
    )


@login_required
def visit_briefing(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    visit = get_object_or_404(
        policy.visible(user, Engagement)
        .filter(kind=EngagementKind.HEAD_OFFICE_VISIT, head_office__isnull=False)
        .select_related("head_office", "tour", "organisation"),
        pk=pk,
    )
    document = briefing_pack_document(planner.briefing_pack(user, visit))
    back = (
        (reverse("tour-detail", args=[visit.tour_id]), f"Tour: {visit.tour}")
        if visit.tour_id
        else (reverse("engagement-detail", args=[visit.pk]), visit.title)
    )
    return document_response(request, document, back, "visits")
