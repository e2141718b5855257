"""Demo corporate calls: 18 months of the member municipalities' visits to the demo registry.

About 400 calls (``CALLS``) are made by each municipality's demo officer
(``edo.<town>``) on the facilities it leads, and by the coordinator on plants no
member municipality leads, through the real services: ``plan_call``,
``save_answers(..., complete=True, today=<the call's day>)``, ``record_consent``,
``add_follow_up`` (referrals to partners included) and ``complete_follow_up``,
so every flag, follow-up and history record is one the application raised
itself. On top of that:

* the running campaign "Automotive focus, 6 months" (started about four months
  ago) targets ~150 automotive facilities (NAICS 3361, 3362, 3363), about half
  of them called so far;
* a few lead reassignments by the coordinator;
* planned calls in the coming six weeks, and exactly one conflict: a plan by a
  municipality that does not lead the facility, waiting for approval;
* most older follow-ups done, some left overdue.

Everything is drawn from a fixed seed, so two databases built on the same day
hold the same calls. The services stamp "now" on what they create; the demo
then moves those stamps (``completed_at``, ``created_at``, ``done_at``, …) back
to the simulated days so that dashboards spread over the 18 months. Idempotent:
if the demo campaign exists, nothing is added.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.calls import follow_ups, leads, planning, recording
from corridor.calls.leads import Lead
from corridor.calls.models import (
    Approval,
    Call,
    CallStatus,
    Campaign,
    Flag,
    FlagStatus,
    FollowUp,
    FollowUpStatus,
    Severity,
)
from corridor.core.demo import COORDINATOR_OFFICE, municipality_username
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, Tier

SEED = 2026
CALLS = 400
CAMPAIGN = "Automotive focus, 6 months"
CAMPAIGN_TARGETS = 150
AUTOMOTIVE_NAICS = ("3361", "3362", "3363")
HISTORY_DAYS = 548  # 18 months
PLANNED_SHARE = 0.06  # of all calls: planned in the coming six weeks
SOURCE = "demo"

OCCUPATIONS = (
    "Industrial mechanic (millwright)",
    "Tool and die maker",
    "Welder",
    "CNC machinist",
    "Industrial electrician",
    "Robotics technician",
    "Mould maker",
    "Quality control technician",
    "Maintenance planner",
    "Production supervisor",
    "Electrical engineer",
    "Materials handler",
)
HEADQUARTERS = {
    "canadian_private": ("{town}, Canada",),
    "family": ("{town}, Canada",),
    "canadian_public": ("Aurora, Canada", "Toronto, Canada", "Concord, Canada"),
    "foreign": (
        "Troy, Michigan, United States",
        "Auburn Hills, Michigan, United States",
        "Stuttgart, Germany",
        "Toyota City, Japan",
        "Monterrey, Mexico",
        "Changwon, South Korea",
        "Graz, Austria",
    ),
    "other": ("{town}, Canada",),
}
RISK_NOTES = {
    "relocation": (
        "Parent company is comparing this plant with a site in {elsewhere} for the next program.",
        "Lease costs and power rates are pushing the owners to consolidate in {elsewhere}.",
    ),
    "closure": (
        "Volumes on the current platform end in {year}; no replacement work awarded yet.",
        "Tariff uncertainty: a shift may be cut if the customer moves sourcing to {elsewhere}.",
    ),
}
ELSEWHERE = ("Ohio", "Michigan", "Tennessee", "Mexico", "Indiana")
OUTSIDE_INPUTS = (
    "Aluminium die castings now bought from Mexico",
    "Injection-moulded clips and fasteners from Ohio",
    "Heat treating sent to Michigan",
    "Wire harness sub-assemblies from Mexico",
    "Powder coating done in Indiana",
    "Precision springs bought from Germany",
)
TRAINING_NEEDS = (
    "PLC programming for maintenance staff",
    "Lean manufacturing for team leads",
    "Robot programming (FANUC) for two technicians",
    "High-voltage safety for EV battery work",
    "GD&T and CMM for quality staff",
)
EXPANSION_NOTES = (
    "New press line for EV battery enclosures, 2027.",
    "Adding a second shift and 20,000 sq ft of warehouse space.",
    "Bringing machining in-house for a new Tier 1 contract.",
    "Automation cell for welding; looking at land next door.",
)
NOTES = (
    "Plant manager keen on a follow-up tour with the mayor.",
    "Asked about the region's newcomer-employment programs.",
    "Would host a co-op student in the fall term.",
    "Interested in joining the regional supplier day.",
    "",
    "",
)
OUTCOMES = (
    "Met the plant manager; next steps agreed.",
    "Information package sent and acknowledged.",
    "Introduction made; the company has a meeting booked.",
    "Company says the issue is resolved for now.",
    "Referred on; the partner confirmed contact.",
)


@dataclass
class CallsDemoSummary:
    calls: int = 0
    completed: int = 0
    planned: int = 0
    pending: int = 0
    flags: int = 0
    red_flags: int = 0
    follow_ups: int = 0
    overdue: int = 0
    coverage: int = 0
    skipped: bool = False


@dataclass
class _Cast:
    """The demo's people and organisations."""

    coordinator: User
    office: Organisation
    officers: dict[int, User]  # municipal organisation id -> its demo officer
    municipal: dict[int, Organisation]  # place (Municipality) id -> its organisation
    partners: dict[str, Organisation]  # short name -> partner organisation
    partner_editors: dict[int, User]  # partner organisation id -> a partner editor
    mayors: dict[int, User] = field(default_factory=dict)  # organisation id -> its mayor


