"""Money that is not an investment is not a fact: sales, trade, revenues, salaries,
market sizes, prices."""

from __future__ import annotations

import pytest

from corridor.intel.extraction import extract_facts


@pytest.mark.parametrize(
    "text",
    [
        "Ontario's auto parts makers exported $18.3 billion of goods last year.",
        "Two-way automotive trade across the border is worth more than $120 billion annually.",
        "The average salary in parts manufacturing is $87,210 a year.",
        "Maple Motor Corp. said its sales were worth $1.1 billion in the quarter.",
        "Revenue rose 8 per cent to $3.9 billion.",
        "The global market for EV batteries is projected to reach US$400 billion by 2030.",
        "Battery pack prices fell to US$151/kWh last year.",
        "The electric pickup will retail for $54,995.",
        "The strike cost the automaker an estimated $500 million in lost production.",
        "Workers earn $31 an hour at the plant.",
        "The company will pay a dividend of $0.45 per share.",
    ],
)
def test_it_is_not_a_fact(text: str) -> None:
    assert extract_facts(text) == []


def test_sales_beside_an_investment_do_not_become_a_second_fact() -> None:
    text = (
        "Elgin Castings Ltd. is spending more than $1 billion on a casting campus in "
        "St. Thomas, its biggest bet since the company posted sales of $2.3 billion last year."
    )
    [fact] = extract_facts(text)
    assert fact.amount_cad == 1_000_000_000


def test_an_incentive_per_unit_is_a_policy_not_a_price() -> None:
    [fact] = extract_facts(
        "The Inflation Reduction Act gives battery makers a production tax credit of "
        "US$45/kWh for cells and modules made in the United States."
    )
    assert (fact.kind, fact.amount_cad, fact.currency) == ("policy", 45, "USD")
    assert fact.jurisdiction == "United States"
