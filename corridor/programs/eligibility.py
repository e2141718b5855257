"""Which funding programs fit a facility, and why: the rule engine (plain Python, no Django).

A program's rules are data (``FundingProgram.eligibility``, a list of dicts with a
``kind``). Each rule looks at the company (size, sector, place) or at the project the
company has in mind (its type, its partners, the contribution asked and what it costs).
A rule passes, fails, or cannot tell because a fact is missing:

* any rule fails → "not eligible (rule …)";
* else any rule misses a fact → "possibly eligible (missing data: …)";
* else → "eligible".

Without a project in mind (the facility page before the officer says what the company
plans) the project's rules are listed as conditions the project must meet and do not
count as missing data. Missing data never makes a facility "not eligible", and adding a
rule never makes a facility more eligible (tests/test_eligibility_properties.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

ELIGIBLE = "eligible"
POSSIBLY = "possibly"
NOT_ELIGIBLE = "not_eligible"
RANK = {NOT_ELIGIBLE: 0, POSSIBLY: 1, ELIGIBLE: 2}

PROJECT_TYPES: dict[str, str] = {
    "technology_adoption": "technology adoption",
    "lean_training": "lean-manufacturing training",
    "rd": "research and development",
    "commercialisation": "commercialisation",
    "capital_investment": "capital investment (buildings, equipment)",
    "skills": "skills and training",
}
PROVINCES = {
    "ON": "Ontario",
    "QC": "Quebec",
    "MB": "Manitoba",
    "BC": "British Columbia",
    "AB": "Alberta",
    "SK": "Saskatchewan",
    "NS": "Nova Scotia",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "PE": "Prince Edward Island",
}
COMPANY_KINDS = ("size", "sector", "region")
PROJECT_KINDS = ("project_type", "consortium", "contribution")
KINDS = COMPANY_KINDS + PROJECT_KINDS


class RuleError(ValueError):
    """A program's rules are not well formed (the message says which and why)."""


@dataclass(frozen=True, slots=True)
class CompanyFacts:
    """What the registry knows about a facility; None where it does not know."""

    employees: int | None = None
    naics: str | None = None
    municipality: str | None = None
    economic_region: str | None = None
    province: str | None = None


@dataclass(frozen=True, slots=True)
class ProjectPlan:
    """The project the company has in mind; None where nobody said."""

    project_type: str | None = None
    partners: int | None = None  # organisations in the project, the company included
    includes_sme: bool | None = None
    contribution: int | None = None  # dollars asked of the program
    total_cost: int | None = None  # dollars the whole project costs


@dataclass(frozen=True, slots=True)
class RuleResult:
    kind: str
    wording: str  # the rule in words
    passed: bool | None  # None: a fact is missing
    reason: str
    missing: tuple[str, ...] = ()
    condition: bool = False  # a project rule with no project in mind


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    results: tuple[RuleResult, ...] = field(default=())

    @property
    def failed(self) -> list[RuleResult]:
        return [r for r in self.results if r.passed is False]

    @property
    def missing(self) -> list[str]:
        seen: list[str] = []
        for r in self.results:
            seen.extend(m for m in r.missing if m not in seen)
        return seen

    @property
    def conditions(self) -> list[RuleResult]:
        return [r for r in self.results if r.condition]

    @property
    def label(self) -> str:
        if self.status == NOT_ELIGIBLE:
            return "Not eligible (rule: " + "; ".join(r.wording for r in self.failed) + ")"
        if self.status == POSSIBLY:
            return "Possibly eligible (missing data: " + ", ".join(self.missing) + ")"
        return "Eligible"


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _int(rule: dict[str, Any], name: str) -> int | None:
    value = rule.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(f"{rule.get('kind')}: {name} must be a whole number of 0 or more")
    return value


def _strings(rule: dict[str, Any], name: str) -> list[str]:
    value = rule.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(f"{rule.get('kind')}: {name} must be a list of words")
    return value


