"""The programs demo: real programs, fictional projects on eligible demo facilities."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridor.calls import recording
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.demo import build_demo
from corridor.programs.eligibility import ELIGIBLE, evaluate
from corridor.programs.matching import facts_for
from corridor.programs.models import FundedProject, FundingProgram, Referral
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


def test_the_demo_records_the_companys_consent_before_each_referral(world: Any) -> None:
    day = dt.date(2026, 5, 4)
    plants = [
        facility(
            f"Demo Trim {n}", world.windsor, employees=60 + n, naics="336360", is_fictional=True
        )
        for n in range(3)
    ]
    with change_context(source="tests"):
        for plant in plants:
            call = plan_call(world.alice, plant, world.org_a, day)
            answers = {"snapshot.employees_now": "60", "outlook.expansion_plans": "yes"}
            assert not recording.save_answers(world.alice, call, answers, complete=True, today=day)
        # one company had agreed to colleges only: the demo adds the partner it is sent to
        recording.record_consent(world.alice, call, day, ["college"], "Colleges only")
    colleges_only = call
    summary = build_demo(today=dt.date(2026, 6, 1))
    assert summary.referrals == 3
    with system_scope("test reads"):
        referrals = list(Referral.objects.select_related("follow_up__call", "referred_to"))
        assert len(referrals) == 3
        partners = [r for r in referrals if r.referred_to is not None]
        assert partners  # (a program whose partner is not among the organisations has none)
        for referral in partners:
            assert referral.follow_up is not None and referral.follow_up.call is not None
            assert referral.referred_to is not None
            call = referral.follow_up.call
            assert call.consents_to(referral.referred_to)
            assert call.consent_on is not None and call.consent_on <= referral.referred_on
            assert call.organisation_id == referral.organisation_id
        [theirs] = [r for r in referrals if r.follow_up and r.follow_up.call_id == colleges_only.pk]
    colleges_only.refresh_from_db()
    kinds = {"college"} | ({str(theirs.referred_to.kind)} if theirs.referred_to else set())
    assert colleges_only.consent_scope == sorted(kinds)
