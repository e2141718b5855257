"""The program list, a program's page (rules in words, figures, funded projects, target
list) and turning the target list into a calling campaign."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.calls.models import Campaign
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import refusals_shown_on, show_refusal
from corridor.core.models import Organisation
from corridor.core.views.common import paginate
from corridor.intel.program_news import program_news
from corridor.programs import referrals
from corridor.programs.analytics import analysis_for
from corridor.programs.editing import edit_program
from corridor.programs.eligibility import ELIGIBLE, describe
from corridor.programs.forms import ProgramCampaignForm, ProgramForm
from corridor.programs.matching import targets_for
from corridor.programs.models import FundedProject, FundingProgram
from corridor.programs.views.common import section

TARGET_ROWS = 100


def _program(request: HttpRequest, pk: int) -> FundingProgram:
    qs = policy.visible(request.user, FundingProgram).select_related("funder", "delivered_by")
    program: FundingProgram = get_object_or_404(qs, pk=pk)
    return program


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    programs = (
        policy.visible(request.user, FundingProgram)
        .select_related("funder", "delivered_by")
        .order_by("name")
    )
    rows = [(p, describe(p.eligibility)) for p in programs]
    exported = export(
        request,
        "programs",
        ["program_id", "program", "funder", "jurisdiction", "status", "closes_on", "who_may_apply"],
        (
            [
                p.pk,
                p.label,
                p.funder.label if p.funder else "",
                p.get_jurisdiction_display(),
                p.get_status_display(),
                p.ends_on.isoformat() if p.ends_on else "",
                "; ".join(words),
            ]
            for p, words in rows
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "programs/program_list.html",
        {"rows": rows, **section("programs"), **export_links(request)},
    )


@login_required
def program_detail(request: HttpRequest, pk: int, form: ProgramCampaignForm | None = None) -> Any:
    user = request.user
    program = _program(request, pk)
    targets = targets_for(user, program)
    projects = (
        policy.visible(user, FundedProject)
        .filter(program=program)
        .select_related("municipality")
        .order_by("-approved_on", "pk")
    )
    page, keep = paginate(request, targets, per_page=TARGET_ROWS, count=len(targets))
    may_campaign = policy.can_create(user, Campaign)
    if form is None and may_campaign:
        form = ProgramCampaignForm(initial=ProgramCampaignForm.initial_for(program))
    return render(
        request,
        "programs/program_detail.html",
        {
            "program": program,
            "can_change": policy.can_change(user, program),
            "aliases": program.names()[1:] if not program.short_name else program.names()[2:],
            "rules": list(zip(describe(program.eligibility), program.eligibility, strict=True)),
            "projects": projects[:200],
            "project_count": projects.count(),
            "totals": analysis_for(user, program.pk).total,
            "news": program_news(user, program),
            "targets": page.object_list,
            "page_obj": page,
            "querystring_without_page": keep,
            "target_count": len(targets),
            "eligible_count": sum(1 for t in targets if t.verdict.status == ELIGIBLE),
            "campaign_form": form if may_campaign else None,
            **section("programs"),
        },
    )


@login_required
@require_POST
def program_campaign(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    program = _program(request, pk)
    policy.require_create(user, Campaign)
    form = ProgramCampaignForm(request.POST)
    if not form.is_valid():
        return program_detail(request, pk, form)
    data = form.cleaned_data
    targets = [
        t.facility for t in targets_for(user, program, include_possible=data["include_possible"])
    ]
    try:
        campaign = referrals.make_campaign(
            user,
            name=data["name"],
            focus=data["focus"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            targets=targets,
        )
    except ValidationError as error:
        show_refusal(form, error)
        return program_detail(request, pk, form)
    messages.success(
        request,
        f"Made the campaign {campaign.name} with {len(targets)} target "
        f"facilit{'y' if len(targets) == 1 else 'ies'}.",
    )
    return redirect("campaign-detail", pk=campaign.pk)


@login_required
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator corrects a program's facts; a reload of the data file keeps them."""
    user = request.user
    program = _program(request, pk)
    if not policy.can_change(user, program):
        raise PermissionDenied("Programs are kept by the coordinator.")
    organisations = policy.visible(user, Organisation).filter(deleted_at__isnull=True)
    form = ProgramForm(request.POST or None, instance=program, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        fresh = _program(request, pk)  # validating the form changed ``program`` already
        with refusals_shown_on(form):
            edit_program(user, fresh, changes, form.cleaned_data["loaded_version"])
        if not form.errors:
            messages.success(request, f"Saved {changes['short_name'] or changes['name']}.")
            return redirect("program-detail", pk=pk)
    return render(
        request,
        "programs/program_form.html",
        {"program": program, "form": form, **section("programs")},
    )
