"""Demo skills map: labour supply, job postings and programs for 17 occupations across the
corridor's economic regions (after the core, registry and calls demos).

The colleges and universities and their campus towns are real; their programs' seats and
graduates, the supply and the posting counts are fictional demo figures, marked so in
their source. They are drawn so that the gap table shows contrasts: welders, tool and
die makers and millwrights short in Windsor-Sarnia and Kitchener-Waterloo-Barrie,
engineers and assemblers closer to balance or in surplus in Toronto."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from corridor.core.history import change_context
from corridor.core.models import Municipality, Organisation
from corridor.core.scoping import system_scope
from corridor.workforce.gap_report import collect, months_back
from corridor.workforce.gaps import gap_table
from corridor.workforce.models import (
    Campus,
    Demand,
    DemandKind,
    Institution,
    InstitutionKind,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)

Progress = Callable[[str], None]
SOURCE = "Demo figures (fictional)"

# noc: (employed in the Toronto region, unemployment rate, postings a month in Toronto)
OCCUPATIONS: dict[str, tuple[int, float, int]] = {
    "72106": (9000, 0.05, 55),  # welders
    "72400": (7000, 0.03, 45),  # millwrights and industrial mechanics
    "72101": (2500, 0.03, 18),  # tool and die makers
    "72100": (8000, 0.04, 40),  # machinists
    "72201": (6000, 0.03, 30),  # industrial electricians
    "22302": (5000, 0.05, 20),  # manufacturing technicians
    "22310": (7000, 0.05, 22),  # electronics technicians
    "22301": (6000, 0.06, 15),  # mechanical technicians
    "21301": (9000, 0.05, 25),  # mechanical engineers
    "21321": (5000, 0.05, 15),  # manufacturing engineers
    "21310": (9000, 0.05, 28),  # electrical engineers
    "94200": (12000, 0.07, 30),  # motor vehicle assemblers
    "94106": (9000, 0.07, 25),  # machining tool operators
    "94213": (4000, 0.06, 12),  # industrial painters
    "94111": (6000, 0.07, 15),  # plastics machine operators
    "92023": (3000, 0.04, 10),  # production supervisors
    "75101": (15000, 0.08, 60),  # material handlers
}
# region code: (size against Toronto, postings factor)
REGIONS: dict[str, tuple[float, float]] = {
    "3530": (1.0, 1.0),  # Toronto
    "3540": (0.55, 1.2),  # Kitchener-Waterloo-Barrie
    "3550": (0.45, 1.0),  # Hamilton-Niagara Peninsula
    "3570": (0.35, 1.3),  # Windsor-Sarnia
    "3560": (0.3, 1.1),  # London
    "3580": (0.08, 1.0),  # Stratford-Bruce Peninsula
    "3520": (0.06, 0.8),  # Muskoka-Kawarthas
}
HOT: dict[tuple[str, str], float] = {  # (noc, region): how much more is posted
    ("72106", "3570"): 3.0,  # battery and assembly plants hiring welders
    ("72101", "3570"): 2.5,  # the mould and tool cluster
    ("72400", "3570"): 2.2,
    ("72400", "3540"): 2.0,
    ("72100", "3540"): 2.2,
    ("72201", "3560"): 2.0,
    ("22310", "3570"): 2.0,
    ("94200", "3530"): 0.3,  # assemblers: more people than openings
    ("21301", "3530"): 0.5,
    ("21310", "3530"): 0.6,
}

# key: (program name, credential, months, delivery, NOC codes, graduates range)
PROGRAMS: dict[str, tuple[str, str, int, str, tuple[str, ...], tuple[int, int]]] = {
    "welding": ("Welding Techniques", "certificate", 8, "in_person", ("72106",), (20, 45)),
    "millwright": ("Industrial Mechanic Millwright Technician", "diploma", 24, "in_person",
                   ("72400",), (15, 35)),
    "tool": ("Mechanical Techniques – Tool and Die Maker", "certificate", 12, "in_person",
             ("72101",), (8, 18)),
    "cnc": ("Mechanical Techniques – CNC Machining", "certificate", 12, "in_person",
            ("72100", "94106"), (20, 40)),
    "electrical": ("Electrical Techniques", "certificate", 12, "in_person", ("72201",), (20, 40)),
    "elec_tech": ("Electrical Engineering Technician", "diploma", 24, "hybrid",
                  ("22310", "72201"), (20, 45)),
    "mech_tech": ("Mechanical Engineering Technology", "advanced_diploma", 36, "in_person",
                  ("22301",), (30, 60)),
    "mfg_tech": ("Manufacturing Engineering Technology", "advanced_diploma", 36,
                 "work_integrated", ("22302",), (20, 40)),
    "robotics": ("Robotics and Automation Technician", "diploma", 24, "in_person",
                 ("22310", "22302"), (15, 30)),
    "painting": ("Industrial Painting and Coating", "certificate", 8, "in_person", ("94213",),
                 (10, 20)),
    "plastics": ("Plastics Processing Technician", "certificate", 12, "in_person", ("94111",),
                 (10, 20)),
    "production": ("Advanced Manufacturing Production", "micro_credential", 3, "hybrid",
                   ("94200", "94106"), (40, 90)),
    "mech_eng": ("Mechanical Engineering", "degree", 48, "work_integrated", ("21301",),
                 (80, 160)),
    "mfg_eng": ("Manufacturing Engineering", "degree", 48, "work_integrated", ("21321",),
                (40, 80)),
    "elec_eng": ("Electrical Engineering", "degree", 48, "work_integrated", ("21310",),
                 (70, 140)),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class School:
    name: str
    kind: str
    website: str
    campuses: tuple[tuple[str, str], ...]  # (campus name, municipality)
    programs: tuple[str, ...]


SCHOOLS = (
    School("St. Clair College", "college", "https://www.stclaircollege.ca",
           (("South Campus", "Windsor"), ("Thames Campus", "Chatham-Kent")),
           ("welding", "tool", "cnc", "elec_tech", "mech_tech", "production")),
    School("Lambton College", "college", "https://www.lambtoncollege.ca",
           (("Sarnia Campus", "Sarnia"),), ("welding", "millwright", "electrical")),
    School("Fanshawe College", "college", "https://www.fanshawec.ca",
           (("London Campus", "London"), ("St. Thomas/Elgin Campus", "St. Thomas"),
            ("Woodstock/Oxford Campus", "Woodstock")),
           ("welding", "millwright", "cnc", "electrical", "mfg_tech", "painting")),
    School("Conestoga College", "college", "https://www.conestogac.on.ca",
           (("Doon Campus", "Kitchener"), ("Cambridge Campus", "Cambridge"),
            ("Guelph Campus", "Guelph")),
           ("welding", "millwright", "tool", "cnc", "elec_tech", "robotics", "mech_tech")),
    School("Mohawk College", "college", "https://www.mohawkcollege.ca",
           (("Fennell Campus", "Hamilton"),),
           ("welding", "millwright", "electrical", "mech_tech", "mfg_tech")),
    School("Niagara College", "college", "https://www.niagaracollege.ca",
           (("Welland Campus", "Welland"),), ("welding", "cnc", "painting")),
    School("Georgian College", "college", "https://www.georgiancollege.ca",
           (("Barrie Campus", "Barrie"),), ("welding", "electrical", "production")),
    School("Sheridan College", "college", "https://www.sheridancollege.ca",
           (("Davis Campus", "Brampton"), ("Trafalgar Road Campus", "Oakville")),
           ("cnc", "elec_tech", "mech_tech", "mfg_tech", "robotics", "plastics",
            "production")),
    School("Humber Polytechnic", "college", "https://humber.ca",
           (("North Campus", "Toronto"),), ("welding", "electrical", "mech_tech", "mfg_eng")),
    School("Centennial College", "college", "https://www.centennialcollege.ca",
           (("Progress Campus", "Toronto"),), ("cnc", "elec_tech", "production")),
    School("Durham College", "college", "https://durhamcollege.ca",
           (("Oshawa Campus", "Oshawa"), ("Whitby Campus", "Whitby")),
           ("welding", "millwright", "electrical", "mech_tech")),
    School("Fleming College", "college", "https://flemingcollege.ca",
           (("Sutherland Campus", "Peterborough"),), ("welding", "electrical")),
    School("University of Windsor", "university", "https://www.uwindsor.ca",
           (("Main Campus", "Windsor"),), ("mech_eng", "elec_eng", "mfg_eng")),
    School("Ontario Tech University", "university", "https://ontariotechu.ca",
           (("North Oshawa Campus", "Oshawa"),), ("mech_eng", "elec_eng", "mfg_eng")),
    School("McMaster University", "university", "https://www.mcmaster.ca",
           (("Main Campus", "Hamilton"),), ("mech_eng", "elec_eng")),
    School("University of Waterloo", "university", "https://uwaterloo.ca",
           (("Main Campus", "Waterloo"),), ("mech_eng", "elec_eng")),
)  # fmt: skip


@dataclass
class WorkforceDemoSummary:
    supply: int = 0
    postings: int = 0
    programs: int = 0
    short: int = 0
    skipped: bool = False


def _programs(rng: random.Random) -> int:
    occupations = {o.noc_code: o for o in Occupation.objects.all()}
    places = {m.name: m for m in Municipality.objects.all()}
    partners = {o.name: o for o in Organisation.objects.filter(kind="college")}
    made = 0
    for school in SCHOOLS:
        institution = Institution.objects.create(
            name=school.name,
            kind=InstitutionKind(school.kind),
            website=school.website,
            organisation=partners.get(school.name),
        )
        campuses = [
            Campus.objects.create(institution=institution, name=name, municipality=places[town])
            for name, town in school.campuses
            if town in places
        ]
        for n, key in enumerate(school.programs, start=1):
            name, credential, months, mode, nocs, (low, high) = PROGRAMS[key]
            graduates = rng.randint(low, high) * max(1, len(campuses) // 2)
            program = TrainingProgram.objects.create(
                institution=institution,
                code=f"DEMO-{n:02d}",
                name=name,
                credential=credential,
                length_months=months,
                delivery_mode=mode,
                seats=round(graduates * rng.uniform(1.15, 1.5)),
                graduates_per_year=graduates,
                source=SOURCE,
            )
            program.campuses.set(campuses if len(campuses) < 3 else rng.sample(campuses, 2))
            program.occupations.set([occupations[c] for c in nocs])
            made += 1
    return made


def _figures(rng: random.Random, today: dt.date) -> tuple[int, int]:
    occupations = {o.noc_code: o for o in Occupation.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    supply: list[LabourSupply] = []
    postings: list[Demand] = []
    for noc, (employed, rate, posted) in OCCUPATIONS.items():
        for code, (size, factor) in REGIONS.items():
            occupation, region = occupations[noc], regions[code]
            hot = HOT.get((noc, code), 1.0)
            for year in (today.year - 2, today.year - 1):
                people = round(employed * size * rng.uniform(0.9, 1.1))
                looking = round(people * rate * rng.uniform(0.8, 1.2) / max(hot, 1) ** 0.5)
                supply.append(LabourSupply(
                    region=region, occupation=occupation, period=dt.date(year, 1, 1),
                    employed=people, unemployed=looking, source=SOURCE,
                ))  # fmt: skip
            for back in range(12):
                month = months_back(today, back)
                season = 1.0 + 0.15 * ((month.month in (3, 4, 5, 9)) - 0.3)
                count = round(posted * size * factor * hot * season * rng.uniform(0.75, 1.25))
                postings.append(Demand(
                    kind=DemandKind.POSTINGS, occupation=occupation, region=region,
                    month=month, count=count, source=SOURCE,
                ))  # fmt: skip
    # Published-style figures, written in bulk without change records: they are nobody's
    # edits, and one save each would make the demo slow.
    LabourSupply.objects.bulk_create(supply, batch_size=500)
    Demand.objects.bulk_create(postings, batch_size=500)
    return len(supply), len(postings)


def build_demo(
    progress: Progress | None = None, *, today: dt.date | None = None
) -> WorkforceDemoSummary:
    """Add the demo skills map (after the calls demo). Call inside a system scope."""
    today = today or timezone.localdate()
    summary = WorkforceDemoSummary()
    with system_scope("demo skills map"):
        if Institution.all_objects.filter(name=SCHOOLS[0].name).exists():
            if progress:
                progress("skills map: the demo figures are already there")
            summary.skipped = True
            return summary
        rng = random.Random(6)
        with transaction.atomic(), change_context(source="demo"):
            summary.programs = _programs(rng)
            summary.supply, summary.postings = _figures(rng, today)
        summary.short = sum(1 for gap in gap_table(collect(today)) if gap.index > 1)
    if progress:
        progress(
            f"skills map: {summary.programs} programs, {summary.supply} supply figures, "
            f"{summary.postings} monthly posting counts; {summary.short} occupation-region "
            "pairs short of people"
        )
    return summary
