"""Properties of the rule engine, with generated facilities, projects and rules."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from corridor.programs.eligibility import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    PROJECT_TYPES,
    RANK,
    CompanyFacts,
    ProjectPlan,
    evaluate,
)

TOWNS = ["Windsor", "Oshawa", "London", "Woodstock"]
REGIONS = ["Windsor–Sarnia", "Toronto", "London"]
PREFIXES = ["31", "32", "33", "336", "3363", "3261", "3315", "5413"]
CODES = ["336390", "326199", "331523", "541330", "333519"]
counts = st.integers(min_value=0, max_value=20_000)
money = st.integers(min_value=0, max_value=50_000_000)


def _two(draw: Any) -> tuple[int | None, int | None]:
    low = draw(st.none() | counts)
    high = draw(st.none() | counts)
    if low is None and high is None:
        high = draw(counts)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


@st.composite
def rules(draw: Any) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["size", "sector", "region", "project_type", "consortium", "contribution"])
    )
    if kind == "size":
        low, high = _two(draw)
        return {"kind": kind, "min_employees": low, "max_employees": high}
    if kind == "sector":
        prefixes = draw(st.lists(st.sampled_from(PREFIXES), min_size=1, max_size=3, unique=True))
        return {"kind": kind, "naics_prefixes": prefixes}
    if kind == "region":
        rule = {
            "kind": kind,
            "municipalities": draw(st.lists(st.sampled_from(TOWNS), max_size=2)),
            "economic_regions": draw(st.lists(st.sampled_from(REGIONS), max_size=2)),
            "provinces": draw(st.lists(st.sampled_from(["ON", "QC"]), max_size=1)),
        }
        if not (rule["municipalities"] or rule["economic_regions"] or rule["provinces"]):
            rule["provinces"] = ["ON"]
        return rule
    if kind == "project_type":
        types = draw(st.lists(st.sampled_from(sorted(PROJECT_TYPES)), min_size=1, unique=True))
        return {"kind": kind, "types": types}
    if kind == "consortium":
        return {
            "kind": kind,
            "min_partners": draw(st.integers(1, 5)),
            "sme_partner": draw(st.booleans()),
        }
    low = draw(st.none() | money)
    high = draw(st.none() | money)
    share = draw(st.none() | st.floats(min_value=0.05, max_value=1.0))
    if low is None and high is None and share is None:
        share = 0.5
    if low is not None and high is not None and low > high:
        low, high = high, low
    return {"kind": kind, "min_contribution": low, "max_contribution": high, "max_share": share}


facts = st.builds(
    CompanyFacts,
    employees=st.none() | counts,
    naics=st.none() | st.sampled_from(CODES),
    municipality=st.none() | st.sampled_from(TOWNS),
    economic_region=st.none() | st.sampled_from(REGIONS),
    province=st.none() | st.sampled_from(["ON", "QC"]),
)
plans = st.builds(
    ProjectPlan,
    project_type=st.none() | st.sampled_from(sorted(PROJECT_TYPES)),
    partners=st.none() | st.integers(1, 6),
    includes_sme=st.none() | st.booleans(),
    contribution=st.none() | money,
    total_cost=st.none() | money,
)


def satisfying(rule: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Company facts and project fields that satisfy ``rule``."""
    kind = rule["kind"]
    if kind == "size":
        return {"employees": rule["min_employees"] or rule["max_employees"] or 0}, {}
    if kind == "sector":
        return {"naics": (rule["naics_prefixes"][0] + "000000")[:6]}, {}
    if kind == "region":
        if rule["municipalities"]:
            return {"municipality": rule["municipalities"][0]}, {}
        if rule["economic_regions"]:
            return {"economic_region": rule["economic_regions"][0]}, {}
        return {"province": rule["provinces"][0]}, {}
    if kind == "project_type":
        return {}, {"project_type": rule["types"][0]}
    if kind == "consortium":
        return {}, {"partners": rule["min_partners"], "includes_sme": True}
    asked = rule["min_contribution"] or rule["max_contribution"] or 0
    return {}, {"contribution": asked, "total_cost": asked * 100 + 1}


@given(st.lists(rules(), max_size=6))
def test_a_facility_that_satisfies_every_rule_is_eligible(program: list[dict[str, Any]]) -> None:
    # one rule of each kind at most: two rules of a kind could contradict each other
    kinds: dict[str, dict[str, Any]] = {}
    for rule in program:
        kinds.setdefault(rule["kind"], rule)
    company: dict[str, Any] = {}
    project: dict[str, Any] = {}
    for rule in kinds.values():
        c, p = satisfying(rule)
        company.update(c)
        project.update(p)
    verdict = evaluate(list(kinds.values()), CompanyFacts(**company), ProjectPlan(**project))
    assert verdict.status == ELIGIBLE, verdict.results


@given(st.lists(rules(), max_size=6), facts, plans, st.data())
def test_missing_data_never_makes_a_facility_not_eligible(
    program: list[dict[str, Any]], company: CompanyFacts, project: ProjectPlan, data: Any
) -> None:
    before = evaluate(program, company, project)
    if before.status == NOT_ELIGIBLE:
        return
    fields = [f.name for f in dataclasses.fields(CompanyFacts)]
    forget = data.draw(st.lists(st.sampled_from(fields), unique=True))
    plan_fields = [f.name for f in dataclasses.fields(ProjectPlan)]
    forget_plan = data.draw(st.lists(st.sampled_from(plan_fields), unique=True))
    less = dataclasses.replace(company, **dict.fromkeys(forget))
    less_plan = dataclasses.replace(project, **dict.fromkeys(forget_plan))
    assert evaluate(program, less, less_plan).status != NOT_ELIGIBLE
    assert evaluate(program, less, None).status != NOT_ELIGIBLE


@given(st.lists(rules(), max_size=5), rules(), facts, st.none() | plans)
def test_adding_a_rule_never_makes_a_facility_more_eligible(
    program: list[dict[str, Any]],
    extra: dict[str, Any],
    company: CompanyFacts,
    project: ProjectPlan | None,
) -> None:
    before = evaluate(program, company, project).status
    after = evaluate([*program, extra], company, project).status
    assert RANK[after] <= RANK[before]
