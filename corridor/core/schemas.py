"""API shapes of organisations, people, geography and history."""

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema


class MunicipalityOut(Schema):
    id: int
    name: str
    census_division: str
    economic_region: str
    latitude: Decimal
    longitude: Decimal
    population: int | None
    aliases: list[str] = Field(..., alias="alias_list")
    source: str


class OrganisationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    municipality_id: int | None
    website: str
    description: str
    version: int
    deleted: bool = Field(..., alias="is_deleted")
    updated_at: dt.datetime


class OrganisationPatch(Schema):
    """Send the version you read; a stale version is refused with 409 edit_conflict."""

    version: int = Field(..., ge=1, description="The version the change was based on")
    name: str | None = Field(None, min_length=1, max_length=200)
    short_name: str | None = Field(None, max_length=60)
    website: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=5000)


class MembershipOut(Schema):
    id: int
    user_id: int
    username: str = Field(..., alias="user.username")
    full_name: str = Field(..., alias="user.get_full_name")
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    role: str


class MyMembership(Schema):
    organisation_id: int
    organisation: str
    organisation_kind: str
    role: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    is_coordinator: bool
    memberships: list[MyMembership]


class ChangeOut(Schema):
    id: int
    time: dt.datetime
    user_name: str
    request_id: str
    source: str
    model: str = Field(..., alias="content_type.model")
    app: str = Field(..., alias="content_type.app_label")
    object_id: int
    object_repr: str
    action: str
    changed_fields: list[str]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
