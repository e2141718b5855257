"""Demo investment attraction and retention (fictional): see docs/attraction.md, "The demo".

The pipeline's story: Windsor Assembly's die-cast battery enclosures have no supplier
within 150 km (``corridor/supplychain/demo.py``), so the City of Windsor's officer works
the gap as a prospect: a die-caster from outside the region, weighing Michigan and
Tennessee, identified seven months ago, contacted, visited, sent a proposal, and won
twelve days ago with its investment and jobs. Around it, prospects of other
municipalities and of the coordinator office at every stage: one from a demo
announcement of the intelligence, one expansion of a demo plant in Oshawa, one lost with
its reason, some shared with the corridor. Everything goes through
``corridor/attraction/services.py`` as the officers' work (the history says so), every
prospect is ``is_fictional``; if a fictional prospect exists, nothing is added.

The risk list's demo (``demo_risk.build_demo_risk``) runs after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.attraction import services
from corridor.attraction.demo_risk import build_demo_risk
from corridor.attraction.models import Prospect, Stage
from corridor.core.demo import municipality_username
from corridor.core.history import change_context
from corridor.core.models import Municipality, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.supplychain.models import Capability

SOURCE = "demo"
COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Move:
    stage: str
    days_ago: int
    note: str = ""
    outcome_reason: str = ""
    won_investment: int | None = None
    won_jobs: int | None = None


@dataclass(frozen=True)
class Story:
    officer: str  # a municipality's name (its demo officer) or "coordinator"
    name: str
    started_days_ago: int
    moves: tuple[Move, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    capability: str = ""
    lands_in: str = ""
    from_fact: str = ""  # a word of a demo announcement's recipient
    expansion_in: str = ""  # a municipality with a demo plant that would expand


BATTERY_ENCLOSURES = Story(
    "Windsor",
    "Keystone Die Casting Inc. (fictional)",
    210,
    (
        Move(Stage.CONTACTED, 182, "First call with the vice-president, operations"),
        Move(Stage.VISIT, 126, "Toured three sites near the Assembly plant with the CEO"),
        Move(Stage.PROPOSAL, 84, "Sent the site, labour and supplier-base proposal"),
        Move(Stage.DECISION, 47, "Board vote expected within six weeks"),
        Move(
            Stage.WON,
            12,
            "Chose Windsor: the buyer next door and the die-casting trades program",
            outcome_reason="suppliers",
            won_investment=78_000_000,
            won_jobs=190,
        ),
    ),
    {
        "source": "gap",
        "source_note": "The gap analysis: Windsor Assembly's enclosures come from Mexico",
        "summary": "A family-owned die-caster from Ohio (fictional) supplying battery "
        "enclosures to two US assembly plants; wants a plant within a day's trucking of "
        "Windsor Assembly, 12 acres, 8 MW of power.",
        "estimated_investment": 85_000_000,
        "estimated_jobs": 220,
        "competing_jurisdictions": "Michigan; Tennessee",
        "shared": True,
    },
    capability="battery-enclosure",
    lands_in="Windsor",
)

OTHER_STORIES: tuple[Story, ...] = (
    Story(
        "Oshawa",
        "",  # the announcement's recipient
        60,
        (
            Move(Stage.CONTACTED, 41, "Call with the site-selection consultant"),
            Move(Stage.VISIT, 9, "Hosted the delegation at two sites in Durham"),
        ),
        {
            "source": "announcement",
            "summary": "After its Ohio plant, the company looks for a second motor plant "
            "close to Canadian assembly.",
            "competing_jurisdictions": "Ohio; Quebec",
            "next_step": "Send the power-rate comparison",
            "next_step_due": 5,
            "shared": True,
        },
        capability="power-electronics",
        lands_in="Oshawa",
        from_fact="Maumee",
    ),
    Story(
        "Oshawa",
        "",  # the plant's name
        75,
        (
            Move(Stage.CONTACTED, 60, "Plant manager confirmed the study"),
            Move(Stage.PROPOSAL, 20, "Proposal on the adjacent lot and training support"),
        ),
        {
            "source": "other",
            "source_note": "A corporate call: the plant is near capacity",
            "summary": "Adding a stamping line for EV body parts if the parent approves.",
            "estimated_investment": 14_000_000,
            "estimated_jobs": 45,
            "next_step": "Follow up on the parent's capital review",
            "next_step_due": -2,
        },
        capability="stamping",
        expansion_in="Oshawa",
    ),
    Story(
        "coordinator",
        "Ebro Cell Components S.A. (fictional)",
        40,
        (Move(Stage.CONTACTED, 25, "Met at the head-office mission in Madrid"),),
        {
            "source": "head_office",
            "source_note": "Head-office mission, spring",
            "summary": "Makes large structural castings for European EV makers; first "
            "North American plant.",
            "estimated_investment": 120_000_000,
            "estimated_jobs": 300,
            "competing_jurisdictions": "Mexico; South Carolina",
            "next_step": "Introduce the company to Ingersoll and Woodstock",
            "next_step_due": 10,
            "shared": True,
        },
        capability="mega-casting",
        lands_in="Ingersoll",
    ),
    Story(
        "Windsor",
        "Rhein Thermal Systems GmbH (fictional)",
        15,
        (),
        {
            "source": "referral",
            "source_note": "Referred by the parts makers' association",
            "summary": "Battery thermal plates; asked for labour figures.",
            "estimated_jobs": 80,
            "next_step": "Send the labour-market profile",
            "next_step_due": 1,
        },
        capability="battery-enclosure",
        lands_in="Windsor",
    ),
    Story(
        "London",
        "Saguaro Seating Systems (fictional)",
        240,
        (
            Move(Stage.CONTACTED, 220),
            Move(Stage.VISIT, 170, "Toured the former bakery site"),
            Move(Stage.PROPOSAL, 130),
            Move(
                Stage.LOST,
                70,
                "Chose Coahuila: lower wages and a 10-year tax holiday",
                outcome_reason="incentives",
            ),
        ),
        {
            "source": "referral",
            "source_note": "Referred by Invest Ontario (fictional referral)",
            "estimated_investment": 30_000_000,
            "estimated_jobs": 260,
            "competing_jurisdictions": "Mexico; Ohio",
            "shared": True,
        },
        capability="injection-moulding",
        lands_in="London",
    ),
    Story(
        "Brampton",
        "Northstar Harness Co. (fictional)",
        100,
        (
            Move(Stage.CONTACTED, 88),
            Move(Stage.VISIT, 61),
            Move(Stage.PROPOSAL, 35),
            Move(Stage.DECISION, 14, "Shortlist: Brampton and Monterrey"),
        ),
        {
            "source": "gap",
            "summary": "Wire harnesses for the new EV platforms.",
            "estimated_investment": 22_000_000,
            "estimated_jobs": 150,
            "competing_jurisdictions": "Mexico",
            "next_step": "Answer the training-grant questions",
            "next_step_due": 3,
        },
        capability="electrical",
        lands_in="Brampton",
    ),
)


def _officer(name: str) -> User | None:
    username = COORDINATOR if name == COORDINATOR else municipality_username(name)
    return User.objects.filter(username=username, is_active=True).first()


def _fact(word: str) -> Any:
    from corridor.intel.models import Fact

    return (
        Fact.objects.filter(document__is_demo=True, recipient__icontains=word)
        .order_by("pk")
        .first()
    )


def _expanding_plant(town: str) -> Facility | None:
    return (
        Facility.objects.filter(is_fictional=True, municipality__name=town)
        .select_related("company")
        .order_by("name", "pk")
        .first()
    )


def _values(story: Story, today: dt.date) -> dict[str, Any] | None:
    """The prospect's fields, or None when the demo lacks what the story needs."""
    values = dict(story.values)
    if "next_step_due" in values:
        values["next_step_due"] = today + dt.timedelta(days=values["next_step_due"])
    values["name"] = story.name
    if story.capability:
        values["capability"] = Capability.objects.filter(key=story.capability).first()
    if story.lands_in:
        values["municipality"] = Municipality.objects.filter(name=story.lands_in).first()
    if story.from_fact:
        fact = _fact(story.from_fact)
        if fact is None:
            return None
        values["source_fact"] = fact
        values["name"] = f"{fact.recipient} (demo)"
        if fact.jobs:
            values["estimated_jobs"] = fact.jobs
        amount = fact.total_value_cad or fact.amount_cad
        if amount is not None:
            values["estimated_investment"] = int(amount)
    if story.expansion_in:
        plant = _expanding_plant(story.expansion_in)
        if plant is None:
            return None
        values.update(kind="expansion", facility=plant, company=plant.company)
        values["name"] = f"{plant.name}: new line"
        values.setdefault("municipality", plant.municipality)
    return values


