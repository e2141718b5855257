"""The comparison of governments (APRC §4): money committed per government and trend,
over time and by instrument, with the facts behind every figure."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.intel import comparison as service
from corridor.intel.models import Fact, TrendTag
from corridor.intel.views.common import money, section

MILLION = Decimal(1_000_000)


def year_of(value: str) -> int | None:
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2100 else None


def filters_of(get: Any) -> dict[str, Any]:
    """The comparison's filters from a query string (the page and the API share them)."""
    return {
        "jurisdiction_ids": [int(v) for v in get.getlist("jurisdiction") if v.isdigit()][:20],
        "trends": [v for v in get.getlist("trend") if v][:20] or None,
        "year": year_of(get.get("year", "")),
        "year_from": year_of(get.get("from", "")),
        "year_to": year_of(get.get("to", "")),
    }


def _millions(value: Decimal) -> float:
    return round(float(value / MILLION), 2)


def _link(base: str, **cell: str) -> str:
    return (
        "?"
        + "&".join(p for p in (base, urlencode({f"cell_{k}": v for k, v in cell.items()})) if p)
        + "#sources"
    )


@login_required
def compare_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    chosen = filters_of(request.GET)
    result = service.build(user, **chosen)
    exported = export(
        request, "comparison-of-governments", service.EXPORT_HEADER, service.export_lines(result)
    )
    if exported is not None:
        return exported
    base = urlencode(
        [
            (name, value)
            for name, values in request.GET.lists()
            if name in ("jurisdiction", "trend", "year", "from", "to")
            for value in values
        ]
    )
    names = {t.slug: t.name for t in result.trends}
    over_time = []
    by_instrument = []
    for name, slug, currency in result.rows():
        common = {"jurisdiction": name, "trend": slug, "currency": currency}
        over_time.append(
            {
                "government": name,
                "trend": names[slug],
                "currency": currency,
                "cells": [
                    _cell(result.total(**common, period=p), currency, base, **common, period=p)
                    for p in result.periods
                ],
                "total": _cell(result.total(**common), currency, base, **common),
            }
        )
        by_instrument.append(
            {
                "government": name,
                "trend": names[slug],
                "currency": currency,
                "cells": [
                    _cell(
                        result.total(**common, instrument=i), currency, base, **common, instrument=i
                    )
                    for i in service.INSTRUMENTS
                ],
            }
        )
    time_chart = {
        "type": "bar",
        "labels": [service.period_label(p) for p in result.periods],
        "datasets": [
            {
                "label": f"{name} ({currency}, millions)",
                "data": [
                    _millions(result.total(jurisdiction=name, currency=currency, period=p).amount)
                    for p in result.periods
                ],
            }
            for name, _ in result.jurisdictions
            for currency in result.currencies
            if result.total(jurisdiction=name, currency=currency).facts
        ],
    }
    pairs = [
        (name, currency)
        for name, _ in result.jurisdictions
        for currency in result.currencies
        if result.total(jurisdiction=name, currency=currency).facts
    ]
    instrument_chart = {
        "type": "bar",
        "labels": [f"{name} ({currency})" for name, currency in pairs],
        "datasets": [
            {
                "label": service.instrument_label(i),
                "data": [
                    _millions(result.total(jurisdiction=n, currency=c, instrument=i).amount)
                    for n, c in pairs
                ],
            }
            for i in service.INSTRUMENTS
        ],
        "stacked": True,
        "horizontal": True,
    }
    return render(
        request,
        "intel/compare.html",
        {
            **section("compare"),
            "result": result,
            "over_time": over_time,
            "by_instrument": by_instrument,
            "periods": [service.period_label(p) for p in result.periods],
            "instruments": [service.instrument_label(i) for i in service.INSTRUMENTS],
            "time_chart": time_chart,
            "instrument_chart": instrument_chart,
            "sources": _sources(request, result),
            "jurisdictions": service.jurisdictions_with_money(user),
            "all_trends": policy.visible(user, TrendTag).order_by("order", "slug"),
            "years": service.years_with_money(user),
            "chosen": chosen,
            "chosen_trends": chosen["trends"] or list(service.DEFAULT_TRENDS),
            "currency_note": service.CURRENCY_NOTE,
            "has_facts": policy.visible(user, Fact).exists(),
            **export_links(request),
        },
    )


def _cell(cell: service.Cell, unit: str, base: str, **key: str) -> dict[str, Any]:
    return {
        "amount": money(cell.amount, unit) if cell.facts else "",
        "facts": len(cell.facts),
        "href": _link(base, **key) if cell.facts else "",
    }


def _sources(request: HttpRequest, result: service.Comparison) -> dict[str, Any] | None:
    """The facts behind the cell chosen by a table's link (``cell_*`` parameters)."""
    match = {
        k: request.GET[f"cell_{k}"][:100]
        for k in ("jurisdiction", "trend", "period", "instrument", "currency")
        if request.GET.get(f"cell_{k}")
    }
    if "currency" not in match:
        return None
    cell = result.total(**match)
    facts = list(
        policy.visible(request.user, Fact)
        .filter(pk__in=cell.facts)
        .select_related("document", "jurisdiction")
        .order_by("date", "pk")
    )
    names = {t.slug: t.name for t in result.trends}
    said = [
        match.get("jurisdiction", ""),
        names.get(match.get("trend", ""), ""),
        service.period_label(match["period"]) if "period" in match else "",
        service.instrument_label(match["instrument"]) if "instrument" in match else "",
        match["currency"],
    ]
    return {
        "what": " · ".join(s for s in said if s),
        "total": money(cell.amount, match["currency"]),
        "facts": [(f, money(f.amount_cad, f.currency)) for f in facts],
    }