# --- one function per kind: (rule, facts, plan) -> RuleResult -------------------------


def _size(rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None) -> RuleResult:
    low, high = _int(rule, "min_employees"), _int(rule, "max_employees")
    if low is None and high is None:
        raise RuleError("size: give min_employees, max_employees or both")
    if low is not None and high is not None:
        wording = f"{low:,} to {high:,} employees"
    elif high is not None:
        wording = f"at most {high:,} employees"
    else:
        wording = f"at least {low:,} employees"
    if facts.employees is None:
        return RuleResult(
            "size", wording, None, "the number of employees is not known", ("employees",)
        )
    ok = (low is None or facts.employees >= low) and (high is None or facts.employees <= high)
    return RuleResult("size", wording, ok, f"{facts.employees:,} employees")


def _sector(rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None) -> RuleResult:
    prefixes = _strings(rule, "naics_prefixes")
    if not prefixes or not all(p.isdigit() for p in prefixes):
        raise RuleError("sector: naics_prefixes must be a list of NAICS code beginnings")
    wording = "industry (NAICS) starting " + " or ".join(prefixes)
    if not facts.naics:
        return RuleResult("sector", wording, None, "the NAICS code is not known", ("NAICS code",))
    ok = any(facts.naics.startswith(p) for p in prefixes)
    return RuleResult("sector", wording, ok, f"NAICS {facts.naics}")


def _region(rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None) -> RuleResult:
    towns = _strings(rule, "municipalities")
    regions = _strings(rule, "economic_regions")
    provinces = _strings(rule, "provinces")
    if not (towns or regions or provinces):
        raise RuleError("region: list municipalities, economic_regions or provinces")
    wording = "located in " + " or ".join(
        [
            *towns,
            *(f"the {r} economic region" for r in regions),
            *(PROVINCES.get(p, p) for p in provinces),
        ]
    )
    if facts.municipality and (facts.municipality in towns):
        return RuleResult("region", wording, True, f"in {facts.municipality}")
    if facts.economic_region and facts.economic_region in regions:
        return RuleResult("region", wording, True, f"in the {facts.economic_region} region")
    if facts.province and facts.province in provinces:
        return RuleResult(
            "region", wording, True, f"in {PROVINCES.get(facts.province, facts.province)}"
        )
    # Decide "no" only from a fact that answers the rule's own question.
    knows = (
        (not towns or facts.municipality)
        and (not regions or facts.economic_region)
        and (not provinces or facts.province)
    )
    if knows:
        where = facts.municipality or facts.economic_region or facts.province
        return RuleResult("region", wording, False, f"in {where}")
    missing = "municipality" if (towns or regions) else "province"
    return RuleResult("region", wording, None, f"the facility's {missing} is not known", (missing,))


def _project_type(
    rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None
) -> RuleResult:
    types = _strings(rule, "types")
    unknown = [t for t in types if t not in PROJECT_TYPES]
    if not types or unknown:
        raise RuleError(f"project_type: types must be among {', '.join(PROJECT_TYPES)}")
    wording = "a project of " + " or ".join(PROJECT_TYPES[t] for t in types)
    if plan is None:
        return RuleResult(
            "project_type", wording, None, "the project must be " + wording[2:], condition=True
        )
    if plan.project_type is None:
        return RuleResult(
            "project_type", wording, None, "the project's type is not known", ("project type",)
        )
    ok = plan.project_type in types
    label = PROJECT_TYPES.get(plan.project_type, plan.project_type)
    return RuleResult("project_type", wording, ok, f"the project is {label}")


