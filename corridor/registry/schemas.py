"""API shapes of companies, facilities, imported rows (source records) and merges."""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.core.schemas import CleanText
from corridor.registry.naics import naics_title


class CompanyOut(Schema):
    id: int
    name: str
    headquarters_country: str
    ownership: str
    website: str
    is_fictional: bool
    version: int
    deleted: bool = Field(..., alias="is_deleted")
    updated_at: dt.datetime


class CompanyDetailOut(CompanyOut):
    facility_ids: list[int] = Field(..., description="Its facilities you may see")


class CertificationOut(Schema):
    standard: str
    issuer: str
    expires_on: dt.date | None


class FacilityOut(Schema):
    id: int
    company_id: int
    company: str = Field(..., alias="company.name")
    name: str
    street: str
    city: str = Field(..., description="The town as the lists write it")
    municipality_id: int | None
    municipality: str | None = Field(None, description="The municipality the town belongs to")
    province: str
    postal_code: str
    latitude: float | None
    longitude: float | None
    phone: str
    website: str
    naics: str = Field(..., description="NAICS 2022 code")
    naics_title: str
    tier: str
    employees: int | None
    products: str
    oem_customers: str
    is_fictional: bool = Field(..., description="Demo data, not a real plant")
    source_note: str
    merged_into_id: int | None = Field(..., description="Set when merged into another facility")
    version: int
    deleted: bool = Field(..., alias="is_deleted")
    updated_at: dt.datetime

    @staticmethod
    def resolve_municipality(obj: Any) -> str | None:
        return obj.municipality.name if obj.municipality_id else None

    @staticmethod
    def resolve_naics_title(obj: Any) -> str:
        return naics_title(obj.naics)


class FacilityDetailOut(FacilityOut):
    certifications: list[CertificationOut] = Field(..., alias="visible_certifications")


class SourceRecordOut(Schema):
    """One row of an imported list as it arrived, and the facility it belongs to."""

    id: int
    source: str
    source_id: str
    import_run_id: int | None
    row_number: int | None
    raw: dict[str, Any] = Field(..., description="Every column of the row, exactly as read")
    name: str
    street: str
    city: str
    province: str
    postal_code: str
    phone: str
    website: str
    naics: str
    employees: int | None
    products: str
    latitude: float | None
    longitude: float | None
    facility_id: int
    status: str = Field(..., description="auto, new, review, confirmed or rejected")
    match_score: float
    candidate_id: int | None = Field(
        ..., description="For a row waiting for review: the facility it may be"
    )
    reasons: list[str]
    updated_at: dt.datetime


class MergeIn(CleanText):
    merged_id: int = Field(..., ge=1, le=2**31 - 1, description="The facility folded into this one")


class MergeOut(Schema):
    id: int
    survivor_id: int
    merged_id: int
    moved_records: list[int] = Field(..., description="Source records moved to the survivor")
    merged_at: dt.datetime
    merged_by: str | None = None
    undone_at: dt.datetime | None
    undone_by: str | None = None

    @staticmethod
    def resolve_merged_by(obj: Any) -> str | None:
        return obj.merged_by.get_username() if obj.merged_by_id else None

    @staticmethod
    def resolve_undone_by(obj: Any) -> str | None:
        return obj.undone_by.get_username() if obj.undone_by_id else None
