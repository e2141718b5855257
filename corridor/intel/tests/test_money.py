"""Amounts of money as announcements write them."""

from __future__ import annotations

import pytest

from corridor.intel.extraction.money import find_amounts


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("investing an additional $12 million in", 12_000_000, "CAD"),
        ("a total of $516.1 million allocated", 516_100_000, "CAD"),
        ("a C$4.7 billion battery plant", 4_700_000_000, "CAD"),
        ("a $4.7-billion battery plant", 4_700_000_000, "CAD"),
        ("an award of $87,210 to", 87_210, "CAD"),
        ("more than $1.5B in support", 1_500_000_000, "CAD"),
        ("a $500K grant", 500_000, "CAD"),
        ("USD 300 million for", 300_000_000, "USD"),
        ("US$1.2 billion in a plant", 1_200_000_000, "USD"),
        ("€2 billion from the fund", 2_000_000_000, "EUR"),
        ("2.5 billion pesos for", 2_500_000_000, "MXN"),
        ("un prêt de 12 millions de dollars", 12_000_000, "CAD"),
        ("une aide de 12,5 millions de dollars", 12_500_000, "CAD"),
        ("une aide de 12 M$ pour", 12_000_000, "CAD"),
        ("500 000 $ pour la formation", 500_000, "CAD"),
        ("5 million dollars for", 5_000_000, "CAD"),
        ("CDN$250,000 for", 250_000, "CAD"),
    ],
)
def test_it_reads_the_amount_and_currency(text: str, value: float, currency: str) -> None:
    [amount] = find_amounts(text)
    assert amount.value == value
    assert amount.currency == currency


def test_a_price_per_unit_is_a_rate() -> None:
    [amount] = find_amounts("a production credit of US$45/kWh for battery cells")
    assert (amount.value, amount.currency, amount.rate) == (45, "USD", "kwh")


def test_a_salary_a_year_is_a_rate() -> None:
    [amount] = find_amounts("an average salary of $87,210 a year")
    assert amount.rate == "year"


@pytest.mark.parametrize(
    "text",
    [
        "between $5 million and $10 million",
        "$5 million to $10 million",
        "from $5 million to $10 million",
    ],
)
def test_a_range_is_one_amount_worth_its_upper_end(text: str) -> None:
    [amount] = find_amounts(text)
    assert (amount.low, amount.value) == (5_000_000, 10_000_000)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than $100 million", "more than"),
        ("up to $2 million", "up to"),
        ("about $40 million", "about"),
        ("nearly $1 billion", "nearly"),
        ("an additional $12 million", None),
    ],
)
def test_it_keeps_the_qualifier(text: str, qualifier: str | None) -> None:
    [amount] = find_amounts(text)
    assert amount.qualifier == qualifier


def test_years_and_numbers_without_a_currency_are_not_money() -> None:
    assert find_amounts("In 2021 and 2022, 613 jobs and 100 projects") == []


def test_it_finds_every_amount_of_a_sentence_in_order() -> None:
    found = find_amounts("NGen invested $148 million, leveraging $352 million in total spending.")
    assert [a.value for a in found] == [148_000_000, 352_000_000]