def _cast() -> _Cast | None:
    office = Organisation.objects.filter(name=COORDINATOR_OFFICE).first()
    coordinator = User.objects.filter(username="coordinator").first()
    if office is None or coordinator is None:
        return None
    municipal: dict[int, Organisation] = {}
    officers: dict[int, User] = {}
    mayors: dict[int, User] = {}
    municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    for organisation in municipalities.select_related("municipality").order_by("pk"):
        place = organisation.municipality
        if place is None:
            continue
        officer = User.objects.filter(username=municipality_username(place.name)).first()
        if officer is None:
            continue
        municipal.setdefault(place.pk, organisation)
        officers[organisation.pk] = officer
        mayor = User.objects.filter(username=f"mayor.{officer.username.removeprefix('edo.')}")
        if mayor.exists():
            mayors[organisation.pk] = mayor.get()
    partners = {
        o.short_name: o
        for o in Organisation.objects.exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]
        ).filter(is_demo=True)
    }
    partner_editors: dict[int, User] = {}
    for organisation in partners.values():
        editor = (
            User.objects.filter(
                memberships__organisation=organisation,
                memberships__role="editor",
                memberships__deleted_at__isnull=True,
            )
            .order_by("pk")
            .first()
        )
        if editor is not None:
            partner_editors[organisation.pk] = editor
    return _Cast(coordinator, office, officers, municipal, partners, partner_editors, mayors)


