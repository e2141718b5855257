"""API shapes of the pitch pack: the same sections as the page, each with its source."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class PitchCount(Schema):
    """A count of companies: ``value`` is null when it is suppressed (``display`` then
    reads "fewer than 5")."""

    value: int | None
    display: str


class PitchProspect(Schema):
    id: int
    name: str
    kind: str
    estimated_investment: int | None
    estimated_jobs: int | None
    stage: str
    competing_jurisdictions: list[str] | None  # null: the reader may not read them


class PitchBuyer(Schema):
    buyer: str
    annual_value: int | None


class PitchDemand(Schema):
    unmet_needs: int | None
    unmet_value: int | None
    buyers: PitchCount
    needs: int | None
    suppliers_in_region: int
    buyers_known: list[PitchBuyer]
    source: str


class PitchPlant(Schema):
    facility_id: int
    name: str
    municipality: str | None


class PitchDependentPlant(PitchPlant):
    capability: str


class PitchOem(Schema):
    named: list[PitchPlant]
    unnamed: PitchCount
    single_supplier: list[PitchDependentPlant]
    source: str


class PitchRegion(Schema):
    region: str
    employed: int
    unemployed: int
    postings: int
    call_openings: int | None
    graduates: float
    shortage_index: float


class PitchTraining(Schema):
    institution: str
    program: str
    credential: str
    campuses: list[str]
    graduates_per_year: int


class PitchOccupation(Schema):
    noc_code: str
    title: str
    regions: list[PitchRegion]
    training: list[PitchTraining]


class PitchLabour(Schema):
    start: dt.date
    on: dt.date
    occupations: list[PitchOccupation]
    source: str


class PitchProgram(Schema):
    program_id: int
    name: str
    verdict: str  # "eligible" or "possibly"
    project_type: str
    why: str


class PitchPrograms(Schema):
    assumption: str
    programs: list[PitchProgram]
    source: str


class PitchSite(Schema):
    municipality_id: int
    municipality: str
    economic_region: str
    buyers_within_reach: PitchCount
    employed_in_region: int
    unemployed_in_region: int


class PitchSites(Schema):
    sites: list[PitchSite]
    source: str


class PitchAnnouncement(Schema):
    fact_id: int
    date: dt.date | None
    recipient: str
    funder: str
    amount_cad: float | None
    title: str
    document_id: int
    url: str


class PitchAnnouncements(Schema):
    announcements: list[PitchAnnouncement]
    source: str


class PitchPackOut(Schema):
    capability: str
    capability_label: str
    made_on: dt.date
    prospect: PitchProspect | None
    demand: PitchDemand
    oem: PitchOem
    labour: PitchLabour
    programs: PitchPrograms
    sites: PitchSites
    announcements: PitchAnnouncements
