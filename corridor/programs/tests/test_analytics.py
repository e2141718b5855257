"""Leverage, jobs and the roll-ups, on cases worked by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.analytics import analysis_for
from corridor.programs.models import ProjectStatus, Referral
from corridor.programs.tests.helpers import facility, program, project

pytestmark = pytest.mark.django_db


@pytest.fixture
def money(world: Any) -> Any:
    w = world
    w.oamp = program("oamp")
    w.ngen = program("ngen", eligibility=[])
    # A: $100,000 of a $300,000 project, 5 jobs, Windsor, robotics, 2023
    w.a = project(
        w.oamp,
        "A",
        contribution=100_000,
        total_value=300_000,
        jobs_created_expected=5,
        jobs_retained_expected=10,
        municipality=w.windsor,
        technology_tags=["robotics"],
        approved_on=dt.date(2023, 3, 1),
    )
    # B: $200,000, total not known, 4 jobs, Windsor, robotics + AI, 2024
    w.b = project(
        w.oamp,
        "B",
        contribution=200_000,
        jobs_created_expected=4,
        municipality=w.windsor,
        technology_tags=["robotics", "AI"],
        approved_on=dt.date(2024, 1, 1),
    )
    # C: $100,000 of a $150,000 project, jobs not known, Oshawa, 2024
    w.c = project(
        w.ngen,
        "C",
        contribution=100_000,
        total_value=150_000,
        municipality=w.oshawa,
        approved_on=dt.date(2024, 6, 1),
    )
    # cancelled: left out of every figure
    project(
        w.ngen, "D", contribution=9_000_000, total_value=9_000_000, status=ProjectStatus.CANCELLED
    )
    return w


def test_leverage_is_total_over_contribution_where_both_are_known(money: Any) -> None:
    assert money.a.leverage == 3.0
    assert money.b.leverage is None
    total = analysis_for(money.carol).total
    assert total.projects == 3
    assert total.contribution == 400_000
    assert total.total_value == 450_000
    # (300,000 + 150,000) / (100,000 + 100,000): B has no total and does not count
    assert total.leverage == pytest.approx(2.25)


def test_jobs_per_million_counts_the_projects_with_jobs_and_money(money: Any) -> None:
    total = analysis_for(money.alice).total
    assert total.jobs_created_expected == 9
    assert total.jobs_retained_expected == 10
    # (5 + 4) jobs / $0.3 million (A and B; C has no jobs figure)
    assert total.jobs_per_million == pytest.approx(30.0)


def test_the_roll_ups_group_by_program_municipality_technology_and_year(money: Any) -> None:
    analysis = analysis_for(money.dave)
    by_program = {r.label: (r.projects, r.contribution) for r in analysis.by_program}
    assert by_program == {"OAMP": (2, 300_000), "NGEN": (1, 100_000)}
    by_place = {r.label: r.contribution for r in analysis.by_municipality}
    assert by_place == {"Windsor": 300_000, "Oshawa": 100_000}
    by_tech = {r.label: r.projects for r in analysis.by_technology}
    assert by_tech == {"robotics": 2, "AI": 1, "Not tagged": 1}
    assert [(r.label, r.projects) for r in analysis.by_year] == [("2023", 1), ("2024", 2)]


def test_projects_from_referrals_are_counted(money: Any) -> None:
    plant = facility("Referred Plant", money.windsor)
    with system_scope("test fixtures"), change_context(source="tests"):
        Referral.objects.create(
            facility=plant,
            program=money.oamp,
            organisation=money.org_a,
            referred_on=dt.date(2023, 1, 5),
            status="funded",
            funded_project=money.a,
        )
    analysis = analysis_for(money.bob)
    assert analysis.total.from_referrals == 1
    assert {r.label: r.from_referrals for r in analysis.by_program} == {"OAMP": 1, "NGEN": 0}
