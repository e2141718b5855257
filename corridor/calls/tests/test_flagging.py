"""The documented flag rules, one by one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridor.calls.flagging import RULES, evaluate, respond_by

ON = dt.date(2026, 10, 5)
HARD_TO_FILL = [{"occupation": "Welder", "count": 3}, {"occupation": "Millwright", "count": 2}]


@pytest.mark.parametrize(
    ("answers", "rule", "severity", "category"),
    [
        ({"risks.relocation": "yes"}, "relocation", "red", "relocation_closure"),
        ({"risks.closure_downsizing": "yes"}, "closure", "red", "downsizing"),
        (
            {"snapshot.employees_now": 200, "snapshot.employees_3y": 150},
            "shrinking",
            "red",
            "downsizing",
        ),
        (
            {"outlook.expansion_where": "outside_ontario"},
            "expansion-away",
            "red",
            "relocation_closure",
        ),
        ({"risks.ownership_change": "yes"}, "ownership", "yellow", "ownership_change"),
        ({"risks.lease_expiry": "2027-06-30"}, "lease", "yellow", "relocation_closure"),
        ({"outlook.expansion_plans": "yes"}, "expansion", "yellow", "expansion"),
        ({"outlook.capital_investment": "yes"}, "expansion", "yellow", "expansion"),
        ({"workforce.hard_to_fill": HARD_TO_FILL}, "workforce", "yellow", "workforce"),
        (
            {"supply_chain.outside_inputs": "Aluminium extrusions"},
            "suppliers",
            "yellow",
            "local_supplier",
        ),
        ({"government.permits_barrier": "yes"}, "permits", "yellow", "permits_infrastructure"),
        ({"ratings.utilities": 2}, "permits", "yellow", "permits_infrastructure"),
    ],
)
def test_each_rule_fires_on_its_answer(
    answers: dict[str, Any], rule: str, severity: str, category: str
) -> None:
    raised = {f.rule: f for f in evaluate(answers, ON)}
    assert rule in raised
    assert (raised[rule].severity, raised[rule].category) == (severity, category)
    assert raised[rule].detail


@pytest.mark.parametrize(
    "answers",
    [
        {"risks.relocation": "no", "risks.closure_downsizing": "unknown"},
        {"snapshot.employees_now": 200, "snapshot.employees_3y": 195},  # a 2.5% dip
        {"snapshot.employees_now": 20, "snapshot.employees_3y": 17},  # fewer than 5 people
        {"risks.lease_expiry": "2030-01-01"},  # more than 24 months away
        {"risks.lease_expiry": "2025-01-01"},  # already past
        {"workforce.hard_to_fill": [{"occupation": "Welder", "count": 4}]},
        {"ratings.utilities": 3, "ratings.permits": 5},
        {},
    ],
)
def test_quiet_answers_raise_nothing(answers: dict[str, Any]) -> None:
    assert evaluate(answers, ON) == []


def test_an_expansion_outside_ontario_is_a_risk_not_an_opportunity() -> None:
    raised = {
        f.rule
        for f in evaluate(
            {"outlook.expansion_plans": "yes", "outlook.expansion_where": "outside_ontario"}, ON
        )
    }
    assert raised == {"expansion-away"}


def test_rule_keys_are_unique() -> None:
    assert len({r.key for r in RULES}) == len(RULES)


def test_response_deadlines_follow_the_settings(settings: Any) -> None:
    settings.CORRIDOR_RED_FLAG_DAYS = 7
    settings.CORRIDOR_YELLOW_FLAG_DAYS = 30
    assert respond_by("red", ON) == dt.date(2026, 10, 12)
    assert respond_by("yellow", ON) == dt.date(2026, 11, 4)
    settings.CORRIDOR_RED_FLAG_DAYS = 3
    assert respond_by("red", ON) == dt.date(2026, 10, 8)
