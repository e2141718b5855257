"""API of the comparison of governments: the money committed per government, trend,
period, instrument and currency, each figure with the facts and documents behind it
(``corridor/intel/comparison.py``, as the page shows it)."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from corridor.api.errors import LIST_ERRORS
from corridor.core.filtersets import MAX_ID
from corridor.intel import comparison

router = Router(tags=["intel"])


class ComparisonFilter(Schema):
    jurisdiction: list[int] = Field(
        default_factory=list, max_length=20, description="Government ids (none: every one)"
    )
    trend: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Trend slugs (none: electrification, batteries, light-weighting, "
        "connectivity-autonomy)",
    )
    year: int | None = Field(None, ge=1900, le=2100, description="One year, by quarter")
    year_from: int | None = Field(None, ge=1900, le=2100, alias="from")
    year_to: int | None = Field(None, ge=1900, le=2100, alias="to")


class ComparisonCellOut(Schema):
    government: str
    jurisdiction_id: int | None
    trend: str
    period: str = Field(..., description="2023, 2023-Q2 or no-date")
    instrument: str = Field(..., description="grant, loan, tax_credit, ... or not_said")
    currency: str
    amount: Decimal
    fact_ids: list[int]
    document_ids: list[int]


class ComparisonOut(Schema):
    currency_note: str
    trends: list[str]
    periods: list[str]
    currencies: list[str]
    facts: int
    left_out: int = Field(..., description="Facts with an amount but none of the trends")
    cells: list[ComparisonCellOut]


@router.get(
    "/intel/comparison",
    response={200: ComparisonOut, **LIST_ERRORS},
    summary="Money committed per government, trend, period and instrument, in each currency",
)
def get_comparison(request: HttpRequest, filters: Query[ComparisonFilter]) -> dict[str, Any]:
    result = comparison.build(
        request.user,
        jurisdiction_ids=[i for i in filters.jurisdiction if 1 <= i <= MAX_ID],
        trends=[t[:40] for t in filters.trend] or None,
        year=filters.year,
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    ids = dict(result.jurisdictions)
    return {
        "currency_note": comparison.CURRENCY_NOTE,
        "trends": [t.slug for t in result.trends],
        "periods": result.periods,
        "currencies": result.currencies,
        "facts": result.facts,
        "left_out": result.left_out,
        "cells": [
            {
                "government": key.jurisdiction,
                "jurisdiction_id": ids.get(key.jurisdiction),
                "trend": key.trend,
                "period": key.period,
                "instrument": key.instrument,
                "currency": key.currency,
                "amount": cell.amount,
                "fact_ids": cell.facts,
                "document_ids": sorted(cell.documents),
            }
            for key, cell in sorted(
                result.cells.items(),
                key=lambda kv: (kv[0].jurisdiction, kv[0].trend, kv[0].period, kv[0].instrument),
            )
        ],
    }
