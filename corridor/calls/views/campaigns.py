"""Campaigns: a period in which calls focus on target facilities, and how far each lead got."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corridor.calls.campaigns import CAMPAIGN_FIELDS, coverage, save_campaign, targets_after
from corridor.calls.forms_work import CampaignForm, section
from corridor.calls.leads import leads_for
from corridor.calls.models import Call, CallStatus, Campaign
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_conflict, show_refusal
from corridor.core.models import EditConflict, Municipality
from corridor.registry.models import Facility

PREVIEW_ROWS = 30


def _require_participant(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Campaign):
        raise PermissionDenied("Campaigns are for the municipalities and the coordinator.")


def _phase(campaign: Campaign, today: Any) -> str:
    if campaign.ends_on < today:
        return "Ended"
    if campaign.starts_on > today:
        return "Starts later"
    return "Running"


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    _require_participant(request)
    today = timezone.localdate()
    campaigns = policy.visible(request.user, Campaign).order_by("-starts_on", "name")
    rows = [(c, _phase(c, today), coverage(c)[0]) for c in campaigns]
    exported = export(
        request,
        "campaigns",
        [
            "campaign_id",
            "campaign",
            "starts_on",
            "ends_on",
            "status",
            "targets",
            "called",
            "percent",
        ],
        (
            [
                c.pk,
                c.name,
                c.starts_on,
                c.ends_on,
                phase,
                total.targets,
                total.called,
                total.percent,
            ]
            for c, phase, total in rows
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "calls/campaign_list.html",
        {
            "rows": rows,
            "can_create": policy.can_create(request.user, Campaign),
            **section("campaigns"),
            **export_links(request),
        },
    )


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_participant(request)
    user = request.user
    campaign = get_object_or_404(policy.visible(user, Campaign), pk=pk)
    total, by_lead = coverage(campaign)
    targets = list(
        policy.visible(user, Facility)
        .filter(campaigns=campaign)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    called = set(
        policy.visible(user, Call)
        .filter(
            facility__in=targets,
            status=CallStatus.COMPLETED,
            scheduled_on__gte=campaign.starts_on,
            scheduled_on__lte=campaign.ends_on,
        )
        .values_list("facility_id", flat=True)
    )
    leads = leads_for(targets)
    return render(
        request,
        "calls/campaign_detail.html",
        {
            "campaign": campaign,
            "phase": _phase(campaign, timezone.localdate()),
            "total": total,
            "by_lead": by_lead,
            "targets": [(f, leads[f.pk], f.pk in called) for f in targets],
            "can_change": policy.can_change(user, campaign),
            **section("campaigns"),
        },
    )


def _matching(user: Any, data: dict[str, Any]) -> Any:
    """The facilities the campaign form's filters choose."""
    qs = policy.visible(user, Facility)
    if data.get("municipalities"):
        qs = qs.filter(municipality_id__in=[int(m) for m in data["municipalities"]])
    if data.get("naics"):
        qs = qs.filter(naics__startswith=data["naics"])
    if data.get("tier"):
        qs = qs.filter(tier=data["tier"])
    if data.get("employees_min") is not None:
        qs = qs.filter(employees__gte=data["employees_min"])
    for word in (data.get("name_contains") or "").split():
        qs = qs.filter(Q(name__icontains=word) | Q(company__name__icontains=word))
    return qs.select_related("municipality").order_by("name", "pk")


@login_required
def campaign_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    campaign: Campaign | None = None
    if pk is not None:
        _require_participant(request)
        campaign = get_object_or_404(policy.visible(user, Campaign), pk=pk)
        policy.require_change(user, campaign)
    else:
        policy.require_create(user, Campaign)
    current = (
        list(
            policy.visible(user, Facility)
            .filter(campaigns=campaign)
            .select_related("municipality")
            .order_by("name", "pk")
        )
        if campaign
        else []
    )
    municipalities = (
        policy.visible(user, Municipality)
        .filter(pk__in=policy.visible(user, Facility).values("municipality_id"))
        .order_by("name")
    )
    form = CampaignForm(
        request.POST or None,
        instance=campaign,
        municipalities=municipalities,
        current_targets=current,
    )
    preview: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matches = _matching(user, data) if form.has_target_filters() else None
        if "preview" in request.POST:
            preview = {
                "count": matches.count() if matches is not None else 0,
                "rows": list(matches[:PREVIEW_ROWS]) if matches is not None else [],
                "filtered": matches is not None,
            }
        else:
            saved = _save(request, form, campaign, matches, current)
            if saved is not None:
                return redirect("campaign-detail", pk=saved.pk)
    return render(
        request,
        "calls/campaign_edit.html",
        {
            "form": form,
            "campaign": campaign,
            "current": current,
            "preview": preview,
            "preview_rows": PREVIEW_ROWS,
            **section("campaigns"),
        },
    )


def _save(
    request: HttpRequest,
    form: CampaignForm,
    campaign: Campaign | None,
    matches: Any,
    current: list[Facility],
) -> Campaign | None:
    data = form.cleaned_data
    removed = {int(pk) for pk in data.get("remove") or []}
    targets = targets_after(current, matches, data["targets_action"], removed)
    try:
        campaign = save_campaign(
            request.user,
            campaign,
            {name: data[name] for name in CAMPAIGN_FIELDS},
            targets,
            expected_version=(data.get("loaded_version") or campaign.version) if campaign else None,
        )
    except EditConflict as conflict:
        show_conflict(form, conflict)
        return None
    except ValidationError as error:
        show_refusal(form, error)
        return None
    messages.success(
        request,
        f"Saved the campaign {campaign.name}: {len(targets)} target "
        f"facilit{'y' if len(targets) == 1 else 'ies'}.",
    )
    return campaign
