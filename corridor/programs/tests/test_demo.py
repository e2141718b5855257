"""The programs demo: real programs, fictional projects on eligible demo facilities."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridor.core.scoping import system_scope
from corridor.programs.demo import build_demo
from corridor.programs.eligibility import ELIGIBLE, evaluate
from corridor.programs.matching import facts_for
from corridor.programs.models import FundedProject, FundingProgram
from corridor.programs.tests.helpers import facility

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_programs_and_funds_eligible_demo_facilities(world: Any) -> None:
    for n in range(6):
        facility(
            f"Demo Parts {n}", world.windsor, employees=50 + n, naics="336390", is_fictional=True
        )
    summary = build_demo(today=dt.date(2026, 6, 1))
    with system_scope("test reads"):
        assert FundingProgram.objects.filter(key__in=["o-amp", "ngen", "sif", "ovin"]).count() == 4
        projects = list(FundedProject.objects.select_related("program"))
        assert summary.projects == len(projects) > 10
        assert all(p.is_demo for p in projects)
        for p in projects:
            lead = p.recipients.get(is_lead=True).facility
            assert lead is not None
            assert evaluate(p.program.eligibility, facts_for(lead)).status == ELIGIBLE
        ngen = [p for p in projects if p.program.key == "ngen"]
        assert ngen and all(p.recipients.count() >= 2 for p in ngen)  # consortia
    again = build_demo(today=dt.date(2026, 6, 1))
    assert again.skipped
    with system_scope("test reads"):
        assert FundedProject.objects.count() == len(projects)
