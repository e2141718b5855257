"""The ranked gap table, the heat map of region by occupation, and the exports.

``gap_report.analysis_for`` decides what each reader sees; these views read the filters
and render."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from corridor.core import policy
from corridor.core.disclosure import MINIMUM
from corridor.core.exports import csv_response, xlsx_response
from corridor.core.views.common import querystring
from corridor.workforce.forms import GapFilterForm
from corridor.workforce.gap_report import Analysis, analysis_for
from corridor.workforce.gaps import BANDS
from corridor.workforce.models import Demand, DemandKind, Region
from corridor.workforce.views.common import section


def analyse(request: HttpRequest) -> tuple[GapFilterForm, Analysis]:
    regions = policy.visible(request.user, Region)
    form = GapFilterForm(request.GET or None, regions=regions)
    filters: dict[str, Any] = {}
    on = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "region": data["region"].pk if data["region"] else None,
            "teer": data["teer"],
            "q": data["q"] or "",
        }
        on = data["on"]
    return form, analysis_for(request.user, on, **filters)


def _exports(request: HttpRequest) -> dict[str, str]:
    keep = querystring(request)
    suffix = f"?{keep}" if keep else ""
    return {
        "csv_url": reverse("workforce-gaps-csv") + suffix,
        "xlsx_url": reverse("workforce-gaps-xlsx") + suffix,
    }


def unmapped_count(user: Any) -> int:
    return (
        policy.visible(user, Demand)
        .filter(kind=DemandKind.CALL, occupation__isnull=True, call__deleted_at__isnull=True)
        .count()
    )


@login_required
def gap_page(request: HttpRequest) -> HttpResponse:
    form, analysis = analyse(request)
    return render(
        request,
        "workforce/gaps.html",
        {
            "form": form,
            "a": analysis,
            "short": sum(1 for line in analysis.lines if line.gap.index > 1),
            "minimum": MINIMUM,
            "unmapped": unmapped_count(request.user),
            **_exports(request),
            **section("gaps"),
        },
    )


@login_required
def heat_map(request: HttpRequest) -> HttpResponse:
    form, analysis = analyse(request)
    cells = analysis.by_key()
    occupations = sorted({line.occupation for line in analysis.lines}, key=lambda o: o.noc_code)
    regions = sorted({line.region for line in analysis.lines}, key=lambda r: r.code)
    rows = [(o, [cells.get((o.pk, r.pk)) for r in regions]) for o in occupations]
    return render(
        request,
        "workforce/heat_map.html",
        {
            "form": form,
            "a": analysis,
            "regions": regions,
            "rows": rows,
            "bands": BANDS,
            "minimum": MINIMUM,
            **_exports(request),
            **section("heat-map"),
        },
    )


GAP_HEADER = [
    "rank", "noc_code", "occupation", "teer", "region_code", "region", "postings_12_months",
    "call_openings_12_months", "companies_reporting", "unemployed", "employed",
    "graduates_per_year", "demand", "available", "gap", "shortage_index", "from", "to",
]  # fmt: skip


def _lines(analysis: Analysis) -> list[list[Any]]:
    left_out = f"left out (fewer than {MINIMUM} companies)"
    return [
        [
            line.rank,
            line.occupation.noc_code,
            line.occupation.title,
            line.occupation.teer,
            line.region.code,
            line.region.name,
            line.gap.postings,
            left_out if line.gap.calls_left_out else line.gap.call_openings,
            str(line.companies) if line.companies.suppressed else line.companies.value,
            line.gap.unemployed,
            line.gap.employed,
            line.gap.graduates,
            line.gap.demand,
            line.gap.available,
            round(line.gap.gap, 1),
            round(line.gap.index, 2),
            analysis.start.isoformat(),
            analysis.on.isoformat(),
        ]
        for line in analysis.lines
    ]


@login_required
def gap_csv(request: HttpRequest) -> HttpResponse:
    _form, analysis = analyse(request)
    return csv_response("corridor-skills-gaps.csv", GAP_HEADER, _lines(analysis))


@login_required
def gap_xlsx(request: HttpRequest) -> HttpResponse:
    _form, analysis = analyse(request)
    formula = [
        ["demand", "job postings + openings reported on calls, over the twelve months"],
        ["available", "unemployed in the occupation (latest figure) + graduates per year"],
        ["gap", "demand - available"],
        ["shortage_index", "demand / max(available, 1)"],
    ]
    return xlsx_response(
        "corridor-skills-gaps.xlsx",
        [("Gaps", GAP_HEADER, _lines(analysis)), ("Formula", ["column", "meaning"], formula)],
    )
