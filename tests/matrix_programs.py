"""The programs part of the access-matrix world (see tests/test_access_matrix.py).

Built on ``world`` after ``build_supplychain``:

* ``w.pg_program``: a parts program delivered by APMA (dave's organisation);
* ``w.pg_project``: a project of it whose recipient may be ``w.facility`` (for review);
* ``w.pg_referral_a``: alice's (Windsor) referral of ``w.facility`` to it, so APMA sees it;
* ``w.pg_referral_b``: bob's (Oshawa) referral to a program nobody delivers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    LinkStatus,
    ProjectRecipient,
    Referral,
)

DAY = dt.date(2026, 10, 6)


def build_programs(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        w.pg_program = FundingProgram.objects.create(
            key="matrix-parts", name="Matrix Parts Program", short_name="MPP",
            jurisdiction="provincial", delivered_by=w.apma,
            eligibility=[{"kind": "size", "max_employees": 499},
                         {"kind": "project_type", "types": ["technology_adoption"]}],
        )  # fmt: skip
        other = FundingProgram.objects.create(
            key="matrix-fund", name="Matrix Fund", jurisdiction="federal"
        )
        w.pg_project = FundedProject.objects.create(
            program=w.pg_program, title="Matrix robotic cell", contribution=100_000,
            total_value=250_000, municipality=w.windsor,
        )  # fmt: skip
        w.pg_recipient = ProjectRecipient.objects.create(
            project=w.pg_project, name="MATRIX CASTINGS", link_status=LinkStatus.REVIEW,
            candidate=w.facility,
        )  # fmt: skip
        w.pg_referral_a = Referral.objects.create(
            facility=w.facility, program=w.pg_program, organisation=w.org_a,
            referred_to=w.apma, referred_on=DAY,
        )  # fmt: skip
        w.pg_referral_b = Referral.objects.create(
            facility=w.sc_oshawa_buyer, program=other, organisation=w.org_b, referred_on=DAY
        )
