"""The gap page and its exports (``gap_report.analysis_for`` decides what each reader sees):
the capabilities whose open needs have too few local suppliers, ranked by the value per
year behind them (the region's investment-attraction targets), and the concentration
risks: capabilities an OEM plant can source from a single local supplier."""

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
from corridor.supplychain.forms import GapForm
from corridor.supplychain.gap_report import DEFAULT_K, DEFAULT_RADIUS, Analysis, analysis_for
from corridor.supplychain.models import SupplyNeed
from corridor.supplychain.views.common import section


def analyse(request: HttpRequest) -> tuple[GapForm, Analysis]:
    form = GapForm(request.GET or None)
    k, radius = DEFAULT_K, DEFAULT_RADIUS
    if form.is_bound and form.is_valid():
        k = form.cleaned_data["k"] or DEFAULT_K
        radius = form.cleaned_data["radius"] or DEFAULT_RADIUS
    return form, analysis_for(request.user, k, radius)


@login_required
def gap_page(request: HttpRequest) -> HttpResponse:
    form, analysis = analyse(request)
    targets = [r for r in analysis.rows if r.is_target]
    keep = querystring(request)
    return render(
        request,
        "supplychain/gaps.html",
        {
            "form": form,
            "a": analysis,
            "targets": targets,
            "met": [r for r in analysis.rows if not r.is_target],
            "target_value": sum(r.unmet_value or 0 for r in targets),
            "minimum": MINIMUM,
            "csv_url": reverse("supply-gaps-csv") + (f"?{keep}" if keep else ""),
            "xlsx_url": reverse("supply-gaps-xlsx") + (f"?{keep}" if keep else ""),
            **section("gaps"),
        },
    )


def _shown(value: int | None) -> Any:
    return value if value is not None else f"suppressed (fewer than {MINIMUM} buyers)"


GAP_HEADER = [
    "rank", "capability_key", "capability", "kind", "open_needs", "needs_short_of_k",
    "buyers", "unmet_value_per_year", "total_value_per_year", "fewest_local_suppliers",
    "suppliers_in_region", "k",
]  # fmt: skip


def _gap_lines(analysis: Analysis) -> list[list[Any]]:
    return [
        [
            r.rank,
            r.gap.capability.key,
            r.gap.capability.label,
            r.gap.capability.get_kind_display(),
            _shown(r.needs),
            _shown(r.unmet_needs),
            str(r.buyers) if r.buyers.suppressed else r.buyers.value,
            _shown(r.unmet_value),
            _shown(r.total_value),
            r.gap.fewest_suppliers,
            r.suppliers_in_region,
            analysis.k,
        ]
        for r in analysis.rows
    ]


@login_required
def gap_csv(request: HttpRequest) -> HttpResponse:
    _form, analysis = analyse(request)
    return csv_response("corridor-supply-gaps.csv", GAP_HEADER, _gap_lines(analysis))


@login_required
def gap_xlsx(request: HttpRequest) -> HttpResponse:
    _form, analysis = analyse(request)
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        ("Gaps", GAP_HEADER, _gap_lines(analysis)),
        (
            "Concentration risk",
            ["capability_key", "capability", "single_local_supplier", "oem_plants", "radius_km"],
            [
                [
                    r.risk.capability.key,
                    r.risk.capability.label,
                    r.supplier.name if r.supplier else "",
                    "; ".join(p.name for p in r.oem_plants),
                    analysis.radius,
                ]
                for r in analysis.risks
            ],
        ),
    ]
    if analysis.unmet or policy.can_view(request.user, SupplyNeed):
        sheets.append(
            (
                "Unmet needs",
                [
                    "need_id",
                    "capability",
                    "buyer",
                    "value_per_year",
                    "volume_per_year",
                    "sourced_from",
                    "urgency",
                    "status",
                    "radius_km",
                    "local_suppliers",
                ],
                [
                    [
                        u.need.pk,
                        u.need.capability.label,
                        u.where,
                        u.need.annual_value,
                        u.need.annual_volume,
                        u.need.get_sourced_from_display(),
                        u.need.get_urgency_display(),
                        u.need.get_status_display(),
                        u.need.radius_km,
                        u.suppliers,
                    ]
                    for u in analysis.unmet
                ],
            )
        )
    return xlsx_response("corridor-supply-gaps.xlsx", sheets)
