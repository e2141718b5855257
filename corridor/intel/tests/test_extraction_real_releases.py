"""Constructs of real announcements, on sentences written for these tests: amounts
stated in two currencies, lists of awards, list items led by their recipient, a
company's own investment beside the government's support, one program for a whole
release, and the benchmark's matching of nearly equal amounts."""

from __future__ import annotations

import pytest

from corridor.intel.extraction import extract_facts
from corridor.intel.extraction.money import find_amounts
from corridor.intel.extraction.parties import agencies, clean_name, governments
from corridor.intel.extraction.scoring import FIELDS, Score, score_text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brantline will spend about $420 million (C$540 million) on the line.", [(420e6, "USD")]),
        (
            "The carmaker commits $1.2 billion (1.5 billion Canadian dollars) to Alliston.",
            [(1.2e9, "USD")],
        ),
        ("A €900 million (US$980 million) cathode plant is planned.", [(900e6, "EUR")]),
        ("The C$75 million (US$55 million) grant was approved.", [(75e6, "CAD")]),
        # Two amounts with a parenthesis that is not a conversion stay two amounts.
        (
            "Ottawa gives $5 million ($2 million of it repayable) to Norfab.",
            [(5e6, "CAD"), (2e6, "CAD")],
        ),
    ],
)
def test_an_amount_and_its_conversion_are_one_amount(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert [(a.value, a.currency) for a in find_amounts(sentence)] == expected


def amounts_in(text: str) -> list[float]:
    """The amounts of the facts read from ``text``, smallest first (each fact has one)."""
    amounts = [f.amount_cad for f in extract_facts(text)]
    assert None not in amounts, amounts
    return sorted(a for a in amounts if a is not None)


def test_a_canadian_story_with_a_conversion_reads_the_bare_dollar_as_us() -> None:
    text = (
        "Brantline to retool its Woodstock plant\n\n"
        "Brantline said it will invest $420 million (C$540 million) to retool its plant "
        "in Woodstock, Ontario."
    )
    facts = extract_facts(text)
    assert [(f.amount_cad, f.currency) for f in facts] == [(420e6, "USD")]


def test_a_list_of_awards_reads_each_award_and_its_recipient() -> None:
    text = (
        "Three Ohio companies will share $90 million in grants from the U.S. Department of "
        "Energy for battery materials.\n\n"
        "The grants are:\n"
        "- $40 million to Dayton-based Kestrel Anodes to scale up silicon anode output.\n"
        "- $30 million to Corvane Materials of Lorain to produce cathode powder at scale.\n"
        "- $20 million to Akron-based Pellham Cells to build a pilot line.\n"
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert {40e6, 30e6, 20e6} <= set(facts)
    assert facts[40e6].recipient == "Kestrel Anodes"
    assert facts[20e6].recipient == "Pellham Cells"
    assert facts[30e6].recipient is not None
    assert facts[30e6].recipient.startswith("Corvane Materials")
    assert all(facts[a].funder == "Department of Energy" for a in (40e6, 30e6, 20e6))


def test_a_department_name_stops_before_lower_case_words() -> None:
    found = governments("grants from the Department of Energy for processing and assembly")
    assert [g.text for g in found] == ["Department of Energy"]
    assert clean_name("London-based Verdant Moulding") == "Verdant Moulding"
    assert clean_name("Grand Rapids-based Tellmark Inc.") == "Tellmark Inc."
    assert agencies("nothing public here") == []


RELEASE = (
    "Ontario supports four Sarnia-Lambton manufacturers\n"
    "June 3, 2025\n\n"
    "The province announced about $2 million from the Eastern Lakes Growth Fund, which "
    "the government says will create about 90 jobs.\n\n"
    "This is how the funding will be shared:\n\n"
    "Norfab Castings: Ontario is investing $700,000, supporting an additional "
    "investment of $5,250,000 from the company. The project is creating 40 positions, "
    "retaining 120, and should be finished by May 2027.\n\n"
    "Pellham Tooling: Ontario is investing $450,000, supporting an additional "
    "investment of $3,100,000 from the company. The project is creating 12 positions "
    "and retaining 65 jobs.\n"
)


def test_list_items_led_by_their_recipient_split_support_and_own_investment() -> None:
    facts = {f.amount_cad: f for f in extract_facts(RELEASE)}
    support, own = facts[700_000], facts[5_250_000]
    assert (support.funder, support.recipient) == ("Government of Ontario", "Norfab Castings")
    assert (own.funder, own.recipient, own.program) == ("Norfab Castings", None, None)
    assert (facts[450_000].recipient, facts[3_100_000].funder) == (
        "Pellham Tooling",
        "Pellham Tooling",
    )


def test_each_listed_company_keeps_its_own_jobs() -> None:
    facts = {f.amount_cad: f for f in extract_facts(RELEASE)}
    assert (facts[700_000].jobs, facts[700_000].jobs_retained) == (40, 120)
    assert (facts[450_000].jobs, facts[450_000].jobs_retained) == (12, 65)


def test_the_release_program_funds_each_listed_award() -> None:
    facts = {f.amount_cad: f for f in extract_facts(RELEASE)}
    assert facts[2_000_000].program == "Eastern Lakes Growth Fund"
    assert facts[700_000].program == "Eastern Lakes Growth Fund"
    assert facts[450_000].program == "Eastern Lakes Growth Fund"


def _fact(**values: object) -> dict[str, object]:
    return {name: None for name in FIELDS} | {"currency": "CAD", "trends": []} | values


def test_the_benchmark_matches_the_closest_amount() -> None:
    score = Score()
    expected = [_fact(amount_cad=6_024_562, funder="Norfab")]
    given = [
        _fact(amount_cad=6_000_000, funder="Ontario"),
        _fact(amount_cad=6_024_562, funder="Norfab"),
    ]
    score_text(score, "t", expected, given)
    assert score.facts.correct == 1
    assert score.accuracy.correct == score.accuracy.given  # the exact twin, funder right


def test_money_put_into_a_plant_is_an_investment() -> None:
    text = (
        "Carolina Motorworks expands in Greer\n"
        "October 4, 2025\n\n"
        "Carolina Motorworks plans to put $900 million into its Greer plant and "
        "$250 million into the Duncan paint facility."
    )
    facts = extract_facts(text)
    assert [(f.amount_cad, f.funder) for f in facts] == [
        (900e6, "Carolina Motorworks"),
        (250e6, "Carolina Motorworks"),
    ]


def test_a_lower_case_state_is_the_states_government() -> None:
    text = (
        "The state of Tennessee has approved $40 million in incentives toward Rellcom's new "
        "$600 million plant in Clarksville.\n\n"
        "The state plans to spend $25 million on road improvements and $15 million on "
        "water lines."
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert facts[25e6].funder == "State of Tennessee"
    assert facts[15e6].funder == "State of Tennessee"


def test_an_amount_that_sums_the_facts_that_follow_is_not_a_fact() -> None:
    text = (
        "Governments put $800 million into Sarnia cathode plant\n"
        "May 5, 2025\n\n"
        "The federal government will contribute $450 million and Ontario will contribute "
        "another $350 million to Lambton Cathode Inc.'s $3-billion plant in Sarnia."
    )
    amounts = amounts_in(text)
    assert amounts == [350e6, 450e6]


def test_an_award_equal_to_two_others_one_in_its_own_sentence_stays() -> None:
    text = (
        "Ontario is investing $3 million in Norfab Castings and $1 million in Pellham "
        "Tooling. Ontario is also investing $2 million in Kestrel Dies."
    )
    assert amounts_in(text) == [1e6, 2e6, 3e6]


def test_a_funder_named_after_the_amount_that_approved_it() -> None:
    text = (
        "Corvane will receive grants worth up to $80 million for its Lansing plant under "
        "a package the Michigan Strategic Fund approved on Monday."
    )
    (fact,) = extract_facts(text)
    assert fact.funder == "Michigan Strategic Fund"


def test_a_program_created_by_the_money_is_not_its_funder() -> None:
    text = (
        "The Ontario government tabled its budget on Thursday. "
        "Ontario's budget also included $30 million over three years to create the Ontario "
        "Vehicle Innovation Network."
    )
    (fact,) = extract_facts(text)
    assert fact.funder != "Ontario Vehicle Innovation Network"


def test_a_matching_investment_by_the_company_is_its_own() -> None:
    text = (
        "In London, Verdant Moulding Inc. has received $90,000 from the program to automate "
        "its press line. With a matching investment of $120,500, the company cut its scrap "
        "rate by a third."
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert facts[90_000].recipient == "Verdant Moulding Inc."
    assert facts[120_500].funder == "Verdant Moulding Inc."


def test_money_for_projects_is_not_a_projects_total_and_in_all_is() -> None:
    text = (
        "The Ohio River Valley Fund will provide $310 million for development projects and "
        "up to $40 million for project planning, $350 million in all."
    )
    amounts = amounts_in(text)
    assert amounts == [40e6, 310e6]


def test_approved_for_incentives_names_the_recipient_not_the_funder() -> None:
    text = (
        "Cell maker Varnholt was approved Tuesday for state incentives estimated at "
        "$210 million for its plant in Midland."
    )
    (fact,) = extract_facts(text)
    assert fact.recipient == "Varnholt"
    assert fact.funder != "Varnholt"


def test_part_of_a_deal_is_the_total_not_a_second_fact() -> None:
    text = (
        "The Michigan Economic Development Corporation offered Varnholt $210 million in "
        "grants as part of a deal to build a $1.9 billion plant in Midland."
    )
    facts = extract_facts(text)
    assert [f.amount_cad for f in facts] == [210e6]
    assert facts[0].total_value_cad == 1.9e9


def test_a_former_or_reduced_amount_is_not_a_fact() -> None:
    text = (
        "Corvane will receive grants worth at most $90 million, instead of $240 million, "
        "for its Lansing plant. The state also reduced the $60 million site grant to "
        "$35 million."
    )
    assert amounts_in(text) == [35e6, 90e6]


def test_a_programs_size_beside_an_award_is_not_a_fact() -> None:
    text = (
        "Ontario is investing $3.1 million to build a welding school in Sarnia through the "
        "new $150 million Skills Capital Stream."
    )
    assert [f.amount_cad for f in extract_facts(text)] == [3.1e6]


def test_euros_and_their_dollar_conversion_are_one_amount() -> None:
    amounts = find_amounts("Renhardt will invest 600 million euros (around 650 million dollars).")
    assert [(a.value, a.currency) for a in amounts] == [(600e6, "EUR")]


def test_ottawa_county_is_not_the_government_of_canada() -> None:
    text = (
        "Lansing, Michigan - The Michigan Strategic Fund board approved a $45 million grant "
        "for a sewer main in Ottawa County."
    )
    (fact,) = extract_facts(text)
    assert (fact.jurisdiction, fact.currency) == ("Michigan", "USD")


def test_two_list_items_with_the_same_amount_stay_two_facts() -> None:
    text = (
        "The Ohio Department of Job and Family Services awarded the grants.\n\n"
        "- Adams and Brown counties: $150,000 for a welding lab.\n"
        "- Statewide, with the Department of Aging: $150,000 for job coaches.\n"
    )
    facts = extract_facts(text)
    assert [f.amount_cad for f in facts] == [150_000, 150_000]
    assert facts[0].funder == "Department of Job and Family Services"


def test_two_body_sentences_with_the_same_amounts_are_four_facts() -> None:
    text = (
        "Nuevo León atrae inversiones de Corea\n\n"
        "El gobernador presentó las inversiones de cuatro empresas.\n\n"
        "Una fabricante de arneses invertirá 40 millones de dólares, y otra, dedicada a "
        "pintura, invertirá 30 millones de dólares.\n\n"
        "Además, una empresa de baterías invertirá 40 millones de dólares en el estado, y "
        "una fabricante de frenos comprometerá otros 30 millones de dólares."
    )
    amounts = amounts_in(text)
    assert amounts == [30e6, 30e6, 40e6, 40e6]


def test_a_headline_and_its_body_are_still_one_fact() -> None:
    text = (
        "Norfab gets $4 million for its Sarnia foundry\n"
        "May 2, 2025\n\n"
        "Ontario is investing $4 million in Norfab Castings to modernize its Sarnia foundry."
    )
    assert [f.amount_cad for f in extract_facts(text)] == [4e6]


def test_french_money_injected_is_invested() -> None:
    text = (
        "Investissement Québec a présenté son bilan : 610 millions $ ont été injectés dans "
        "210 projets au cours de l'année."
    )
    facts = extract_facts(text)
    assert [(f.amount_cad, f.funder) for f in facts] == [(610e6, "Investissement Québec")]


def test_a_funder_and_its_acronym_restating_an_amount_are_one_fact() -> None:
    text = (
        "Bank to finance electric transit buses\n\n"
        "Electric buses are coming to Halifax. Riders will see them next year.\n\n"
        "The $250-million loan is the latest from the Canada Infrastructure Bank.\n\n"
        "Under the agreement, the Canada Infrastructure Bank (CIB) and the city have agreed "
        "that the CIB will invest up to $250 million in 600 buses."
    )
    assert [f.amount_cad for f in extract_facts(text)] == [250e6]


COMPANY_RELEASE = (
    "Lambton Cathode announces $300 million expansion in Ontario\n"
    "March 2, 2025\n\n"
    "Parts maker Lambton Cathode Inc. is investing $300 million to expand its Ontario "
    "plants. The Ontario government is supporting the projects with $12 million in "
    "funding.\n\n"
    "In Sarnia, a $180 million investment will build a new cathode line, creating about "
    "150 jobs. In Petrolia, $40 million will expand the powder plant, creating about 30 "
    "jobs.\n"
)


def test_the_parts_of_a_company_investment_are_the_companys() -> None:
    facts = {f.amount_cad: f for f in extract_facts(COMPANY_RELEASE)}
    for amount in (300e6, 180e6, 40e6):
        assert (facts[amount].funder or "").startswith("Lambton Cathode")
    assert facts[12e6].funder == "Ontario government"
    assert (facts[12e6].recipient or "").startswith("Lambton Cathode")


def test_a_subsidy_without_a_funder_is_not_the_companys() -> None:
    text = (
        "Rellcom to build $4 billion truck plant\n\n"
        "The state of Tennessee welcomed the news. Rellcom Motor Company on Monday announced "
        "a $4 billion investment in a truck plant near Clarksville. The governor plans to "
        "call a special session to approve a "
        "subsidy payment to seal the deal: $300 million."
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert facts[4e9].funder == "Rellcom Motor Company"
    assert facts[300e6].funder != "Rellcom Motor Company"


def test_a_state_that_promised_to_spend_is_the_funder() -> None:
    text = (
        "To move the project forward, South Carolina promised to spend more than $45 million "
        "on a training centre and roads."
    )
    (fact,) = extract_facts(text)
    assert fact.funder == "State of South Carolina"


def test_the_program_is_the_one_named_just_before() -> None:
    text = (
        "The governor released guidelines for the Great Lakes Community Grant Program on "
        "Thursday. The program will provide $120 million for development projects."
    )
    (fact,) = extract_facts(text)
    assert fact.program == "Great Lakes Community Grant Program"


def test_a_rounded_package_that_sums_its_listed_parts_is_not_a_fact() -> None:
    text = (
        "Lawmakers approve Rellcom deal\n\n"
        "The agreement, which includes a $1.2 billion incentive package, lets Rellcom build "
        "a plant in the Town of Greer.\n\n"
        "The package includes:\n"
        "- $600 million for a new interchange and roads.\n"
        "- $380 million grant for hard assets.\n"
        "- $14 million to acquire land for a rail spur.\n"
        "- $200 million loan for site work.\n"
    )
    amounts = amounts_in(text)
    assert amounts == [14e6, 200e6, 380e6, 600e6]


def test_a_part_close_to_the_whole_restates_it_and_both_stay() -> None:
    text = (
        "Rellcom's investment of more than $3 billion in a cell plant will receive "
        "$90 million in state incentives, including $40 million in job tax credits.\n\n"
        "The project is expected to involve investment of at least $3.13 billion."
    )
    assert 3.13e9 in [f.amount_cad for f in extract_facts(text)]


def test_a_tax_break_valued_at_an_amount_is_support() -> None:
    text = (
        "The Varnholt expansion in Midland, Michigan won approval for $30 million in state "
        "grants and a 15-year tax break valued at $88.4 million."
    )
    assert amounts_in(text) == [30e6, 88.4e6]


def test_a_list_of_uses_reads_each_use() -> None:
    text = (
        "The Government of Canada announced new support on Tuesday:\n"
        "- Up to $25 million to develop initiatives on medical isotopes.\n"
        "- $12 million to acquire property for a test track.\n"
    )
    assert amounts_in(text) == [12e6, 25e6]


def test_a_town_at_the_end_of_a_sentence_loses_the_full_stop() -> None:
    assert [g.text for g in governments("a plant in the Town of Greer.")] == ["Town of Greer"]


def test_counties_and_local_bodies_receive_money() -> None:
    text = (
        "The Ohio Department of Job and Family Services awarded the grants.\n\n"
        "- Lucas and Wood counties: $180,000 for a welding lab.\n\n"
        "The council awarded Greer County a $12 million site grant."
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert facts[180_000].recipient == "Lucas and Wood counties"
    assert facts[12e6].recipient == "Greer County"


def test_the_company_building_a_plant_gets_the_grant_for_it() -> None:
    text = (
        "JobsOhio posted the grants: a $90 million grant for the plant Corvane is building "
        "with Pellham Cells, and $20 million to retool Corvane's existing facilities."
    )
    facts = {f.amount_cad: f for f in extract_facts(text)}
    assert facts[90e6].recipient == "Corvane"
    assert facts[20e6].recipient == "Corvane"


def test_the_investment_a_project_brings_is_its_total_not_a_fact() -> None:
    text = (
        "Officials expect the cathode plant to bring up to $1.1 billion in investment to the "
        "Midland region. The state expects the plant, backed by $90 million in state "
        "incentives, to bring 900 jobs."
    )
    assert [f.amount_cad for f in extract_facts(text)] == [90e6]


def test_a_funder_named_by_its_acronym_is_named_in_full() -> None:
    text = (
        "The Michigan Strategic Fund (MSF) met on Tuesday. The MSF approved a $45 million "
        "grant for the Midland Area Development Alliance to prepare the site."
    )
    (fact,) = extract_facts(text)
    assert fact.funder == "Michigan Strategic Fund"


def test_french_part_project_value_and_running_total() -> None:
    text = (
        "Québec a consenti mardi un prêt de 90 M$, dont 15 M$ pardonnables, au projet "
        "d'usine de cathodes de 480 M$ de Matériaux Boréal, ce qui porte à plus de 2,1 G$ "
        "l'ensemble des investissements publics dans la filière."
    )
    facts = extract_facts(text)
    assert [f.amount_cad for f in facts] == [90e6]
    assert facts[0].total_value_cad == 480e6


def test_the_company_investment_leveraged_by_program_funding_is_its_total() -> None:
    text = (
        "With $95,000 in RDP funding, the company will invest more than $410,000 in a new "
        "press line."
    )
    facts = extract_facts(text)
    assert [f.amount_cad for f in facts] == [95_000]
    assert facts[0].total_value_cad == 410_000
    assert facts[0].recipient is None  # "RDP funding" names a program, not who gets it


def test_an_approximate_amount_that_sums_what_follows_is_their_total() -> None:
    text = (
        "Ontario supports Lambton manufacturers\n\n"
        "The province announced about $5 million for the region's manufacturers.\n\n"
        "The minister announced the awards: $2.7 million spread across four Sarnia "
        "businesses and a little more than $2.4 million spread across three companies in "
        "Petrolia."
    )
    assert amounts_in(text) == [2.4e6, 2.7e6]


def test_support_and_own_money_do_not_add_up_to_a_total() -> None:
    text = (
        "Ontario funds two Sarnia shops\n\n"
        "Norfab: Ontario is investing $300,000, supporting an additional investment of "
        "$2,500,000 from the company.\n\n"
        "Pellham: Ontario is investing $450,000, supporting an additional investment of "
        "$1,900,000 from the company.\n\n"
        "Corvane will receive $2,800,000 from a federal fund."
    )
    # 2,800,000 is not 300,000 + 2,500,000: a government's support and a company's own
    # money are not parts of one total.
    assert 2_800_000 in [f.amount_cad for f in extract_facts(text)]


def test_a_company_release_spends_the_headline_companys_money() -> None:
    text = (
        "LCM to build electric vans at its Woodstock plant\n"
        "January 8, 2025\n\n"
        "Subject to a new labour agreement, Lambton Car Makers plans to build its electric "
        "van in Woodstock, Ontario.\n\n"
        "The investment of nearly $600 million will turn the plant into an electric van "
        "factory."
    )
    (fact,) = extract_facts(text)
    assert (fact.funder, fact.recipient) == ("Lambton Car Makers", None)


def test_a_government_release_keeps_its_funder() -> None:
    text = (
        "Norfab to expand with Ontario support\n\n"
        "The Ontario government is investing $2 million in Norfab Castings."
    )
    (fact,) = extract_facts(text)
    assert fact.funder == "Ontario government"


def test_companies_that_announced_they_will_invest_are_the_funder() -> None:
    text = (
        "Corvane and Pellham Cells announced today that they will invest more than "
        "$1.4 billion in a battery plant in Kokomo, Indiana."
    )
    (fact,) = extract_facts(text)
    assert fact.funder == "Corvane and Pellham Cells"


def test_a_company_invests_in_the_province_not_the_country() -> None:
    text = (
        "Lambton Car Makers to build electric vans in Woodstock, Ontario\n\n"
        "Lambton Car Makers is investing $600 million to make Woodstock Canada's first "
        "electric van plant."
    )
    (fact,) = extract_facts(text)
    assert fact.jurisdiction == "Ontario"


def test_federal_support_in_a_provincial_story_stays_federal() -> None:
    text = (
        "Lambton Car Makers to build electric vans in Woodstock, Ontario\n\n"
        "The federal minister of industry said Canada is ready to put up to $70 million "
        "into the Woodstock plant."
    )
    (fact,) = extract_facts(text)
    assert fact.jurisdiction == "Canada"


def test_lawmakers_vote_their_states_money_and_kentucky_is_a_commonwealth() -> None:
    text = "Kentucky lawmakers approved a $90 million loan for a cell plant in Glendale."
    (fact,) = extract_facts(text)
    assert fact.funder == "Commonwealth of Kentucky"
    text = "Ohio lawmakers approved a $40 million grant for a plant in Marysville."
    (fact,) = extract_facts(text)
    assert fact.funder == "State of Ohio"


def test_a_program_of_tax_credits_is_a_program() -> None:
    text = (
        "The Ohio Tax Credit Authority approved an estimated $22 million in expanded Job "
        "Creation Tax Credits for Corvane."
    )
    (fact,) = extract_facts(text)
    assert fact.program == "Job Creation Tax Credits"


def test_a_difference_and_a_cumulative_total_are_not_facts() -> None:
    text = (
        "The state will give Corvane $700 million in incentives. The package is worth "
        "roughly $150 million more than the incentives Pellham received. With it, Ontario's "
        "total investment in Sarnia workers since 2021 comes to more than $12.4 million."
    )
    assert [f.amount_cad for f in extract_facts(text)] == [700e6]


def test_a_totals_program_funds_its_parts() -> None:
    text = (
        "Ontario supports Lambton manufacturers\n\n"
        "The province announced about $5 million from the Lambton Growth Fund for the "
        "region's manufacturers.\n\n"
        "The minister announced the awards: $2.7 million spread across four Sarnia "
        "businesses and a little more than $2.4 million spread across three companies in "
        "Petrolia."
    )
    facts = extract_facts(text)
    assert [f.program for f in facts] == ["Lambton Growth Fund", "Lambton Growth Fund"]


def test_a_stream_named_by_its_programs_acronym_gives_the_program() -> None:
    text = (
        "Ontario's Skills Development Fund (SDF) is growing. This includes $2,150,000 "
        "through the SDF Capital Stream to build a training centre in Sarnia."
    )
    (fact,) = extract_facts(text)
    assert fact.program == "Skills Development Fund"
