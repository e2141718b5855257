"""The jurisdiction tracker and the trend radar."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.intel import tracker as service
from corridor.intel.models import Fact
from corridor.intel.views.common import money, section

MILLION = Decimal(1_000_000)


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2100 else None


def _millions(value: Decimal | None) -> float:
    return round(float((value or Decimal(0)) / MILLION), 1)


@login_required
def tracker_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    chosen = [int(v) for v in request.GET.getlist("jurisdiction") if v.isdigit()][:12]
    year_from = _int(request.GET.get("from", ""))
    year_to = _int(request.GET.get("to", ""))
    checked_only = request.GET.get("checked") == "1"
    result = service.build_tracker(
        user,
        jurisdiction_ids=chosen,
        year_from=year_from,
        year_to=year_to,
        checked_only=checked_only,
    )
    currencies = sorted({c for row in result.rows for c in row.amounts}) or ["CAD"]
    names = [row.name for row in result.rows]
    amount_chart = {
        "type": "bar",
        "labels": names,
        "datasets": [
            {
                "label": f"{c} (millions)",
                "data": [_millions(row.amounts.get(c)) for row in result.rows],
            }
            for c in currencies
        ],
        "horizontal": True,
    }
    trend_chart = {
        "type": "bar",
        "labels": names,
        "datasets": [
            {"label": t.name, "data": [row.by_trend.get(t.slug, 0) for row in result.rows]}
            for t in result.trends
        ],
        "stacked": True,
        "horizontal": True,
    }
    year_chart = {
        "type": "line",
        "labels": [str(y) for y in result.years],
        "datasets": [
            {
                "label": f"{row.name} ({row.currency}, millions)",
                "data": [_millions(row.by_year.get(y)) for y in result.years],
            }
            for row in result.rows
        ],
    }
    rows = [
        {
            "row": row,
            "amounts": [money(row.amounts[c], c) for c in sorted(row.amounts)],
            "trends": [row.by_trend.get(t.slug, 0) for t in result.trends],
            "years": [
                money(row.by_year[y], row.currency) if y in row.by_year else "—"
                for y in result.years
            ],
        }
        for row in result.rows
    ]
    recent = list(
        service.facts_for(user, checked_only=checked_only)
        .filter(**({"jurisdiction_id__in": chosen} if chosen else {}))
        .select_related("document")
        .order_by("-date", "-pk")[:25]
    )
    return render(
        request,
        "intel/tracker.html",
        {
            **section("tracker"),
            "tracker": result,
            "rows": rows,
            "amount_chart": amount_chart,
            "trend_chart": trend_chart,
            "year_chart": year_chart,
            "recent": [(f, money(f.amount_cad, f.currency)) for f in recent],
            "jurisdictions": service.jurisdictions_with_facts(user),
            "chosen": chosen,
            "year_from": year_from or "",
            "year_to": year_to or "",
            "checked_only": checked_only,
            "has_facts": policy.visible(user, Fact).exists(),
        },
    )


@login_required
def trend_radar_page(request: HttpRequest) -> HttpResponse:
    result = service.trend_radar(request.user)
    labels = [str(y) for y in result.years]

    def series(table: dict[str, dict[int, int]]) -> list[dict[str, Any]]:
        return [
            {"label": t.name, "data": [table.get(t.slug, {}).get(y, 0) for y in result.years]}
            for t in result.trends
        ]

    rows = [
        {
            "trend": t,
            "facts": [result.facts.get(t.slug, {}).get(y, 0) for y in result.years],
            "documents": [result.documents.get(t.slug, {}).get(y, 0) for y in result.years],
            "facts_total": sum(result.facts.get(t.slug, {}).values()),
            "documents_total": sum(result.documents.get(t.slug, {}).values()),
            "amount": money(result.amounts.get(t.slug), "CAD"),
        }
        for t in result.trends
    ]
    return render(
        request,
        "intel/trend_radar.html",
        {
            **section("trends"),
            "radar": result,
            "rows": rows,
            "facts_chart": {"type": "line", "labels": labels, "datasets": series(result.facts)},
            "documents_chart": {
                "type": "bar",
                "labels": labels,
                "datasets": series(result.documents),
                "stacked": True,
            },
            "amount_chart": {
                "type": "bar",
                "labels": [t.name for t in result.trends],
                "datasets": [
                    {
                        "label": "CAD announced (millions)",
                        "data": [_millions(result.amounts.get(t.slug)) for t in result.trends],
                    }
                ],
                "horizontal": True,
            },
        },
    )
