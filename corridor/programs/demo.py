"""Demo programs: the real programs of the data file, and fictional funded projects.

After the registry and calls demos:

* the programs of ``data/programs.json`` (real, public facts with their sources);
* three dozen funded projects (``is_demo``; their titles, amounts and jobs are made up)
  on demo facilities eligible for the program, NGen's with two or three partners;
  leverage and jobs in plausible ranges for each program;
* referrals from completed demo calls: the company's consent to the program's delivery
  partner recorded on the call (added to what it agreed to there), a "funding programs"
  follow-up on the call and a referral to an eligible program; some applied, some funded
  (linked to a project), one declined.

Deterministic, about a second; idempotent (nothing is added when demo projects exist).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from corridor.calls import follow_ups, recording
from corridor.calls.models import Call, CallStatus
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.catalogue import load_programs
from corridor.programs.eligibility import ELIGIBLE, evaluate
from corridor.programs.matching import facts_for
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    LinkStatus,
    ProjectRecipient,
    ProjectStatus,
    Referral,
    ReferralStatus,
)
from corridor.programs.referrals import consenting_call
from corridor.registry.models import Facility

# program key: (projects, contribution range in $, leverage range, jobs per $1M range, tags)
PLAN: dict[str, tuple[int, tuple[int, int], tuple[float, float], tuple[int, int], list[str]]] = {
    "o-amp": (
        14,
        (40_000, 100_000),
        (2.0, 3.5),
        (20, 60),
        ["robotics", "automation", "lean manufacturing", "machine vision", "ERP"],
    ),
    "ngen": (
        8,
        (1_000_000, 6_000_000),
        (2.0, 3.0),
        (4, 12),
        ["advanced materials", "digital twin", "additive manufacturing", "AI", "robotics"],
    ),
    "swodf": (
        6,
        (500_000, 1_500_000),
        (5.0, 10.0),
        (8, 25),
        ["capital equipment", "automation", "EV components"],
    ),
    "regi": (4, (300_000, 2_000_000), (2.5, 4.0), (6, 20), ["automation", "EV components"]),
    "ovin": (
        4,
        (250_000, 1_000_000),
        (1.5, 2.5),
        (3, 10),
        ["connected vehicles", "battery", "EV components", "AI"],
    ),
}
WORDS = {
    "robotics": "Robotic cell",
    "automation": "Automated line",
    "lean manufacturing": "Lean training program",
    "machine vision": "Machine-vision inspection",
    "ERP": "Production planning system",
    "advanced materials": "Lightweight composite parts",
    "digital twin": "Digital twin of the press shop",
    "additive manufacturing": "3D-printed tooling",
    "AI": "AI quality prediction",
    "capital equipment": "New press line",
    "EV components": "Electric-vehicle component line",
    "connected vehicles": "Connected-vehicle test bench",
    "battery": "Battery-enclosure prototype",
}
REFERRALS = 12


@dataclass
class ProgramsDemoSummary:
    programs: int = 0
    projects: int = 0
    referrals: int = 0
    funded_from_referrals: int = 0
    skipped: bool = False


class _Builder:
    def __init__(self, today: dt.date) -> None:
        self.rng = random.Random(7)
        self.today = today
        self.facilities = list(
            Facility.objects.filter(is_fictional=True, municipality__isnull=False)
            .select_related("municipality", "company")
            .order_by("pk")
        )

    def eligible(self, program: FundingProgram) -> list[Facility]:
        return [
            f
            for f in self.facilities
            if evaluate(program.eligibility, facts_for(f)).status == ELIGIBLE
        ]

    def projects(self, program: FundingProgram) -> list[FundedProject]:
        count, money, leverage, jobs, tags = PLAN[program.key]
        pool = self.eligible(program)
        made: list[FundedProject] = []
        for facility in self.rng.sample(pool, min(count, len(pool))):
            chosen = self.rng.sample(tags, self.rng.randint(1, 2))
            contribution = round(self.rng.randint(*money), -3)
            approved = dt.date(
                self.rng.randint(2019, self.today.year - 1),
                self.rng.randint(1, 12),
                self.rng.randint(1, 28),
            )
            ends = approved + dt.timedelta(days=self.rng.randint(365, 1100))
            expected = max(1, round(contribution / 1_000_000 * self.rng.randint(*jobs)))
            done = ends < self.today
            project = FundedProject.objects.create(
                program=program,
                title=f"{WORDS[chosen[0]]} at {facility.name}",
                description="Fictional demo project.",
                municipality=facility.municipality,
                contribution=contribution,
                total_value=round(contribution * self.rng.uniform(*leverage), -3),
                jobs_created_expected=expected,
                jobs_retained_expected=self.rng.randint(5, 80),
                jobs_created_reported=round(expected * self.rng.uniform(0.6, 1.2))
                if done
                else None,
                jobs_retained_reported=None,
                technology_tags=chosen,
                status=ProjectStatus.COMPLETED if done else ProjectStatus.UNDERWAY,
                approved_on=approved,
                starts_on=approved + dt.timedelta(days=30),
                ends_on=ends,
                source="demo",
                is_demo=True,
            )
            partners = [facility]
            if program.key == "ngen":
                others = [f for f in self.facilities if f.pk != facility.pk]
                partners += self.rng.sample(others, self.rng.randint(1, 2))
            for index, partner in enumerate(partners):
                ProjectRecipient.objects.create(
                    project=project,
                    name=partner.company.name,
                    city=partner.city,
                    province=partner.province,
                    is_lead=index == 0,
                    facility=partner,
                    company=partner.company,
                    link_status=LinkStatus.LINKED,
                    match_score=1.0,
                )
            made.append(project)
        return made

    def referrals(self, programs: list[FundingProgram], summary: ProgramsDemoSummary) -> None:
        calls = list(
            Call.objects.filter(
                status=CallStatus.COMPLETED,
                facility__is_fictional=True,
                planned_by__isnull=False,
                scheduled_on__lt=self.today,
            )
            .select_related("facility__municipality", "organisation", "planned_by")
            .order_by("-scheduled_on", "pk")
        )
        statuses = (
            [ReferralStatus.FUNDED] * 5
            + [ReferralStatus.APPLIED] * 3
            + [
                ReferralStatus.REFERRED,
                ReferralStatus.REFERRED,
                ReferralStatus.DECLINED,
                ReferralStatus.WITHDRAWN,
            ]
        )
        done: set[int] = set()
        for call in calls:
            if len(done) >= REFERRALS:
                break
            fits = [
                p
                for p in programs
                if evaluate(p.eligibility, facts_for(call.facility)).status == ELIGIBLE
            ]
            if call.facility_id in done or not fits:
                continue
            program = fits[len(done) % len(fits)]
            status = statuses[len(done) % len(statuses)]
            officer = call.planned_by
            referred_on = call.scheduled_on + dt.timedelta(days=self.rng.randint(1, 10))
            self._consent(call, program, referred_on)
            follow_up = follow_ups.add_follow_up(
                officer,
                facility=call.facility,
                owner_organisation=call.organisation,
                owner=officer,
                due_on=call.scheduled_on + dt.timedelta(days=14),
                category="funding",
                call=call,
                description=f"Send the {program} information and introduce the program's staff",
            )
            project = None
            if status == ReferralStatus.FUNDED:
                project = self._funded(program, call)
                summary.funded_from_referrals += 1
            Referral.objects.create(
                facility=call.facility,
                program=program,
                follow_up=follow_up,
                organisation=call.organisation,
                referred_to=program.delivered_by,
                referred_on=referred_on,
                status=status,
                application_ref=f"APP-{call.pk:05d}" if status != ReferralStatus.REFERRED else "",
                applied_on=call.scheduled_on + dt.timedelta(days=30)
                if status not in (ReferralStatus.REFERRED, ReferralStatus.WITHDRAWN)
                else None,
                funded_project=project,
                recorded_by=officer,
                notes="Fictional demo referral.",
            )
            done.add(call.facility_id)
            summary.referrals += 1

    def _consent(self, call: Call, program: FundingProgram, referred_on: dt.date) -> None:
        """The company agrees on the call to be introduced to the program's delivery partner
        (as ``referrals.record_referral`` requires of every referral to a partner)."""
        partner = program.delivered_by
        if partner is None or call.consents_to(partner):
            return
        officer = call.planned_by
        with change_context(user=officer, source="demo"):
            recording.record_consent(
                officer,
                call,
                call.consent_on or call.scheduled_on,
                sorted({*(call.consent_scope or []), str(partner.kind)}),
                call.consent_note or f"Agreed to be introduced to {partner.label} for {program}",
            )
        found = consenting_call(
            officer,
            facility=call.facility,
            organisation=call.organisation,
            partner=partner,
            on=referred_on,
        )
        if found is None:
            raise ValueError(f"demo referral of {call.facility} has no consent on its call")

    def _funded(self, program: FundingProgram, call: Call) -> FundedProject:
        """The project a referral led to: approved some weeks after the call."""
        _count, money, leverage, jobs, tags = PLAN.get(program.key, PLAN["o-amp"])
        contribution = round(self.rng.randint(*money), -3)
        approved = min(self.today, call.scheduled_on + dt.timedelta(days=self.rng.randint(45, 120)))
        project = FundedProject.objects.create(
            program=program,
            title=f"{WORDS[tags[0]]} at {call.facility.name}",
            description="Fictional demo project, from a referral after a corporate call.",
            municipality=call.facility.municipality,
            contribution=contribution,
            total_value=round(contribution * self.rng.uniform(*leverage), -3),
            jobs_created_expected=max(1, round(contribution / 1_000_000 * self.rng.randint(*jobs))),
            jobs_retained_expected=self.rng.randint(5, 40),
            technology_tags=[tags[0]],
            status=ProjectStatus.APPROVED,
            approved_on=approved,
            source="demo",
            is_demo=True,
        )
        ProjectRecipient.objects.create(
            project=project,
            name=call.facility.company.name,
            city=call.facility.city,
            province=call.facility.province,
            facility=call.facility,
            company=call.facility.company,
            link_status=LinkStatus.LINKED,
            match_score=1.0,
        )
        return project


def build_demo(
    progress: Callable[[str], None] | None = None, *, today: dt.date | None = None
) -> ProgramsDemoSummary:
    summary = ProgramsDemoSummary()
    with change_context(source="demo"):
        loaded = load_programs()
    summary.programs = loaded.created + loaded.updated
    with system_scope("demo programs"), change_context(source="demo"), transaction.atomic():
        if FundedProject.all_objects.filter(is_demo=True).exists():
            summary.skipped = True
            if progress:
                progress("programs: the demo projects are already there")
            return summary
        builder = _Builder(today or timezone.localdate())
        programs = list(FundingProgram.objects.filter(key__in=PLAN).order_by("key"))
        for program in programs:
            summary.projects += len(builder.projects(program))
        builder.referrals(programs, summary)
        summary.projects += summary.funded_from_referrals
    if progress:
        progress(
            f"programs: {summary.programs} programs loaded, {summary.projects} demo funded "
            f"projects, {summary.referrals} referrals ({summary.funded_from_referrals} funded)"
        )
    return summary