def _tell(story: Story, today: dt.date) -> Prospect | None:
    officer = _officer(story.officer)
    values = _values(story, today)
    if officer is None or values is None:
        return None
    with change_context(user=officer, source=SOURCE):
        prospect = services.create_prospect(
            officer,
            is_fictional=True,
            owner=officer,
            stage_changed_on=today - dt.timedelta(days=story.started_days_ago),
            **values,
        )
        for move in story.moves:
            services.move_stage(
                officer,
                prospect,
                move.stage,
                note=move.note,
                on=today - dt.timedelta(days=move.days_ago),
                outcome_reason=move.outcome_reason,
                won_investment=move.won_investment,
                won_jobs=move.won_jobs,
            )
    return prospect


def build_demo_pipeline(say: Callable[[str], None] = print, *, today: dt.date | None = None) -> int:
    """The pipeline's demo; how many prospects were added (0 when they are there)."""
    day = today or timezone.localdate()
    with system_scope("demo investment-attraction pipeline"):
        if Prospect.all_objects.filter(is_fictional=True).exists():
            say("Attraction: the demo prospects are already there")
            return 0
        made = 0
        with transaction.atomic():
            for story in (BATTERY_ENCLOSURES, *OTHER_STORIES):
                made += _tell(story, day) is not None
    say(f"Attraction: {made} fictional prospects in the pipeline")
    return made


def build_demo(say: Callable[[str], None] = print) -> None:
    build_demo_pipeline(say)
    build_demo_risk(say)
