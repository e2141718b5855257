"""Open-data listings: one line per program and year, per occupation and region.

Unlike the company-count grids of ``tables.py`` these publish no totals, so a small
count is suppressed on its own (``core/disclosure.suppress``): nothing can be subtracted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from corridor.core.disclosure import MINIMUM, suppress
from corridor.core.scoping import system_scope
from corridor.programs.models import FundedProject, ProjectStatus, Referral
from corridor.workforce.gap_report import collect
from corridor.workforce.gaps import gap_table
from corridor.workforce.models import Occupation, Region

Value = str | int | float | None
NO_YEAR = "year not known"


@dataclass
class Listing:
    name: str
    description: str
    columns: list[tuple[str, str]]  # (column, meaning for the data dictionary)
    rows: list[list[Value]] = field(default_factory=list)
    counts: list[str] = field(default_factory=list)  # the columns counting companies

    def header(self) -> list[str]:
        return [column for column, _meaning in self.columns]

    def lines(self) -> list[list[Value]]:
        return self.rows

    def dictionary(self) -> list[tuple[str, str]]:
        return self.columns

    def company_counts(self) -> list[str]:
        return self.counts

    def has_totals(self) -> bool:
        return False  # one line per key, nothing to subtract from


@dataclass
class _ProgramYear:
    projects: int = 0
    contribution: int = 0
    total_value: int = 0
    jobs_created: int = 0
    jobs_retained: int = 0
    referred: set[int] = field(default_factory=set)


def funded_projects_by_program_and_year() -> Listing:
    """Funded projects (public: announced by the programs) and companies referred from
    calls (confidential: suppressed under 5 companies), per program and year."""
    cells: dict[tuple[str, str], _ProgramYear] = defaultdict(_ProgramYear)
    with system_scope("open data: aggregate counts"):
        projects = FundedProject.objects.exclude(status=ProjectStatus.CANCELLED).select_related(
            "program"
        )
        for project in projects:
            approved = project.year
            cell = cells[(project.program.name, str(approved) if approved else NO_YEAR)]
            cell.projects += 1
            cell.contribution += project.contribution or 0
            cell.total_value += project.total_value or 0
            cell.jobs_created += project.jobs_created_expected or 0
            cell.jobs_retained += project.jobs_retained_expected or 0
        referrals = Referral.objects.values_list(
            "program__name", "referred_on", "facility__company_id"
        )
        for program, day, company in referrals:
            cells[(program, str(day.year))].referred.add(company)
    listing = Listing(
        "funded_projects_by_program_and_year",
        "Projects funded by each program (cancelled projects left out), by the year the "
        "project was approved (or started), and the companies Corridor referred to the "
        "program from a call that year. Project amounts and jobs are public: the programs "
        "announce them. Referrals come from confidential calls, so their count follows "
        f"the suppression rule (1 to {MINIMUM - 1} companies left empty).",
        [
            ("program", "the funding program"),
            ("year", f"year of approval (or start); '{NO_YEAR}' when neither is recorded"),
            ("funded_projects", "number of funded projects"),
            ("contribution", "sum of the program's contributions, dollars (unknown ones left out)"),
            ("total_value", "sum of the projects' total values, dollars (unknown ones left out)"),
            ("jobs_created_expected", "jobs the projects expect to create"),
            ("jobs_retained_expected", "jobs the projects expect to retain"),
            ("companies_referred", "companies referred to the program from calls (suppressed)"),
        ],
        counts=["companies_referred"],
    )
    for (name, year), c in sorted(cells.items()):
        referred = suppress(len(c.referred)).value
        listing.rows.append(
            [
                *(name, year, c.projects, c.contribution, c.total_value),
                *(c.jobs_created, c.jobs_retained, referred),
            ]
        )
    return listing


def skills_gaps(on: dt.date | None = None) -> Listing:
    """The gap analysis as partners read it: call openings from fewer than 5 companies
    are left out of a cell's demand (``workforce/gap_report.collect`` + ``gaps.gap_table``)."""
    on = on or timezone.localdate()
    gaps = gap_table(collect(on), hide_calls_under=MINIMUM)
    with system_scope("open data: reference names"):
        occupations = {o.pk: o for o in Occupation.objects.all()}
        regions = dict(Region.objects.values_list("pk", "name"))
    listing = Listing(
        "skills_gaps",
        f"Demand for and availability of workers per occupation and economic region over "
        f"the twelve months up to {on:%Y-%m-%d}, ranked by the shortage index. Openings "
        f"companies reported on calls are left out of a cell where fewer than {MINIMUM} "
        "companies reported them.",
        [
            ("noc_code", "NOC 2021 occupation code"),
            ("occupation", "occupation title"),
            ("economic_region", "economic region"),
            ("postings", "job postings"),
            (
                "call_openings",
                f"openings reported on calls; empty when fewer than {MINIMUM} companies "
                "reported them (then not part of the demand)",
            ),
            ("demand", "postings + call openings (as published)"),
            ("available", "unemployed people of the occupation + graduates per year"),
            ("gap", "demand - available (negative: more people than openings)"),
            ("shortage_index", "demand / max(available, 1), two decimals"),
        ],
    )
    for gap in gaps:
        occupation = occupations[gap.occupation_id]
        listing.rows.append(
            [
                *(occupation.noc_code, occupation.title, regions[gap.region_id], gap.postings),
                *(gap.call_openings, gap.demand, round(gap.available, 1), round(gap.gap, 1)),
                round(gap.index, 2),
            ]
        )
    return listing