def _consortium(rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None) -> RuleResult:
    least = _int(rule, "min_partners") or 1
    sme = bool(rule.get("sme_partner"))
    wording = f"a consortium of at least {least} partners" + (
        " including a small or medium-sized firm" if sme else ""
    )
    if plan is None:
        return RuleResult(
            "consortium", wording, None, "the project needs " + wording, condition=True
        )
    missing = []
    if plan.partners is None:
        missing.append("number of partners")
    if sme and plan.includes_sme is None:
        missing.append("whether a partner is a small or medium-sized firm")
    if plan.partners is not None and plan.partners < least:
        return RuleResult("consortium", wording, False, f"{plan.partners} partner(s)")
    if sme and plan.includes_sme is False:
        return RuleResult("consortium", wording, False, "no small or medium-sized partner")
    if missing:
        return RuleResult("consortium", wording, None, "the partners are not known", tuple(missing))
    return RuleResult("consortium", wording, True, f"{plan.partners} partners")


def _contribution(
    rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None
) -> RuleResult:
    low, high = _int(rule, "min_contribution"), _int(rule, "max_contribution")
    share = rule.get("max_share")
    if share is not None and (
        isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1
    ):
        raise RuleError("contribution: max_share is a fraction above 0 and at most 1")
    if low is None and high is None and share is None:
        raise RuleError("contribution: give min_contribution, max_contribution or max_share")
    parts = []
    if low is not None:
        parts.append(f"at least {_money(low)} asked")
    if high is not None:
        parts.append(f"at most {_money(high)} asked")
    if share is not None:
        parts.append(f"the program pays at most {share:.0%} of the project's cost")
    wording = ", ".join(parts)
    if plan is None:
        return RuleResult(
            "contribution", wording, None, "the contribution: " + wording, condition=True
        )
    missing = []
    problems = []
    asked = plan.contribution
    if asked is None:
        missing.append("contribution asked")
    else:
        if low is not None and asked < low:
            problems.append(f"{_money(asked)} asked is less than {_money(low)}")
        if high is not None and asked > high:
            problems.append(f"{_money(asked)} asked is more than {_money(high)}")
    if share is not None:
        if plan.total_cost is None:
            missing.append("total project cost")
        elif asked is not None and (plan.total_cost <= 0 or asked / plan.total_cost > share):
            problems.append(f"{_money(asked)} of a {_money(plan.total_cost)} project")
    if problems:
        return RuleResult("contribution", wording, False, "; ".join(problems))
    if missing:
        return RuleResult(
            "contribution", wording, None, "the amounts are not known", tuple(missing)
        )
    return RuleResult("contribution", wording, True, f"{_money(asked or 0)} asked")


CHECKS: dict[str, Callable[[dict[str, Any], CompanyFacts, ProjectPlan | None], RuleResult]] = {
    "size": _size,
    "sector": _sector,
    "region": _region,
    "project_type": _project_type,
    "consortium": _consortium,
    "contribution": _contribution,
}


def check_rule(rule: dict[str, Any], facts: CompanyFacts, plan: ProjectPlan | None) -> RuleResult:
    if not isinstance(rule, dict) or rule.get("kind") not in CHECKS:
        raise RuleError(f"a rule's kind must be one of {', '.join(KINDS)}: {rule!r}")
    return CHECKS[rule["kind"]](rule, facts, plan)


def validate_rules(rules: Any) -> None:
    """Raise RuleError unless ``rules`` is a list of well-formed rules."""
    if not isinstance(rules, list):
        raise RuleError("the rules are a list")
    for rule in rules:
        check_rule(rule, CompanyFacts(), None)


def describe(rules: Sequence[dict[str, Any]]) -> list[str]:
    """The rules in words, as a program's page shows them."""
    return [check_rule(rule, CompanyFacts(), None).wording for rule in rules]


def evaluate(
    rules: Iterable[dict[str, Any]], facts: CompanyFacts, plan: ProjectPlan | None = None
) -> Verdict:
    results = tuple(check_rule(rule, facts, plan) for rule in rules)
    if any(r.passed is False for r in results):
        status = NOT_ELIGIBLE
    elif any(r.passed is None and not r.condition for r in results):
        status = POSSIBLY
    else:
        status = ELIGIBLE
    return Verdict(status, results)