class _Demo:
    def __init__(self, cast: _Cast, total: int, today: dt.date, progress: Any) -> None:
        self.cast = cast
        self.total = total
        self.today = today
        self.rng = random.Random(SEED)
        self.progress = progress
        self.summary = CallsDemoSummary()
        self.facilities = list(
            Facility.objects.select_related("municipality", "company").order_by("pk")
        )
        self.by_pk = {f.pk: f for f in self.facilities}
        self.leads: dict[int, Lead] = {}
        self.days: dict[int, dt.date] = {}  # call id -> its simulated day
        self.done_days: dict[int, dt.date] = {}  # follow-up id -> the day it was done

    # who does what

    def as_user(self, user: User) -> Any:
        return change_context(user=user, source=SOURCE)

    def officer_of(self, organisation: Organisation | None) -> User | None:
        return self.cast.officers.get(organisation.pk) if organisation is not None else None

    def caller(self, facility: Facility) -> tuple[User, Organisation]:
        lead = self.leads[facility.pk].organisation
        officer = self.officer_of(lead)
        if lead is not None and officer is not None:
            return officer, lead
        return self.cast.coordinator, self.cast.office

    # the plan of the 18 months

    def run(self) -> CallsDemoSummary:
        self.reassign_leads()
        self.leads = leads.leads_for(self.facilities)
        campaign = self.campaign()
        planned = max(2, round(self.total * PLANNED_SHARE))
        past = self.total - planned - 1
        # calls spread over 18 months, busier since the campaign started
        in_campaign_days = (self.today - campaign.starts_on).days
        days = sorted(
            self.today
            - dt.timedelta(
                days=self.rng.randint(2, in_campaign_days)
                if self.rng.random() < 0.1
                else self.rng.randint(2, HISTORY_DAYS)
            )
            for _ in range(past)
        )
        targets = list(campaign.targets.order_by("pk"))
        uncalled = [t for t in targets if self.caller(t)[0] is not self.cast.coordinator]
        self.rng.shuffle(uncalled)
        no_lead = [t for t in targets if t not in uncalled]
        self.rng.shuffle(no_lead)
        for number, day in enumerate(days, 1):
            in_campaign = campaign.starts_on <= day <= campaign.ends_on
            facility = self.pick(in_campaign, uncalled, no_lead)
            self.past_call(facility, day, campaign if in_campaign else None)
            if self.progress and number % 100 == 0:
                self.progress(f"calls: {number} of {past} past calls made")
        self.future_calls(planned, campaign, targets)
        self.conflict()
        self.finish_follow_ups()
        self.backdate()
        return self.summary

    def pick(self, in_campaign: bool, uncalled: list[Facility], no_lead: list[Facility]) -> Any:
        if in_campaign and uncalled and self.rng.random() < 0.7:
            return uncalled.pop()
        if in_campaign and no_lead and self.rng.random() < 0.35:
            return no_lead.pop()
        return self.rng.choices(self.facilities, weights=self.weights)[0]

    @property
    def weights(self) -> list[float]:
        cached: list[float] | None = getattr(self, "_weights", None)
        if cached is None:
            cached = []
            for f in self.facilities:
                weight = 1.0 if self.leads[f.pk].organisation is not None else 0.05
                if f.tier == Tier.OEM:
                    weight *= 8
                elif f.tier == Tier.TIER1:
                    weight *= 2.5
                if f.naics.startswith(AUTOMOTIVE_NAICS):
                    weight *= 1.5
                cached.append(weight)
            self._weights = cached
        return cached

    def reassign_leads(self) -> None:
        """A few facilities get a lead from the coordinator: plants outside the member
        municipalities go to a neighbour, and one plant moves to the town that knows it."""
        neighbours = {
            "Mississauga": "Brampton",
            "Markham": "Vaughan",
            "Burlington": "Oakville",
            "Barrie": "New Tecumseth",
            "Leamington": "Lakeshore",
            "LaSalle": "Windsor",
        }
        municipal_by_name = {
            o.municipality.name: o for o in self.cast.municipal.values() if o.municipality
        }
        with self.as_user(self.cast.coordinator):
            for town, lead_town in neighbours.items():
                organisation = municipal_by_name.get(lead_town)
                plant = next(
                    (
                        f
                        for f in self.facilities
                        if f.municipality is not None
                        and f.municipality.name == town
                        and f.naics.startswith(AUTOMOTIVE_NAICS)
                    ),
                    None,
                )
                if organisation is None or plant is None:
                    continue
                leads.assign_lead(
                    self.cast.coordinator,
                    plant,
                    organisation,
                    f"No member municipality in {town}; {lead_town} is next door.",
                )
            windsor = municipal_by_name.get("Windsor")
            tecumseh_plant = next(
                (
                    f
                    for f in self.facilities
                    if f.municipality is not None and f.municipality.name == "Tecumseh"
                ),
                None,
            )
            if windsor is not None and tecumseh_plant is not None:
                leads.assign_lead(
                    self.cast.coordinator,
                    tecumseh_plant,
                    windsor,
                    "Windsor's team has the relationship with the parent company.",
                )

    def campaign(self) -> Campaign:
        starts = self.today - dt.timedelta(days=120)
        automotive = [f for f in self.facilities if f.naics.startswith(AUTOMOTIVE_NAICS)]
        targets = (
            self.rng.sample(automotive, CAMPAIGN_TARGETS)
            if len(automotive) > CAMPAIGN_TARGETS
            else automotive
        )
        with self.as_user(self.cast.coordinator):
            campaign = Campaign.objects.create(
                name=CAMPAIGN,
                focus=(
                    "Visit every vehicle assembler and parts maker in the corridor: "
                    "EV-program readiness, tariff exposure, skilled-trades shortages, and "
                    "the Ontario programs that can help them stay and grow."
                ),
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=182),
                created_by=self.cast.coordinator,
            )
            campaign.targets.set(targets)
        return campaign

    # one call

    def past_call(self, facility: Facility, day: dt.date, campaign: Campaign | None) -> None:
        rng = self.rng
        officer, organisation = self.caller(facility)
        lead = self.leads[facility.pk].organisation
        roll = rng.random()
        if roll < 0.02 and organisation != self.cast.office and lead is not None:
            # a neighbour plans on the lead's facility: the lead approves (or declines)
            neighbour = self.neighbour_of(lead)
            if neighbour is not None:
                self.approved_call(facility, day, campaign, neighbour, lead, decline=roll < 0.005)
                return
        with self.as_user(officer):
            call = planning.plan_call(
                officer,
                facility,
                organisation,
                day,
                starts_at=dt.time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30))),
                purpose=self.purpose(campaign),
                campaign=campaign,
                participants=self.participants(officer, organisation),
                partner_organisations=self.visiting_partners(),
            )
            self.days[call.pk] = day
            self.summary.calls += 1
            if roll > 0.97:
                planning.cancel_call(officer, call)
                return
        self.complete(call, officer, day)

    def neighbour_of(self, lead: Organisation) -> Organisation | None:
        others = [o for o in self.cast.municipal.values() if o.pk != lead.pk]
        region = lead.municipality.economic_region if lead.municipality else ""
        near = [o for o in others if o.municipality and o.municipality.economic_region == region]
        choices = near or others
        return self.rng.choice(choices) if choices else None

    def approved_call(
        self,
        facility: Facility,
        day: dt.date,
        campaign: Campaign | None,
        planner: Organisation,
        lead: Organisation,
        *,
        decline: bool,
    ) -> None:
        officer = self.cast.officers[planner.pk]
        lead_officer = self.cast.officers.get(lead.pk, self.cast.coordinator)
        with self.as_user(officer):
            call = planning.plan_call(
                officer,
                facility,
                planner,
                day,
                purpose="Joint interest: the company's owner also runs a plant in our town",
                campaign=campaign,
            )
        self.days[call.pk] = day
        self.summary.calls += 1
        with self.as_user(lead_officer):
            if decline:
                planning.decline_call(lead_officer, call, "We visited them last month.")
                return
            planning.approve_call(lead_officer, call, "Fine by us; share what you learn.")
        self.complete(call, officer, day)

    def purpose(self, campaign: Campaign | None) -> str:
        if campaign is not None:
            return "Automotive focus campaign visit"
        return self.rng.choice(
            (
                "Annual business-retention visit",
                "Follow-up on expansion plans",
                "Introductory visit with the new plant manager",
                "Workforce and training needs",
                "Tariff impacts and supply chain",
            )
        )

    def participants(self, officer: User, organisation: Organisation) -> list[User]:
        people = [officer]
        mayor = self.cast.mayors.get(organisation.pk)
        if mayor is not None and self.rng.random() < 0.25:
            people.append(mayor)
        return people

    def visiting_partners(self) -> list[Organisation]:
        apma = self.cast.partners.get("APMA")
        return [apma] if apma is not None and self.rng.random() < 0.05 else []

    def complete(self, call: Call, officer: User, day: dt.date) -> None:
        answers = self.answers(self.by_pk[call.facility_id], day)
        with self.as_user(officer):
            errors = recording.save_answers(officer, call, answers, complete=True, today=day)
            if errors:
                raise ValueError(f"demo answers do not read: {errors}")
            self.summary.completed += 1
            with system_scope("the demo acts on the flags its call raised"):
                flags = [
                    f
                    for f in Flag.objects.filter(call=call).order_by("pk")
                    if f.severity == Severity.YELLOW and self.rng.random() < 0.55
                ]
            referrals = {f.pk: self.referral_partner(f) for f in flags}
            kinds = {p.kind for p in referrals.values() if p is not None}
            if kinds or self.rng.random() < 0.15:
                # the company agrees to be referred (to whom the visit needs, or generally)
                recording.record_consent(
                    officer,
                    call,
                    day,
                    sorted(kinds or {"association", "college"}),
                    "Agreed at the end of the visit",
                )
            for flag in flags:
                self.follow_up(call, flag, referrals[flag.pk], officer, day)

    def referral_partner(self, flag: Flag) -> Organisation | None:
        wanted = {
            "workforce": self.rng.choice(("Conestoga", "Unifor", "Conestoga")),
            "local_supplier": "APMA",
            "expansion": "MEDJCT",
        }.get(flag.category)
        if wanted and wanted in self.cast.partners and self.rng.random() < 0.5:
            return self.cast.partners[wanted]
        return None

    def follow_up(
        self, call: Call, flag: Flag, partner: Organisation | None, officer: User, day: dt.date
    ) -> None:
        """A follow-up on a yellow flag, possibly a referral to a partner."""
        category = {
            "workforce": "workforce",
            "expansion": "site_selection",
            "local_supplier": "suppliers",
            "permits_infrastructure": "permits",
            "ownership_change": "retention",
            "relocation_closure": "retention",
        }.get(flag.category, "information")
        description = {
            "workforce": "Connect the company with training for its hard-to-fill trades",
            "site_selection": "Send available industrial land and buildings nearby",
            "suppliers": "Introduce local suppliers for the inputs now bought elsewhere",
            "permits": "Set up a meeting with planning and the utility",
            "retention": "Check in with the owners on their plans",
        }.get(category, "Send the information promised on the visit")
        if partner is not None:
            description = f"Referral to {partner.label}: {description[0].lower()}{description[1:]}"
        follow_ups.add_follow_up(
            officer,
            facility=call.facility,
            owner_organisation=call.organisation,
            owner=officer,
            due_on=day + dt.timedelta(days=self.rng.randint(10, 40)),
            category=category,
            description=description,
            call=call,
            flag=flag,
            referral_to=partner,
        )

    # the coming weeks

    def future_calls(self, count: int, campaign: Campaign, targets: list[Facility]) -> None:
        with system_scope("the demo plans around calls already planned"):
            busy = set(
                Call.objects.filter(status=CallStatus.PLANNED).values_list("facility_id", flat=True)
            )
        candidates = [t for t in targets if t.pk not in busy] + [
            f for f in self.facilities if f.pk not in busy
        ]
        made = 0
        for facility in candidates:
            if made >= count:
                break
            officer, organisation = self.caller(facility)
            if organisation == self.cast.office or facility.pk in busy:
                continue
            busy.add(facility.pk)
            day = self.today + dt.timedelta(days=self.rng.randint(1, 42))
            with self.as_user(officer):
                call = planning.plan_call(
                    officer,
                    facility,
                    organisation,
                    day,
                    starts_at=dt.time(self.rng.choice((9, 10, 13, 14)), 0),
                    purpose=self.purpose(campaign if facility in targets else None),
                    campaign=campaign if facility in targets else None,
                    participants=self.participants(officer, organisation),
                )
            self.days[call.pk] = self.today - dt.timedelta(days=self.rng.randint(0, 10))
            self.summary.calls += 1
            self.summary.planned += 1
            made += 1
        self.busy = busy

    def conflict(self) -> None:
        """Exactly one plan waiting for approval: a neighbour on a plant it does not lead."""
        by_tier = sorted(
            (f for f in self.facilities if f.pk not in self.busy),
            key=lambda f: (f.tier != Tier.OEM, -(f.employees or 0), f.pk),
        )
        for facility in by_tier:
            lead = self.leads[facility.pk].organisation
            neighbour = self.neighbour_of(lead) if lead is not None else None
            if neighbour is None or neighbour.pk not in self.cast.officers:
                continue
            officer = self.cast.officers[neighbour.pk]
            with self.as_user(officer):
                call = planning.plan_call(
                    officer,
                    facility,
                    neighbour,
                    self.today + dt.timedelta(days=16),
                    purpose="Supplier day follow-up: several of our suppliers ship to this plant",
                )
            assert call.approval == Approval.PENDING
            self.days[call.pk] = self.today - dt.timedelta(days=2)
            self.summary.calls += 1
            self.summary.planned += 1
            self.summary.pending += 1
            return

    # after the visits

    def finish_follow_ups(self) -> None:
        """Most follow-ups due a week ago or more are done; the rest stay overdue.
        Older yellow flags with nothing to follow up are closed."""
        rng = self.rng
        cutoff = self.today - dt.timedelta(days=7)
        with system_scope("the demo completes its own follow-ups"):
            items = list(
                FollowUp.objects.filter(status=FollowUpStatus.OPEN, due_on__lt=cutoff)
                .select_related("owner", "referral_to", "flag", "call", "owner_organisation")
                .order_by("due_on", "pk")
            )
        for item in items:
            if rng.random() < 0.1:
                continue  # left overdue
            partner_editor = self.cast.partner_editors.get(item.referral_to_id or 0)
            who = partner_editor if partner_editor is not None and rng.random() < 0.5 else None
            who = who or item.owner or self.cast.officers.get(item.owner_organisation_id)
            who = who or self.cast.coordinator
            with self.as_user(who):
                follow_ups.complete_follow_up(who, item, rng.choice(OUTCOMES))
            self.done_days[item.pk] = item.due_on - dt.timedelta(days=rng.randint(0, 6))
        with system_scope("the demo closes older yellow flags"):
            quiet = list(
                Flag.objects.filter(
                    status=FlagStatus.OPEN, severity=Severity.YELLOW, respond_by__lt=cutoff
                )
                .exclude(follow_ups__isnull=False)
                .select_related("organisation")
                .order_by("pk")
            )
        for flag in quiet:
            if rng.random() < 0.25:
                continue
            officer = self.cast.officers.get(flag.organisation_id, self.cast.coordinator)
            with self.as_user(officer):
                follow_ups.close_flag(officer, flag)

    def backdate(self) -> None:
        """Move the stamps the services set to "now" back to the simulated days."""

        def at(day: dt.date, hour: int = 15) -> dt.datetime:
            return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))

        with system_scope("the demo dates its calls on their simulated days"):
            for call in Call.objects.filter(pk__in=list(self.days)).only(
                "pk", "scheduled_on", "status", "approval"
            ):
                planned_on = min(self.days[call.pk], call.scheduled_on) - dt.timedelta(
                    days=self.rng.randint(3, 20)
                )
                if call.scheduled_on > self.today:
                    planned_on = self.days[call.pk]
                values: dict[str, Any] = {"created_at": at(planned_on, 10)}
                if call.status == CallStatus.COMPLETED:
                    values["completed_at"] = at(call.scheduled_on, 16)
                if call.approval not in (Approval.NOT_NEEDED, Approval.PENDING):
                    values["decided_at"] = at(planned_on + dt.timedelta(days=1), 11)
                Call.objects.filter(pk=call.pk).update(**values)
            called = list(self.days)
            for pk, day, status, respond_by in Flag.objects.filter(call_id__in=called).values_list(
                "pk", "call__scheduled_on", "status", "respond_by"
            ):
                values = {"created_at": at(day, 17)}
                if status == FlagStatus.CLOSED:
                    values["closed_at"] = at(min(respond_by, self.today), 12)
                Flag.objects.filter(pk=pk).update(**values)
            for pk, day in FollowUp.objects.filter(call_id__in=called).values_list(
                "pk", "call__scheduled_on"
            ):
                values = {"created_at": at(day, 17)}
                if pk in self.done_days:
                    values["done_at"] = at(min(max(self.done_days[pk], day), self.today), 14)
                FollowUp.objects.filter(pk=pk).update(**values)
            flags = Flag.objects.filter(call_id__in=list(self.days))
            self.summary.flags = flags.count()
            self.summary.red_flags = flags.filter(severity=Severity.RED).count()
            mine = FollowUp.objects.filter(call_id__in=list(self.days))
            self.summary.follow_ups = mine.count()
            self.summary.overdue = mine.filter(
                status=FollowUpStatus.OPEN, due_on__lt=self.today
            ).count()

    # what the company said

    def answers(self, facility: Facility, day: dt.date) -> dict[str, Any]:
        rng = self.rng
        town = facility.municipality.name if facility.municipality else facility.city
        ownership = (
            "foreign"
            if facility.tier == Tier.OEM
            else rng.choices(
                ["canadian_private", "family", "foreign", "canadian_public", "other"],
                [40, 22, 25, 10, 3],
            )[0]
        )
        now = facility.employees or rng.choice((25, 40, 60, 85, 120, 180, 250, 400))
        trend = rng.choices(["growing", "stable", "declining"], [40, 42, 18])[0]
        shrinking = trend == "declining" and rng.random() < 0.3
        if shrinking:
            later = int(now * rng.uniform(0.6, 0.85))
        elif trend == "growing":
            later = int(now * rng.uniform(1.02, 1.3)) + 1
        else:
            later = int(now * rng.uniform(0.96, 1.05))
        a: dict[str, Any] = {
            "snapshot.ownership": ownership,
            "snapshot.headquarters": rng.choice(HEADQUARTERS[ownership]).format(town=town),
            "snapshot.products": facility.products or "Automotive parts and assemblies",
            "snapshot.main_customers": facility.oem_customers
            or rng.choice(("Tier 1 suppliers", "Magna, Linamar", "Ford, GM", "Stellantis")),
            "snapshot.employees_now": str(now),
            "snapshot.employees_3y": str(max(later, 1)),
            "outlook.sales_trend": trend,
        }
        invests = trend != "declining" and rng.random() < 0.3
        a["outlook.capital_investment"] = "yes" if invests else "no"
        if invests:
            amount = rng.choice((150_000, 400_000, 750_000, 1_500_000, 4_000_000, 12_000_000))
            a["outlook.capital_investment_amount"] = str(amount)
        expands = trend == "growing" and rng.random() < 0.55
        a["outlook.expansion_plans"] = "yes" if expands else "no"
        if expands:
            where = rng.choices(
                ["here", "corridor", "ontario", "outside_ontario", "undecided"],
                [55, 15, 8, 5, 17],
            )[0]
            a["outlook.expansion_where"] = where
            a["outlook.expansion_notes"] = rng.choice(EXPANSION_NOTES)
        # risks: a small share
        relocation = rng.random() < 0.03
        closure = (trend == "declining" and rng.random() < 0.15) or rng.random() < 0.01
        a["risks.relocation"] = "yes" if relocation else "no"
        a["risks.closure_downsizing"] = "yes" if closure else "no"
        a["risks.ownership_change"] = "yes" if rng.random() < 0.06 else "no"
        if rng.random() < 0.25:  # leased: when the lease ends
            a["risks.lease_expiry"] = (day + dt.timedelta(days=30 * rng.randint(4, 84))).isoformat()
        if relocation or closure:
            kind = "relocation" if relocation else "closure"
            a["risks.risk_notes"] = rng.choice(RISK_NOTES[kind]).format(
                elsewhere=rng.choice(ELSEWHERE), year=self.today.year + 1
            )
        # workforce: shortages are common
        if rng.random() < 0.6:
            rows = []
            for occupation in rng.sample(OCCUPATIONS, rng.choice((1, 1, 2, 2, 3))):
                rows.append({"occupation": occupation, "count": rng.choice((1, 2, 2, 3, 4, 5))})
            a["workforce.hard_to_fill"] = rows
        if rng.random() < 0.4:
            a["workforce.training_needs"] = rng.choice(TRAINING_NEEDS)
        if rng.random() < 0.15:
            a["supply_chain.outside_inputs"] = rng.choice(OUTSIDE_INPUTS)
            a["supply_chain.outside_inputs_value"] = str(rng.choice((80_000, 250_000, 900_000)))
        stages = ["none", "exploring", "investing", "producing"]
        a["technology.electrification"] = rng.choices(stages, [30, 35, 20, 15])[0]
        a["technology.lightweighting"] = rng.choices(stages, [40, 30, 20, 10])[0]
        a["technology.automation"] = rng.choices(stages, [10, 30, 40, 20])[0]
        a["technology.connectivity"] = rng.choices(stages, [60, 25, 10, 5])[0]
        a["government.programs_of_interest"] = rng.sample(
            [
                "technology_adoption",
                "lean_training",
                "rd",
                "commercialisation",
                "capital",
                "skills",
            ],
            rng.randint(0, 3),
        )
        a["government.permits_barrier"] = "yes" if rng.random() < 0.06 else "no"
        a["government.infrastructure_barrier"] = "yes" if rng.random() < 0.05 else "no"
        a["government.energy_barrier"] = "yes" if rng.random() < 0.2 else "no"
        a["government.trade_concern"] = "yes" if rng.random() < 0.45 else "no"
        for key in ("labour", "land", "permits", "utilities", "taxes", "transport"):
            low = key in ("permits", "utilities") and rng.random() < 0.04
            a[f"ratings.{key}"] = str(rng.randint(1, 2) if low else rng.randint(3, 5))
        a["ratings.quality_of_life"] = str(rng.randint(3, 5))
        note = rng.choice(NOTES)
        if note:
            a["notes.notes"] = note
        return a


