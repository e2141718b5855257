"""Demo outreach: a Queen's Park day that was held, a ministry meeting, a tour of the
automakers' North American head offices with a delegation per visit, a messaging library
with live figures, the common agenda with council endorsements, the centre of
excellence's working groups, partnerships (the Conestoga College Centre for Smart
Manufacturing and Communitech, the examples the APRC recommendations name) and
municipal fleet pilots.

After the core, registry, calls and supply-chain demos. The people (stakeholders,
council resolutions, press clips) are fictional and marked so; the organisations,
head offices and partnerships' names are real. Idempotent: nothing is added when the
demo library is there. A few seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.core.demo import COORDINATOR_OFFICE, municipality_username
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.outreach import planner, services
from corridor.outreach.demo_answers import build_demo_answers
from corridor.outreach.head_offices import load_head_offices
from corridor.outreach.models import (
    AskStatus,
    Contact,
    EngagementKind,
    EngagementStatus,
    HeadOffice,
    Message,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)
from corridor.registry.models import Facility

Progress = Callable[[str], None]
FIRST_MESSAGE = "Ontario's auto corridor is the province's industrial backbone"

MESSAGES = [
    ("sector_importance", FIRST_MESSAGE,
     "The corridor's assembly plants and suppliers employ tens of thousands of people in "
     "communities from Windsor to Oshawa; every assembly job carries jobs at suppliers.",
     "Auto is Ontario's largest manufacturing export\nEvery municipality on the corridor has "
     "plants that depend on the assemblers\nPlants at risk are known and followed up together",
     ["registry.jobs", "registry.facilities", "registry.oem_plants", "calls.open_red_flags"]),
    ("trade_policy", "Trade policy must keep the integrated Great Lakes industry whole",
     "Parts cross the border several times before a vehicle is finished; tariffs and border "
     "delays hit Ontario suppliers first.",
     "Keep the border crossings fast and open\nDefend the rules of origin that reward "
     "Ontario content\nWork with Michigan, Ohio and Indiana rather than compete",
     ["registry.facilities", "calls.completed"]),
    ("investment_partnership", "Partner with industry to keep and retool existing plants",
     "Retooling for electric vehicles is decided plant by plant; governments that partner "
     "early keep the mandate.",
     "Co-invest in retooling existing plants\nMatch the incentives of competing "
     "jurisdictions\nUse the corridor's calling data to act before a plant is at risk",
     ["registry.oem_plants", "calls.open_red_flags", "calls.open_follow_ups",
      "programs.contribution", "programs.jobs_expected", "programs.from_referrals",
      "intel.ontario_investment"]),
    ("new_industries", "Attract the new industries the supply chain is missing",
     "What our plants buy from far away is a list of investment targets.",
     "Target the capabilities with no local supplier\nOffer sites, skills and municipal "
     "fleets for pilots",
     ["supplychain.gaps", "supplychain.unmet_value", "supplychain.open_needs"]),
]  # fmt: skip

ASKS = [
    ("infrastructure", "Finish the road and rail links of the Windsor–Detroit crossing",
     "Province of Ontario; Government of Canada", AskStatus.ADOPTED, "Windsor",
     ["registry.jobs", "registry.facilities"]),
    ("research", "A provincial fund for applied automotive research with colleges",
     "Province of Ontario", AskStatus.OPEN, "Kitchener",
     ["registry.facilities", "programs.contribution"]),
    ("commercialisation", "Help suppliers commercialise new technologies",
     "Province of Ontario", AskStatus.OPEN, None, ["supplychain.gaps"]),
    ("capital", "Match competing jurisdictions' incentives for large capital investments",
     "Province of Ontario; Government of Canada", AskStatus.ADOPTED, "Oshawa",
     ["registry.oem_plants", "calls.open_red_flags", "intel.ontario_investment"]),
    ("technology", "Programs for regionally developed electrification, light-weighting and "
     "intelligent-vehicle technology", "Government of Canada", AskStatus.OPEN, None,
     ["supplychain.unmet_value"]),
    ("workforce", "Train the skilled workforce the sector of the future needs",
     "Province of Ontario", AskStatus.OPEN, "Cambridge",
     ["workforce.shortages", "calls.open_follow_ups"]),
    ("procurement", "Let municipalities favour local vehicle technology in fleet purchases",
     "Province of Ontario", AskStatus.DRAFT, None, []),
]  # fmt: skip

# Which municipalities' councils endorsed which ask (by position in ASKS).
ENDORSEMENTS = {
    0: ["Windsor", "Tecumseh", "Lakeshore", "Chatham-Kent", "Sarnia", "London", "Oshawa",
        "Brampton", "Oakville", "Cambridge", "Woodstock"],
    1: ["Kitchener", "Waterloo", "Cambridge", "Guelph", "Stratford"],
    2: ["Kitchener", "Waterloo", "London"],
    3: ["Windsor", "Oshawa", "Brampton", "Oakville", "Ingersoll", "Woodstock", "Cambridge",
        "New Tecumseth", "Whitby", "Clarington"],
    4: ["Windsor", "St. Thomas", "Ingersoll"],
    5: ["Cambridge", "Kitchener", "Brantford", "Hamilton", "St. Catharines", "Milton"],
}  # fmt: skip

CONTACTS = [  # name, role, head office key or organisation name, decision maker
    ("Jordan Ellery", "Vice-president, manufacturing (fictional)", "ford-canada", True),
    ("Morgan Tate", "Director, government relations (fictional)", "gm-canada", True),
    ("Riley Okafor", "Head of North American plant strategy (fictional)", "stellantis-na", True),
    ("Avery Lindqvist", "Senior manager, corporate affairs (fictional)", "honda-canada", False),
    ("Casey Brandt", "Vice-president, external affairs (fictional)", "toyota-canada", True),
    ("Dana Whitfield", "Director, automotive investment (fictional)",
     "Ontario Ministry of Economic Development, Job Creation and Trade", True),
    ("Sam Kowalczyk", "MPP (fictional)", "Legislative Assembly of Ontario", True),
]  # fmt: skip

RELATIONSHIPS = [  # contact index, municipality, strength, days since last contact
    (0, "Oakville", "strong", 21), (1, "Oshawa", "strong", 14), (2, "Windsor", "strong", 9),
    (2, "Brampton", "working", 60), (3, "New Tecumseth", "working", 45),
    (4, "Woodstock", "working", 30), (4, "Cambridge", "strong", 12), (5, "Windsor", "working", 20),
    (5, "Oshawa", "acquaintance", 200), (6, "London", "working", 35),
]  # fmt: skip

TOUR = [  # head office, mayors' municipalities, days after the tour starts
    ("ford-na", ["Windsor", "Oakville"], 0),
    ("gm-na", ["Oshawa", "Ingersoll"], 1),
    ("stellantis-na", ["Windsor", "Brampton"], 2),
    ("toyota-na", ["Cambridge", "Woodstock"], 14),
]


@dataclass
class OutreachDemoSummary:
    skipped: bool = False
    engagements: int = 0
    asks: int = 0
    endorsements: int = 0
    pilots: int = 0


def _municipalities() -> dict[str, Organisation]:
    return {o.label: o for o in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)}


def _library() -> list[Message]:
    return [
        Message.objects.create(theme=theme, title=title, summary=summary, talking_points=points,
                               evidence=keys, position=i)
        for i, (theme, title, summary, points, keys) in enumerate(MESSAGES)
    ]  # fmt: skip


def _agenda(
    coordinator: User, office: Organisation, towns: dict[str, Organisation], today: dt.date
) -> tuple[list[PolicyAsk], int]:
    asks = [
        PolicyAsk.objects.create(
            theme=theme, title=title, ask=title + ".", addressed_to=to, status=status,
            owner=towns.get(owner or "", office), evidence=keys,
            rationale="Voices are more likely to be heard if there are many of them.",
        )
        for theme, title, to, status, owner, keys in ASKS
    ]  # fmt: skip
    count = 0
    for index, names in ENDORSEMENTS.items():
        for n, name in enumerate(names):
            if name not in towns:
                continue
            services.endorse(
                coordinator, asks[index], organisation=towns[name],
                council_resolution=f"Council resolution {2026 - n % 2}-{40 + index * 7 + n} "
                "(fictional)", resolved_on=today - dt.timedelta(days=90 - 5 * n - index),
            )  # fmt: skip
            count += 1
    return asks, count


def _directory(towns: dict[str, Organisation], today: dt.date) -> list[Contact]:
    offices = {o.key: o for o in HeadOffice.objects.all()}
    orgs = {o.name: o for o in Organisation.objects.all()}
    contacts = []
    for name, role, where, decides in CONTACTS:
        contacts.append(
            Contact.objects.create(
                name=name, role=role, head_office=offices.get(where), organisation=orgs.get(where),
                organisation_name="" if where in offices or where in orgs else where,
                is_decision_maker=decides, is_fictional=True,
                email=f"{name.split()[0].lower()}@example.org",
            )
        )  # fmt: skip
    for index, town, strength, days in RELATIONSHIPS:
        if town not in towns:
            continue
        person = User.objects.filter(username=municipality_username(town)).first()
        Relationship.objects.create(
            contact=contacts[index], organisation=towns[town], person=person, strength=strength,
            last_contact_on=today - dt.timedelta(days=days),
        )  # fmt: skip
    return contacts


def _queens_park(
    coordinator: User, office: Organisation, towns: dict[str, Organisation],
    contacts: list[Contact], library: list[Message], asks: list[PolicyAsk], today: dt.date,
) -> int:  # fmt: skip
    day = services.create_engagement(
        coordinator, organisation=office, kind=EngagementKind.EVENT,
        title="Auto Mayors Day at Queen's Park", starts_on=today - dt.timedelta(days=20),
        location="Legislative Building, Queen's Park, Toronto", status=EngagementStatus.HELD,
        agenda="Breakfast briefing of mayors, officers and industry\nMeetings with MPPs of the "
        "corridor's ridings\nPremier's office: the common agenda\nPress conference\n"
        "Evening reception with industry",
        press_coverage="Local daily: mayors take the auto agenda to Queen's Park (fictional)\n"
        "Provincial radio interview with the coordinator (fictional)",
        outcomes="Met MPPs from every corridor riding; the Premier's office asked for the "
        "common agenda in writing. Agreed to make the day annual.",
        messages=library, asks=asks[:4],
    )  # fmt: skip
    for name in ("Windsor", "Oshawa", "London", "Cambridge", "Brampton", "Woodstock"):
        if name in towns:
            services.add_participant(coordinator, day, role="mayor", organisation=towns[name])
    services.add_participant(coordinator, day, role="mpp", contact=contacts[6])
    services.add_participant(coordinator, day, role="official", contact=contacts[5])
    apma = Organisation.objects.filter(short_name="APMA").first()
    services.add_participant(coordinator, day, role="industry", organisation=apma)
    services.add_participant(coordinator, day, role="press", name="Provincial press gallery")
    services.add_follow_up(
        coordinator, day, owner_organisation=office, due_on=today + dt.timedelta(days=10),
        description="Send the Premier's office the common agenda with the endorsements",
    )  # fmt: skip
    services.add_follow_up(
        coordinator, day, owner_organisation=towns.get("Windsor", office),
        due_on=today - dt.timedelta(days=2),
        description="Send the MPP the list of plants with open red flags (aggregate only)",
    )  # fmt: skip
    meeting = services.create_engagement(
        coordinator, organisation=office, kind=EngagementKind.MINISTRY_MEETING,
        title="Ministry meeting on the retooling of assembly plants",
        starts_on=today + dt.timedelta(days=10), location="Toronto",
        agenda="The corridor's open red flags\nMatching incentives", messages=library[2:3],
        asks=asks[3:4],
    )  # fmt: skip
    services.add_participant(coordinator, meeting, role="official", contact=contacts[5])
    return 2


def _tour(
    coordinator: User, office: Organisation, towns: dict[str, Organisation],
    library: list[Message], today: dt.date,
) -> int:  # fmt: skip
    start = today + dt.timedelta(days=14)
    tour = Tour.objects.create(
        name="Auto Mayors' North American head-office tour",
        purpose="Small groups of mayors and officers visit every automaker's North American "
        "head office to show a common front and a willingness to earn their investment.",
        starts_on=start, ends_on=start + dt.timedelta(days=45), organisation=office,
    )  # fmt: skip
    offices = {o.key: o for o in HeadOffice.objects.all()}
    for key, names, days in TOUR:
        planner.plan_visit(
            coordinator, head_office=offices[key], starts_on=start + dt.timedelta(days=days),
            municipalities=[towns[n] for n in names if n in towns], organisation=office,
            tour=tour, messages=library[:3],
        )  # fmt: skip
    return len(TOUR)


def _centre(office: Organisation, towns: dict[str, Organisation]) -> None:
    orgs = {o.short_name or o.name: o for o in Organisation.objects.all()}

    def group(
        name: str, mandate: str, issues: str, lead: str, mayors: bool, members: list[str]
    ) -> None:
        g = WorkingGroup.objects.create(
            name=name, mandate=mandate, issues=issues, lead=orgs.get(lead, office),
            mayors_lead=mayors, meets="Monthly, online",
        )  # fmt: skip
        g.members.set([orgs[m] for m in members if m in orgs])

    group("Border, trade and infrastructure", "Keep the integrated industry moving.",
          "Border crossing capacity\nTariffs and rules of origin", "Windsor", True,
          ["Windsor", "Sarnia", "APMA", "Unifor"])  # fmt: skip
    group("Skills and training", "What skills plants need and what the colleges teach.",
          "Skilled trades shortages\nTraining for electric-vehicle work", "Conestoga", False,
          ["Conestoga", "Unifor", "Cambridge", "Kitchener"])  # fmt: skip
    group("Technology trends", "Electrification, light-weighting, connectivity.",
          "What other governments fund\nMunicipal fleet pilots", "APRC", False,
          ["APRC", "NGen", "London"])  # fmt: skip
    group("Calling and data sharing", "One template, one database, one voice.",
          "Coordinated corporate calling\nThe common agenda", COORDINATOR_OFFICE, True,
          ["Windsor", "Oshawa", "Woodstock"])  # fmt: skip

    def partnership(name: str, kind: str, focus: str, partners: list[str], **extra: Any) -> None:
        p = Partnership.objects.create(name=name, kind=kind, focus=focus, **extra)
        p.partners.set([orgs[m] for m in partners if m in orgs])

    partnership(
        "Conestoga College Centre for Smart Manufacturing", "smart_manufacturing",
        "Applied research and automation for small and medium-sized manufacturers",
        ["Conestoga", "Cambridge", "Kitchener"], status="active", is_example=True,
        website="https://www.conestogac.on.ca", funding="College, industry and government",
    )  # fmt: skip
    partnership(
        "Communitech", "cluster",
        "Waterloo Region's technology community: connecting start-ups with manufacturers",
        ["Waterloo", "Kitchener"], other_partners="Communitech", status="active",
        is_example=True, website="https://communitech.ca",
    )  # fmt: skip
    partnership(
        "NGen advanced manufacturing supercluster", "cluster",
        "Industry-led, collaborative advanced manufacturing projects", ["NGen"],
        status="active", funding="NGen (federal supercluster): $148 million invested in 65 "
        "projects, $352 million total (NGen, December 2020)", funding_amount=148_000_000,
    )  # fmt: skip
    partnership(
        "Great Lakes automotive roundtable", "roundtable",
        "Working with Michigan, Ohio and Indiana to grow investment in the whole region",
        ["APRC", "Windsor"], status="proposed", other_partners="State economic agencies",
    )  # fmt: skip


def _pilots(coordinator: User, towns: dict[str, Organisation], today: dt.date) -> int:
    local = (
        Facility.objects.filter(municipality__name="Windsor", is_fictional=True)
        .order_by("name")
        .first()
    )
    made = 0
    for town, title, tech, vendor, vehicles, start, status, results in [
        ("Windsor", "Electric transit buses", "battery_electric", local, 6, -200, "running",
         "Range held through the winter; charging at the depot only."),
        ("Oshawa", "Connected by-law vehicles", "connected", None, 12, -400, "completed",
         "Telematics cut idle time by a fifth (fictional result)."),
        ("Woodstock", "Hydrogen fuel-cell works truck", "hydrogen", None, 1, 60, "offered", ""),
        ("Cambridge", "Light-weight refuse truck bodies", "lightweight", None, 3, 30, "agreed", ""),
    ]:  # fmt: skip
        if town not in towns:
            continue
        services.record_pilot(
            coordinator, organisation=towns[town], title=title, technology=tech, vendor=vendor,
            vendor_name="" if vendor else "Vendor to be chosen (fictional)", vehicles=vehicles,
            starts_on=today + dt.timedelta(days=start), status=status, results=results,
            fleet="Municipal fleet",
        )  # fmt: skip
        made += 1
    return made


def build_demo(progress: Progress | None = None, *, today: dt.date | None = None) -> object:
    today = today or timezone.localdate()
    summary = OutreachDemoSummary()
    with system_scope("demo outreach"):
        if Message.all_objects.filter(title=FIRST_MESSAGE).exists():
            if progress:
                progress("outreach: the demo library is already there")
            summary.skipped = True
            return summary
        coordinator = User.objects.filter(username="coordinator").first()
        office = Organisation.objects.filter(kind=OrganisationKind.COORDINATOR_OFFICE).first()
        if coordinator is None or office is None:
            summary.skipped = True
            return summary
        load_head_offices()
        towns = _municipalities()
        with transaction.atomic(), change_context(user=coordinator, source="demo"):
            library = _library()
            asks, summary.endorsements = _agenda(coordinator, office, towns, today)
            contacts = _directory(towns, today)
            summary.engagements = _queens_park(
                coordinator, office, towns, contacts, library, asks, today
            ) + _tour(coordinator, office, towns, library, today)
            _centre(office, towns)
            summary.pilots = _pilots(coordinator, towns, today)
            summary.asks = len(asks)
    if progress:
        progress(
            f"outreach: {summary.engagements} engagements, {summary.asks} asks with "
            f"{summary.endorsements} endorsements, {summary.pilots} fleet pilots"
        )
    build_demo_answers(progress or (lambda _: None))  # the announcements answering the asks
    return summary
