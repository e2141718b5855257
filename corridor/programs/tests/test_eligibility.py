"""The rule engine, one rule kind at a time, on cases worked by hand."""

from __future__ import annotations

import pytest

from corridor.programs.eligibility import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    POSSIBLY,
    CompanyFacts,
    ProjectPlan,
    RuleError,
    describe,
    evaluate,
    validate_rules,
)

WINDSOR = CompanyFacts(
    employees=120,
    naics="336390",
    municipality="Windsor",
    economic_region="Windsor–Sarnia",
    province="ON",
)
SIZE = {"kind": "size", "max_employees": 499}
SECTOR = {"kind": "sector", "naics_prefixes": ["3363", "3261"]}
SWO = {"kind": "region", "economic_regions": ["Windsor–Sarnia", "London"]}
TYPES = {"kind": "project_type", "types": ["technology_adoption", "lean_training"]}
CONSORTIUM = {"kind": "consortium", "min_partners": 2, "sme_partner": True}
MONEY = {"kind": "contribution", "max_contribution": 100_000, "max_share": 0.5}


def status(rules: list[dict], facts: CompanyFacts = WINDSOR, plan: ProjectPlan | None = None):
    return evaluate(rules, facts, plan).status


def test_a_company_under_the_size_limit_is_eligible_and_one_over_it_is_not() -> None:
    assert status([SIZE]) == ELIGIBLE
    verdict = evaluate([SIZE], CompanyFacts(employees=500))
    assert verdict.status == NOT_ELIGIBLE
    assert verdict.label == "Not eligible (rule: at most 499 employees)"


def test_the_size_limit_includes_its_bounds() -> None:
    rule = {"kind": "size", "min_employees": 10, "max_employees": 499}
    assert [status([rule], CompanyFacts(employees=n)) for n in (9, 10, 499, 500)] == [
        NOT_ELIGIBLE,
        ELIGIBLE,
        ELIGIBLE,
        NOT_ELIGIBLE,
    ]


def test_an_unknown_head_count_makes_the_company_possibly_eligible() -> None:
    verdict = evaluate([SIZE], CompanyFacts())
    assert verdict.status == POSSIBLY
    assert verdict.label == "Possibly eligible (missing data: employees)"


def test_the_sector_rule_reads_naics_prefixes() -> None:
    assert status([SECTOR]) == ELIGIBLE
    assert status([SECTOR], CompanyFacts(naics="326199")) == ELIGIBLE
    assert status([SECTOR], CompanyFacts(naics="541330")) == NOT_ELIGIBLE
    assert status([SECTOR], CompanyFacts(naics=None)) == POSSIBLY


def test_the_region_rule_accepts_a_municipality_an_economic_region_or_a_province() -> None:
    assert status([SWO]) == ELIGIBLE
    assert status([{"kind": "region", "municipalities": ["Windsor"]}]) == ELIGIBLE
    assert status([{"kind": "region", "provinces": ["ON"]}]) == ELIGIBLE
    oshawa = CompanyFacts(municipality="Oshawa", economic_region="Toronto", province="ON")
    assert status([SWO], oshawa) == NOT_ELIGIBLE
    assert status([{"kind": "region", "provinces": ["QC"]}], oshawa) == NOT_ELIGIBLE


def test_a_facility_with_no_municipality_is_possibly_in_a_region() -> None:
    verdict = evaluate([SWO], CompanyFacts(province="ON"))
    assert verdict.status == POSSIBLY
    assert verdict.missing == ["municipality"]


def test_project_rules_are_conditions_when_no_project_is_in_mind() -> None:
    verdict = evaluate([SIZE, TYPES, CONSORTIUM, MONEY], WINDSOR)
    assert verdict.status == ELIGIBLE
    assert [c.kind for c in verdict.conditions] == ["project_type", "consortium", "contribution"]


def test_the_project_type_must_be_one_the_program_funds() -> None:
    assert status([TYPES], plan=ProjectPlan(project_type="lean_training")) == ELIGIBLE
    assert status([TYPES], plan=ProjectPlan(project_type="rd")) == NOT_ELIGIBLE
    assert status([TYPES], plan=ProjectPlan()) == POSSIBLY


def test_a_consortium_needs_enough_partners_and_a_small_or_medium_firm() -> None:
    assert status([CONSORTIUM], plan=ProjectPlan(partners=3, includes_sme=True)) == ELIGIBLE
    assert status([CONSORTIUM], plan=ProjectPlan(partners=1, includes_sme=True)) == NOT_ELIGIBLE
    assert status([CONSORTIUM], plan=ProjectPlan(partners=2, includes_sme=False)) == NOT_ELIGIBLE
    verdict = evaluate([CONSORTIUM], WINDSOR, ProjectPlan(partners=2))
    assert verdict.status == POSSIBLY
    assert verdict.missing == ["whether a partner is a small or medium-sized firm"]


def test_the_contribution_limit_and_the_cost_share_are_checked() -> None:
    # $100,000 of a $200,000 project is exactly half: allowed.
    assert status([MONEY], plan=ProjectPlan(contribution=100_000, total_cost=200_000)) == ELIGIBLE
    # $100,000 of a $150,000 project is two thirds: more than the program's share.
    assert (
        status([MONEY], plan=ProjectPlan(contribution=100_000, total_cost=150_000)) == NOT_ELIGIBLE
    )
    # $120,000 is over the limit whatever the cost.
    assert status([MONEY], plan=ProjectPlan(contribution=120_000)) == NOT_ELIGIBLE
    assert status([MONEY], plan=ProjectPlan(contribution=50_000)) == POSSIBLY


def test_a_minimum_contribution_turns_small_projects_away() -> None:
    rule = {"kind": "contribution", "min_contribution": 10_000_000}
    assert status([rule], plan=ProjectPlan(contribution=9_999_999)) == NOT_ELIGIBLE
    assert status([rule], plan=ProjectPlan(contribution=10_000_000)) == ELIGIBLE


def test_a_failing_rule_outweighs_missing_data() -> None:
    verdict = evaluate([SIZE, SECTOR], CompanyFacts(employees=900))
    assert verdict.status == NOT_ELIGIBLE
    assert verdict.missing == ["NAICS code"]


def test_rules_are_described_in_words() -> None:
    assert describe([SIZE, SECTOR, MONEY]) == [
        "at most 499 employees",
        "industry (NAICS) starting 3363 or 3261",
        "at most $100,000 asked, the program pays at most 50% of the project's cost",
    ]


@pytest.mark.parametrize(
    "rules",
    [
        {"kind": "size"},
        [{"kind": "colour"}],
        [{"kind": "size"}],
        [{"kind": "size", "max_employees": -1}],
        [{"kind": "sector", "naics_prefixes": ["auto"]}],
        [{"kind": "region"}],
        [{"kind": "project_type", "types": ["parties"]}],
        [{"kind": "contribution", "max_share": 1.5}],
    ],
)
def test_malformed_rules_are_refused(rules: object) -> None:
    with pytest.raises(RuleError):
        validate_rules(rules)
