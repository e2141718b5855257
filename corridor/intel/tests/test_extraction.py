"""Who gives how much to whom: funders, recipients, programs, totals and shared funding."""

from __future__ import annotations

from corridor.intel.extraction import extract_facts
from corridor.intel.extraction.text import sentences


def test_a_federal_contribution_names_its_recipient_program_and_total() -> None:
    [fact] = extract_facts(
        "2023-05-11 - The Government of Canada is contributing up to $40 million to Northwind "
        "Materials Inc. through the Strategic Innovation Fund (SIF) to build a cathode plant. "
        "The $210-million project is expected to create 180 jobs."
    )
    assert fact.funder == "Government of Canada"
    assert fact.recipient == "Northwind Materials Inc."
    assert fact.program == "Strategic Innovation Fund (SIF)"
    assert (fact.amount_cad, fact.total_value_cad, fact.jobs) == (40e6, 210e6, 180)
    assert fact.qualifier == "up to"
    assert fact.trends == ["batteries"]


def test_two_governments_each_providing_make_two_facts() -> None:
    facts = extract_facts(
        "Maple Motor Corp. will invest $15 billion in Ontario. Ottawa and Ontario will each "
        "provide up to $2.5 billion in support for the project."
    )
    assert [(f.funder, f.jurisdiction, f.amount_cad) for f in facts] == [
        ("Maple Motor Corp.", "Ontario", 15e9),
        ("Government of Canada", "Canada", 2.5e9),
        ("Government of Ontario", "Ontario", 2.5e9),
    ]
    assert {f.recipient for f in facts[1:]} == {"Maple Motor Corp."}


def test_a_us_state_announcement_is_in_us_dollars() -> None:
    [fact] = extract_facts(
        "LANSING, Mich. - The Michigan Strategic Fund approved a $52.8 million grant for "
        "Harbor Cell Energy LLC, which will build a battery plant in Big Rapids."
    )
    assert (fact.funder, fact.currency, fact.jurisdiction) == (
        "Michigan Strategic Fund",
        "USD",
        "Michigan",
    )
    assert fact.recipient == "Harbor Cell Energy LLC"


def test_a_headline_and_its_body_state_one_fact() -> None:
    facts = extract_facts(
        "Ontario Investing $5 Million to Help Windsor Mould Maker Grow\nAugust 9, 2023\n\n"
        "The Ontario government is investing $5 million in Windsor Mold Works Ltd. to buy machines."
    )
    assert len(facts) == 1
    assert facts[0].recipient == "Windsor Mold Works Ltd."


def test_a_minister_announces_for_the_government() -> None:
    [fact] = extract_facts(
        "Today, the Honourable Jane Doe, Minister of Innovation, Science and Industry, announced "
        "an investment of $7.5 million to Volt Coatings Ltd. through the Strategic Innovation Fund."
    )
    assert (fact.funder, fact.jurisdiction) == ("Government of Canada", "Canada")


def test_wrapped_pdf_lines_are_joined_into_one_sentence() -> None:
    text = (
        "For example, the \n\nGovernment of Quebec recently announced a total of $516.1 million "
        "allocated for \n\nelectrification of transportation strategies.  Quebec is supporting."
    )
    found = [s.text for s in sentences(text)]
    assert found[0].endswith("electrification of transportation strategies.")
    assert len(found) == 2


def test_abbreviations_do_not_end_sentences() -> None:
    found = [
        s.text for s in sentences("On Dec. 16, 2020, Acme Inc. of St. Thomas said yes. It grew.")
    ]
    assert found == ["On Dec. 16, 2020, Acme Inc. of St. Thomas said yes.", "It grew."]


def test_a_run_on_sentence_is_read_near_its_amount() -> None:
    text = (
        "The Government Of Ontario And The City Of Windsor " * 20
        + "and Acme Inc. invested $5 million."
    )
    [fact] = extract_facts(text)
    assert (fact.funder, fact.amount_cad) == ("Acme Inc.", 5e6)
    assert fact.sentence == text
