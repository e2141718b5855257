"""The comparison of governments: money committed per government and trend, over time
and by instrument, in its own currency, with the facts behind every figure."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import comparison
from corridor.intel.fact_records import trend_tags
from corridor.intel.ingesting import jurisdiction_named
from corridor.intel.models import Document, Fact, FactStatus


def _fact(world: Any, n: int, government: str, amount: int, when: dt.date | None,
          trends: list[str], instrument: str = "", currency: str = "CAD",
          status: str = FactStatus.EXTRACTED) -> Fact:  # fmt: skip
    with system_scope("tests"), change_context(user=world.carol, source="tests"):
        place = jurisdiction_named(government)
        document = Document.objects.create(
            title=f"{government} announcement {n}", date=when, jurisdiction=place,
            text=f"Announcement {n}", content_hash=f"{n:064d}", raw=b"x",
            url="https://example.org/release",
        )  # fmt: skip
        fact = Fact.objects.create(
            document=document, funder=f"Government of {government}", amount_cad=Decimal(amount),
            currency=currency, date=when, jurisdiction=place, instrument=instrument,
            sentence=f"{government} gives {amount}.", status=status,
        )  # fmt: skip
        fact.trends.set(trend_tags(trends))
    return fact


@pytest.fixture
def facts(world: Any) -> dict[str, Fact]:
    return {
        "on_grant": _fact(world, 1, "Ontario", 4_000_000, dt.date(2022, 5, 10),
                          ["electrification", "batteries"], "grant"),
        "on_loan": _fact(world, 2, "Ontario", 10_000_000, dt.date(2023, 8, 1),
                         ["batteries"], "loan"),
        "mi": _fact(world, 3, "Michigan", 210_000_000, dt.date(2023, 6, 14), ["batteries"],
                    "grant", currency="USD"),
        "in_credit": _fact(world, 4, "Indiana", 18_000_000, dt.date(2024, 2, 2),
                           ["electrification"], "tax_credit", currency="USD"),
        "on_nodate": _fact(world, 5, "Ontario", 1_000_000, None, ["light-weighting"]),
        "rejected": _fact(world, 6, "Ontario", 99_000_000, dt.date(2023, 1, 1), ["batteries"],
                          status=FactStatus.REJECTED),
        "skills": _fact(world, 7, "Ontario", 6_000_000, dt.date(2024, 5, 21),
                        ["skills-training"]),
    }  # fmt: skip


def test_money_per_government_trend_period_and_instrument(world: Any, facts: Any) -> None:
    result = comparison.build(world.dave)
    assert result.facts == 5 and result.left_out == 1  # skills-training is not a default trend
    assert result.periods == ["2022", "2023", "2024", comparison.NO_DATE]
    assert result.currencies == ["CAD", "USD"]
    batteries = result.total(jurisdiction="Ontario", trend="batteries", currency="CAD")
    assert batteries.amount == Decimal(14_000_000)  # the rejected 99 million never counts
    assert sorted(batteries.facts) == sorted([facts["on_grant"].pk, facts["on_loan"].pk])
    assert result.total(jurisdiction="Ontario", currency="CAD", period="2022").amount == Decimal(
        4_000_000
    )  # a fact of two trends counts once when the trends are taken together
    grants = result.total(jurisdiction="Michigan", instrument="grant", currency="USD")
    assert grants.amount == Decimal(210_000_000)
    assert result.total(jurisdiction="Michigan", currency="CAD").amount == 0
    assert result.total(jurisdiction="Ontario", trend="light-weighting", currency="CAD",
                        period=comparison.NO_DATE, instrument="not_said").facts == [
        facts["on_nodate"].pk
    ]  # fmt: skip
    with pytest.raises(AssertionError):
        result.total(jurisdiction="Ontario")  # never summed across currencies


def test_filters_and_quarters(world: Any, facts: Any) -> None:
    ontario = facts["on_grant"].jurisdiction_id
    result = comparison.build(world.alice, jurisdiction_ids=[ontario], year=2023,
                              trends=["batteries"])  # fmt: skip
    assert result.periods == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert [name for name, _ in result.jurisdictions] == ["Ontario"]
    assert result.total(trend="batteries", period="2023-Q3", currency="CAD").amount == Decimal(
        10_000_000
    )
    assert comparison.period_label("2023-Q3") == "Q3 2023"
    result = comparison.build(world.alice, trends=["skills-training"], year_from=2024)
    assert result.facts == 1 and result.left_out == 1


def test_the_page_table_sources_and_exports(world: Any, facts: Any, as_user: Any) -> None:
    client = as_user("erin")
    page = client.get("/intel/compare/").content.decode()
    assert "Comparison of governments" in page and 'id="compare-time-data"' in page
    assert "U.S. dollars are not converted" in page
    assert "US$210 million" in page and "$14 million" in page
    assert "cell_jurisdiction=Michigan" in page and "#sources" in page
    sources = client.get(
        "/intel/compare/?cell_jurisdiction=Michigan&cell_trend=batteries&cell_currency=USD"
    ).content.decode()
    assert "Michigan announcement 3" in sources and f"/intel/facts/{facts['mi'].pk}/" in sources
    quarter = client.get("/intel/compare/?year=2023").content.decode()
    assert "Q2 2023" in quarter and "Indiana" not in quarter.split('<h2 id="time-h"')[1]
    empty = client.get("/intel/compare/?trend=propulsion").content.decode()
    assert "No money committed matches these choices" in empty
    csv = client.get("/intel/compare/?format=csv").content.decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[0] == ",".join(comparison.EXPORT_HEADER)
    assert "Michigan,Batteries,2023,Grant or contribution,USD,210000000.00,1," in csv
    xlsx = client.get("/intel/compare/?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet.max_row == len(lines)


def test_the_api(world: Any, facts: Any, as_user: Any) -> None:
    got = as_user("dave").get("/api/v1/intel/comparison?trend=batteries&year=2023")
    assert got.status_code == 200
    body = got.json()
    assert body["periods"] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    michigan = [c for c in body["cells"] if c["government"] == "Michigan"]
    assert michigan == [
        {
            "government": "Michigan", "jurisdiction_id": facts["mi"].jurisdiction_id,
            "trend": "batteries", "period": "2023-Q2", "instrument": "grant", "currency": "USD",
            "amount": "210000000.00", "fact_ids": [facts["mi"].pk],
            "document_ids": [facts["mi"].document_id],
        }
    ]  # fmt: skip
    assert "not converted" in body["currency_note"]
    assert as_user("dave").get("/api/v1/intel/comparison?year=1200").status_code == 422
    assert Client().get("/api/v1/intel/comparison").status_code == 401
