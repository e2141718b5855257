"""Referrals: the list (the user's own, the coordinator's all, a partner's addressed to it),
recording one for a facility, and following it to an application and a funded project."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import refusals_shown_on, show_refusal
from corridor.core.views.common import paginate
from corridor.programs import referrals as service
from corridor.programs.facility_panel import referral_form_for
from corridor.programs.forms import ReferralUpdateForm
from corridor.programs.models import FundedProject, Referral, ReferralStatus
from corridor.programs.views.common import section
from corridor.registry.models import Facility

RELATED = (
    "facility",
    "facility__municipality",
    "program",
    "organisation",
    "referred_to",
    "funded_project",
    "follow_up",
)


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    qs = policy.visible(request.user, Referral).select_related(*RELATED)
    status = request.GET.get("status") or ""
    if status in ReferralStatus.values:
        qs = qs.filter(status=status)
    else:
        status = ""
    qs = qs.order_by("-referred_on", "-pk")
    exported = export(
        request,
        "referrals",
        [
            "referral_id",
            "company",
            "program",
            "referred_by",
            "referred_on",
            "status",
            "funded_project",
        ],
        (
            [
                r.pk,
                r.facility.name,
                str(r.program),
                r.organisation.label,
                r.referred_on,
                r.get_status_display(),
                r.funded_project.title if r.funded_project else "",
            ]
            for r in qs.iterator(chunk_size=2000)
        ),
    )
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    return render(
        request,
        "programs/referral_list.html",
        {
            "page_obj": page,
            "querystring_without_page": keep,
            "statuses": ReferralStatus.choices,
            "status": status,
            **section("referrals"),
            **export_links(request),
        },
    )


@login_required
def referral_create(request: HttpRequest, facility_pk: int) -> HttpResponse:
    user = request.user
    facility = get_object_or_404(
        policy.visible(user, Facility).select_related("municipality"), pk=facility_pk
    )
    form = referral_form_for(user, facility, request.POST or None)
    if form is None:
        raise PermissionDenied("Referrals are recorded by municipal editors and the coordinator.")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = service.record_referral(
                user,
                facility=facility,
                program=data["program"],
                organisation=data["organisation"],
                referred_on=data["referred_on"],
                follow_up=data["follow_up"],
                notes=data["notes"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        except PermissionDenied as denied:
            form.add_error("organisation", str(denied))
        else:
            messages.success(
                request, f"Recorded the referral of {facility.name} to {referral.program}."
            )
            return redirect("referral-detail", pk=referral.pk)
    return render(
        request,
        "programs/referral_create.html",
        {"form": form, "facility": facility, **section("referrals")},
    )


@login_required
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    referral = get_object_or_404(policy.visible(user, Referral).select_related(*RELATED), pk=pk)
    may_change = policy.can_change(user, referral)
    # only the projects funded to the referred facility's company (and the one it names)
    projects = service.projects_of(user, referral)
    if referral.funded_project_id is not None:
        projects = projects | policy.visible(user, FundedProject).filter(
            pk=referral.funded_project_id
        )
    form = None
    if may_change:
        initial = {
            "status": referral.status,
            "application_ref": referral.application_ref,
            "applied_on": referral.applied_on,
            "funded_project": referral.funded_project_id,
            "notes": referral.notes,
            "loaded_version": referral.version,
        }
        form = ReferralUpdateForm(
            request.POST if request.method == "POST" else None,
            initial=initial,
            projects=projects.order_by("title"),
        )
    elif request.method == "POST":
        raise PermissionDenied("You may not change this referral.")
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            service.update_referral(
                user,
                referral,
                status=data["status"],
                expected_version=data["loaded_version"],
                application_ref=data["application_ref"],
                applied_on=data["applied_on"],
                funded_project=data["funded_project"],
                notes=data["notes"],
            )
        if not form.errors:
            messages.success(request, f"The referral is now: {referral.get_status_display()}.")
            return redirect("referral-detail", pk=referral.pk)
    return render(
        request,
        "programs/referral_detail.html",
        {"referral": referral, "form": form, **section("referrals")},
    )
