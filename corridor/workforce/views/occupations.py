"""The occupations: the list, one occupation over time with its programs and the companies
asking for it, and the names said on calls that still need mapping to an occupation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.disclosure import MINIMUM
from corridor.core.exports import export, export_links
from corridor.workforce import calls_demand
from corridor.workforce.gap_report import analysis_for
from corridor.workforce.models import Demand, DemandKind, Occupation, Region
from corridor.workforce.occupation_report import companies_asking, own_call_rows, series
from corridor.workforce.training import programs_for
from corridor.workforce.views.common import section


@login_required
def occupation_list(request: HttpRequest) -> HttpResponse:
    occupations = policy.visible(request.user, Occupation).order_by("noc_code")
    exported = export(
        request,
        "occupations",
        ["noc_2021", "occupation", "teer", "also_called"],
        (
            [o.noc_code, o.title, o.teer_label, "; ".join(o.synonym_list())]
            for o in occupations.iterator(chunk_size=2000)
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "workforce/occupation_list.html",
        {"occupations": occupations, **section("occupations"), **export_links(request)},
    )


@login_required
def occupation_detail(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    occupation = get_object_or_404(policy.visible(user, Occupation), noc_code=code)
    region = None
    region_param = request.GET.get("region", "")
    if region_param.isdigit():
        region = policy.visible(user, Region).filter(pk=int(region_param)).first()
    on = timezone.localdate()
    months = series(user, occupation, on, region)
    chart = {
        "type": "line",
        "labels": [m.month.strftime("%Y-%m") for m in months],
        "datasets": [
            {"label": "Job postings", "data": [m.postings for m in months]},
            {"label": "Openings reported on calls", "data": [m.call_openings for m in months]},
        ],
    }
    programs = (
        programs_for(user).filter(occupations=occupation).order_by("-graduates_per_year", "name")
    )
    return render(
        request,
        "workforce/occupation_detail.html",
        {
            "occupation": occupation,
            "region": region,
            "regions": policy.visible(user, Region),
            "lines": analysis_for(user, on, occupation=occupation.pk).lines,
            "months": months,
            "chart": chart,
            "programs": programs,
            "asking": companies_asking(user, occupation, on),
            "own_rows": own_call_rows(user, occupation),
            "minimum": MINIMUM,
            **section("occupations"),
        },
    )


def _unmapped(request: HttpRequest) -> Any:
    return (
        policy.visible(request.user, Demand)
        .filter(kind=DemandKind.CALL, occupation__isnull=True, call__deleted_at__isnull=True)
        .select_related("facility", "organisation")
        .order_by("stated_occupation", "pk")
    )


@login_required
def unmapped_occupations(request: HttpRequest) -> HttpResponse:
    rows = [(d, policy.can_change(request.user, d)) for d in _unmapped(request)]
    return render(
        request,
        "workforce/unmapped.html",
        {
            "rows": rows,
            "occupations": policy.visible(request.user, Occupation).order_by("noc_code"),
            **section("unmapped"),
        },
    )


@login_required
@require_POST
def map_occupation(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    demand: Demand = get_object_or_404(_unmapped(request), pk=pk)
    policy.require_change(user, demand)
    occupation = policy.visible(user, Occupation).filter(noc_code=request.POST.get("noc")).first()
    if occupation is None:
        messages.error(request, "Choose an occupation from the list.")
    else:
        calls_demand.map_occupation(user, demand, occupation)
        messages.success(request, f"“{demand.stated_occupation}” now counts as {occupation.title}.")
    return redirect("unmapped-occupations")