def build_demo(
    progress: Callable[[str], None] | None = None,
    *,
    calls: int = CALLS,
    today: dt.date | None = None,
) -> CallsDemoSummary:
    """Add the demo calls (after the core and registry demos). Call inside a system scope."""
    with system_scope("demo calls"):
        if Campaign.all_objects.filter(name=CAMPAIGN).exists():
            if progress:
                progress("calls: the demo calls are already there")
            return CallsDemoSummary(skipped=True)
        cast = _cast()
        if cast is None or not Facility.objects.exists():
            if progress:
                progress("calls: no demo organisations or facilities; no calls made")
            return CallsDemoSummary(skipped=True)
        demo = _Demo(cast, calls, today or timezone.localdate(), progress)
        with transaction.atomic():
            summary = demo.run()
        campaign = Campaign.objects.get(name=CAMPAIGN)
        from corridor.calls.campaigns import coverage

        total, _rows = coverage(campaign)
        summary.coverage = total.percent
    if progress:
        progress(
            f"calls: {summary.calls} calls ({summary.planned} planned, {summary.pending} waiting "
            f"for approval), {summary.flags} flags ({summary.red_flags} red), "
            f"{summary.follow_ups} follow-ups ({summary.overdue} overdue); "
            f"campaign coverage {summary.coverage}%"
        )
    return summary
