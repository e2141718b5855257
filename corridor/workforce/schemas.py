"""API shapes of the skills map.

Demand reported on calls is listed only to whoever may read the call's answers (the
visiting municipality and the coordinator); everyone else gets postings only. The gap
table follows ``gap_report``: partners get calls of fewer than 5 companies left out.
"""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.models import Municipality
from corridor.core.schemas import CleanText


class OccupationOut(Schema):
    id: int
    noc_code: str = Field(..., description="NOC 2021 code")
    title: str
    teer: int = Field(..., description="TEER category (the code's second digit)")
    synonyms: list[str] = Field(..., alias="synonym_list")


class EconomicRegionOut(Schema):
    id: int
    code: str = Field(..., description="SGC 2021 economic region code")
    name: str
    municipalities: list[str] = Field(..., description="The municipalities Corridor places in it")

    @staticmethod
    def resolve_municipalities(obj: Any, context: Any) -> list[str]:
        request = (context or {}).get("request")
        places = policy.visible(getattr(request, "user", None), Municipality)
        return list(places.filter(economic_region=obj.name).values_list("name", flat=True))


class LabourSupplyOut(Schema):
    id: int
    region_id: int
    occupation: str = Field(..., alias="occupation.noc_code")
    period: dt.date
    employed: int
    unemployed: int
    source: str


class WorkforceDemandOut(Schema):
    id: int
    kind: str = Field(..., description="call or postings")
    occupation: str | None = Field(None, description="NOC code; null while unmapped")
    stated_occupation: str
    region_id: int | None
    month: dt.date
    count: int
    source: str
    call_id: int | None
    facility_id: int | None

    @staticmethod
    def resolve_occupation(obj: object) -> str | None:
        occupation = getattr(obj, "occupation", None)
        return occupation.noc_code if occupation else None


class TrainingCampusOut(Schema):
    id: int
    name: str
    municipality_id: int
    municipality: str = Field(..., alias="municipality.name")


class TrainingProgramOut(Schema):
    id: int
    institution_id: int
    institution: str = Field(..., alias="institution.name")
    code: str
    name: str
    credential: str
    length_months: int
    delivery_mode: str
    seats: int
    graduates_per_year: int
    source: str
    campuses: list[TrainingCampusOut]
    occupations: list[str] = Field(..., description="NOC codes")
    version: int

    @staticmethod
    def resolve_campuses(obj: object) -> list[object]:
        return list(obj.campuses.all())  # type: ignore[attr-defined]

    @staticmethod
    def resolve_occupations(obj: object) -> list[str]:
        return [o.noc_code for o in obj.occupations.all()]  # type: ignore[attr-defined]


class TrainingProgramPatch(CleanText):
    version: int = Field(..., ge=1, description="The version you started from")
    name: str | None = Field(None, min_length=1, max_length=200)
    credential: str | None = Field(None, max_length=20)
    length_months: int | None = Field(None, ge=1, le=120)
    delivery_mode: str | None = Field(None, max_length=16)
    seats: int | None = Field(None, ge=0, le=100_000)
    graduates_per_year: int | None = Field(None, ge=0, le=100_000)
    source: str | None = Field(None, max_length=200)
    occupations: list[str] | None = Field(None, max_length=50, description="NOC codes")
    campuses: list[int] | None = Field(None, max_length=50, description="Campus ids")


class WorkforceFilter(Schema):
    region: int | None = Field(None, ge=1, le=MAX_ID, description="Region id")
    occupation: str | None = Field(None, max_length=5, description="NOC code")


class WorkforceDemandFilter(WorkforceFilter):
    kind: str | None = Field(None, max_length=10, description="call or postings")


class TrainingProgramFilter(WorkforceFilter):
    institution: int | None = Field(None, ge=1, le=MAX_ID)


class SkillGapIn(Schema):
    region: int | None = Field(None, ge=1, le=MAX_ID, description="Region id")
    occupation: str | None = Field(None, max_length=5, description="NOC code")
    teer: int | None = Field(None, ge=0, le=5)
    on: dt.date | None = Field(None, description="The twelve months up to this day")


class SkillGapOut(Schema):
    rank: int
    noc_code: str
    occupation: str
    region_id: int
    region: str
    postings: int
    call_openings: int | None = Field(None, description="null: fewer than 5 companies")
    companies: int | None = Field(None, description="null: fewer than 5")
    unemployed: int
    employed: int
    graduates_per_year: float
    demand: int
    available: float
    gap: float
    shortage_index: float


class SkillGapsOut(Schema):
    start: dt.date = Field(..., alias="from")
    on: dt.date
    formula: str
    items: list[SkillGapOut]
