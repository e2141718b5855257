"""API shapes of supplier search."""

import datetime as dt

from ninja import Field, Schema

from corridor.core.filtersets import MAX_ID
from corridor.registry.filtersets import MAX_EMPLOYEES

MAX_RADIUS_KM = 20_000


class SupplierSearchIn(Schema):
    q: str = Field("", max_length=200, description="Free text: capabilities, products, names")
    lat: float | None = Field(None, ge=-90, le=90, description="Centre latitude")
    lon: float | None = Field(None, ge=-180, le=180, description="Centre longitude")
    municipality: int | None = Field(
        None, ge=1, le=MAX_ID, description="Centre: this municipality (instead of lat/lon)"
    )
    facility: int | None = Field(
        None, ge=1, le=MAX_ID, description="Centre: this facility (instead of lat/lon)"
    )
    radius_km: float | None = Field(
        None, ge=0, le=MAX_RADIUS_KM, description="Only within this distance of the centre"
    )
    capability: list[str] = Field(
        default_factory=list, description="Capability keys (each required; sub-capabilities count)"
    )
    certification: list[str] = Field(
        default_factory=list, description="Standards that must be valid, e.g. IATF 16949"
    )
    tier: list[str] = Field(default_factory=list, description="Any of these tiers")
    employees_min: int | None = Field(None, ge=0, le=MAX_EMPLOYEES)
    employees_max: int | None = Field(None, ge=0, le=MAX_EMPLOYEES)
    on: dt.date | None = Field(None, description="Certifications valid on this day (today)")


class SupplierOut(Schema):
    id: int
    name: str
    company: str
    municipality_id: int | None
    municipality: str | None
    tier: str
    employees: int | None
    latitude: float | None
    longitude: float | None
    distance_km: float | None = Field(..., description="From the centre, when one is given")
    score: float = Field(..., description="Relevance: higher is better")
    reasons: list[str] = Field(..., description="Why it matched")


class SupplierPageOut(Schema):
    items: list[SupplierOut]
    count: int
    page: int
    page_size: int
    pages: int
