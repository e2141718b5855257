"""The constructs the extractor used to misread, on sentences written for these tests:
jobs kept apart from jobs created, the instrument, consumer spending, "as part of a
$N investment", a program's stream, a minister announcing for a government."""

from __future__ import annotations

import pytest

from corridor.intel.extraction import extract_facts
from corridor.intel.extraction.counts import find_jobs, find_retained


@pytest.mark.parametrize(
    ("sentence", "created", "retained"),
    [
        (
            "Lambton Gear will retool its line, retaining 210 jobs and creating 25 new ones.",
            25,
            210,
        ),
        ("The expansion will retain 95 and create 30 positions.", 30, 95),
        ("The project will create 120 new jobs and retain 480 existing jobs.", 120, 480),
        ("The support will protect 2,600 jobs at the transmission plant.", None, 2600),
        ("The loan helps maintain 340 jobs in Sarnia.", None, 340),
        ("The investment will secure 800 existing jobs in Oakville.", None, 800),
        ("About 150 jobs will be retained and 20 new jobs created.", 20, 150),
        ("The projects were expected to create or retain 5,400 jobs.", 5400, None),
        ("Ce projet permettra de maintenir 180 emplois et d'en créer 22.", 22, 180),
        ("Le prêt permettra de conserver 64 emplois à Drummondville.", None, 64),
        ("The new plant will hire 300 workers.", 300, None),
        ("The project is creating 15 positions, retaining 60, and ends in 2026.", 15, 60),
    ],
)
def test_jobs_created_and_jobs_retained_are_apart(
    sentence: str, created: int | None, retained: int | None
) -> None:
    assert (find_jobs(sentence), find_retained(sentence)) == (created, retained)


def test_a_fact_carries_jobs_retained_apart_from_jobs_created() -> None:
    [fact] = extract_facts(
        "June 3, 2024 - Huron Trim Ltd. will invest $48 million to automate its Stratford "
        "plant, retaining 260 jobs and creating 35 new ones."
    )
    assert (fact.jobs, fact.jobs_retained) == (35, 260)
    assert fact.as_json()["jobs_retained"] == 260


def test_governments_protecting_jobs_share_the_count_and_create_none() -> None:
    facts = extract_facts(
        "Maple Motor Corp. will invest $9 billion in Ontario. Ottawa and Ontario will each "
        "provide up to $1.2 billion for the project, which will protect 3,100 jobs."
    )
    assert [(f.jobs, f.jobs_retained) for f in facts] == [(None, 3100)] * 3


@pytest.mark.parametrize(
    ("text", "instruments"),
    [
        (
            "FedNor is providing a $2 million grant to Algoma Castings Inc. for a new furnace.",
            ["grant"],
        ),
        (
            "The Minister announced a Strategic Innovation Fund contribution of $30 million to "
            "Trent Motors Corp.",
            ["grant"],
        ),
        ("FedDev Ontario gives Brant Tooling Ltd. a $900,000 repayable contribution.", ["loan"]),
        ("JobsOhio approved a $4 million loan for Erie Fasteners Co. to expand.", ["loan"]),
        (
            "Le gouvernement du Québec accorde un prêt de 8 millions de dollars à Moteurs "
            "Beauce inc.",
            ["loan"],
        ),
        (
            "The Michigan Economic Development Corporation offered Kalamazoo Cells LLC up to "
            "$18 million in tax credits and up to $2 million in training grants.",
            ["tax_credit", "grant"],
        ),
        (
            "Export Development Canada provided a $75 million loan guarantee to Niagara "
            "Battery Corp.",
            ["guarantee"],
        ),
        (
            "Lidarworks Inc. has raised $30 million in Series A funding led by Maple Ventures.",
            ["equity"],
        ),
        ("The Government of Ontario is investing $6 million in Essex Plating Ltd.", [None]),
    ],
)
def test_the_instrument_is_what_the_words_say(text: str, instruments: list[str | None]) -> None:
    assert [f.instrument for f in extract_facts(text)] == instruments


def test_the_instrument_can_be_said_in_the_next_sentence() -> None:
    [fact] = extract_facts(
        "FedDev Ontario is providing $1.4 million to Grand River Seating Ltd. to buy robots. "
        "The support is a repayable loan."
    )
    assert fact.instrument == "loan"


def test_a_companys_own_investment_names_no_instrument() -> None:
    facts = extract_facts(
        "The Ohio Tax Credit Authority approved tax credits worth $2.2 million for Sandusky "
        "Forge LLC, which will invest $41 million to expand its forge."
    )
    assert [(f.amount_cad, f.instrument) for f in facts] == [
        (2.2e6, "tax_credit"),
        (41e6, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ontarians spent $31 billion on new vehicles last year, a dealers' association said.",
        "Consumer spending on new cars reached $14 billion in the first half.",
        "Michigan households spent $6.5 billion on used trucks in 2023.",
    ],
)
def test_consumer_spending_is_not_an_investment(text: str) -> None:
    assert extract_facts(text) == []


def test_as_part_of_a_larger_investment_is_the_total_not_a_second_fact() -> None:
    [fact] = extract_facts(
        "April 2, 2024 - The Ontario government is investing $2 million in Kent Die Ltd. "
        "through the Southwestern Ontario Development Fund. The company will buy presses, "
        "creating 28 new jobs as part of a $14 million investment."
    )
    assert (fact.amount_cad, fact.total_value_cad, fact.jobs) == (2e6, 14e6, 28)


def test_a_programs_stream_is_not_the_program() -> None:
    [fact] = extract_facts(
        "The Ontario government is investing $1.5 million in Perth Mouldings Inc. through the "
        "Advanced Manufacturing Stream of the Eastern Ontario Development Fund."
    )
    assert fact.program == "Eastern Ontario Development Fund"


def test_a_program_stream_in_lower_case_is_not_the_program_either() -> None:
    [fact] = extract_facts(
        "The Ontario government is investing $900,000 in Bruce Composites Inc. through the "
        "Community Economic Development (CED) stream of the Rural Ontario Development Program."
    )
    assert fact.program == "Rural Ontario Development Program"


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        (
            "The Minister of Innovation, Science and Industry today announced a Strategic "
            "Innovation Fund contribution of up to $55 million to Peel Drive Corp.",
            "Government of Canada",
        ),
        (
            "Vic Fedeli, Minister of Economic Development, Job Creation and Trade, announced "
            "$3 million for Kitchener Gears Inc. to expand its plant.",
            "Government of Ontario",
        ),
        (
            "LANSING, Mich. - Gov. Gretchen Whitmer announced a $12 million grant for "
            "Flint Axle LLC.",
            "State of Michigan",
        ),
    ],
)
def test_a_minister_announces_for_the_government(text: str, funder: str) -> None:
    [fact] = extract_facts(text)
    assert fact.funder == funder
