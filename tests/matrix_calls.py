"""The corporate-calls part of the access-matrix world (see tests/test_access_matrix.py).

Built on ``world``:

* ``w.windsor_plant`` (lead: Windsor, alice's municipality) and ``w.oshawa_plant``
  (lead: Oshawa, bob's);
* ``w.call_a``: alice's completed call on the Windsor plant. Its answers say the
  company considers relocating (a red flag ``w.flag_a`` with its follow-up
  ``w.follow_up_a``) and has hard-to-fill jobs; the company consented to
  referrals to associations, and ``w.referral_a`` refers it to APMA (dave's
  organisation);
* ``w.call_b``: bob's completed call on the Oshawa plant, with answers
  (``w.flag_b``, a yellow flag);
* ``w.pending_call``: bob's plan on the Windsor plant, waiting for approval
  (the conflict alice or carol decides); ``w.planned_call``: alice's planned call
  on a second Windsor plant;
* ``w.campaign`` targets both plants; ``w.lead_assignment`` makes Oshawa lead a
  third plant; ``w.template`` is version 1.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import follow_ups, leads, recording
from corridor.calls.models import CallTemplate, Campaign, FollowUp
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility

DAY = dt.date(2026, 10, 5)
ANSWERS_A = {
    "snapshot.employees_now": "240",
    "risks.relocation": "yes",
    "risks.risk_notes": "Parent company comparing this plant with one in Ohio.",
    "workforce.hard_to_fill": "Millwright, 4\nTool and die maker, 3",
}
ANSWERS_B = {"snapshot.employees_now": "80", "outlook.expansion_plans": "yes"}


def build_calls(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        company = Company.objects.create(name="Matrix Mouldings")
        w.windsor_plant = Facility.objects.create(
            company=company, name="Matrix Mouldings", city="Windsor", municipality=w.windsor,
            latitude=42.31, longitude=-83.03,
        )  # fmt: skip
        w.windsor_plant_2 = Facility.objects.create(
            company=company, name="Matrix Mouldings East", city="Windsor", municipality=w.windsor
        )
        w.oshawa_plant = Facility.objects.create(
            company=company, name="Matrix Mouldings Oshawa", city="Oshawa", municipality=w.oshawa
        )
        w.template = CallTemplate.objects.get(number=1)
        w.campaign = Campaign.objects.create(
            name="Automotive focus", starts_on=dt.date(2026, 7, 1), ends_on=dt.date(2026, 12, 31)
        )
        w.campaign.targets.set([w.windsor_plant, w.oshawa_plant])
    with change_context(user=w.carol, source="tests"):
        w.lead_assignment = leads.assign_lead(w.carol, w.windsor_plant_2, w.org_a, "tests")
        w.call_a = plan_call(w.alice, w.windsor_plant, w.org_a, DAY, campaign=w.campaign)
        assert not recording.save_answers(w.alice, w.call_a, ANSWERS_A, complete=True, today=DAY)
        recording.record_consent(w.alice, w.call_a, DAY, ["association"], "Agreed on the visit")
        w.call_b = plan_call(w.bob, w.oshawa_plant, w.org_b, DAY)
        assert not recording.save_answers(w.bob, w.call_b, ANSWERS_B, complete=True, today=DAY)
        w.pending_call = plan_call(w.bob, w.windsor_plant, w.org_b, DAY + dt.timedelta(days=30))
        w.planned_call = plan_call(w.alice, w.windsor_plant_2, w.org_a, DAY + dt.timedelta(days=9))
        with system_scope("access matrix fixtures"):
            w.flag_a = w.call_a.flags.scoped("fixtures").get(rule="relocation")
            w.flag_b = w.call_b.flags.scoped("fixtures").get(rule="expansion")
            w.follow_up_a = FollowUp.objects.get(flag=w.flag_a)
            w.answers_a = w.call_a.answers
            w.answers_b = w.call_b.answers
        w.referral_a = follow_ups.add_follow_up(
            w.alice,
            facility=w.windsor_plant,
            call=w.call_a,
            owner_organisation=w.org_a,
            owner=w.alice,
            due_on=DAY + dt.timedelta(days=14),
            category="referral",
            description="Introduce to APMA's workforce committee",
            referral_to=w.apma,
        )
