"""API shapes of contacts, touches and merges of people recorded twice.

A field the reader may not read on the page (a contact's consent note, a confidential
touch's note) is ``null`` here, never its value.
"""

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from corridor.contacts.models import ConsentBasis, Language, Role, TouchKind
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText

Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _user(context: Any) -> Any:
    return getattr((context or {}).get("request"), "user", None)


class CompanyContactOut(Schema):
    id: int
    company_id: int
    company: str = Field(..., alias="company.name")
    facility_id: int | None
    facility: str | None = None
    name: str
    role: str = Field(..., description="plant_manager, owner, hr, purchasing, … (see the filter)")
    role_label: str
    title: str
    phone: str
    email: str
    language: str = Field(..., description="en, fr or other")
    consent_basis: str = Field(..., description="CASL basis: none, express, implied, published")
    consent_on: dt.date | None
    consent_note: str | None = Field(
        None, description="How the person agreed; null unless you are of the recording "
        "organisation or the coordinator"
    )  # fmt: skip
    shared: bool = Field(..., description="The person agreed the other municipalities may see them")
    shared_on: dt.date | None
    owner_organisation_id: int
    owner_organisation: str = Field(..., alias="owner_organisation.label")
    is_fictional: bool = Field(..., description="Demo data, not a real person")
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_facility(obj: Any) -> str | None:
        return obj.facility.name if obj.facility_id else None

    @staticmethod
    def resolve_consent_note(obj: Any, context: Any) -> str | None:
        return obj.consent_note if policy.can_read_confidential(_user(context), obj) else None


class _ContactFields(CleanText):
    facility_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="One of the company's plants"
    )
    role: Role | None = None
    title: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254)
    language: Language | None = None
    consent_basis: ConsentBasis | None = None
    consent_on: dt.date | None = Field(None, description="Required unless the basis is none")
    consent_note: str | None = Field(None, max_length=300)
    shared: bool | None = None
    shared_on: dt.date | None = Field(None, description="Required when shared")


class CompanyContactIn(_ContactFields):
    """A person at a company, recorded in the name of your organisation."""

    company_id: int = Field(..., ge=1, le=MAX_ID)
    name: str = Field(..., min_length=1, max_length=200)
    owner_organisation_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Yours (default: your first municipality)"
    )


class CompanyContactPatch(_ContactFields):
    """Send the version you read; a stale version is refused with 409 edit_conflict. Only
    the fields sent change; send ``facility_id`` 0 to clear the facility."""

    version: int = Field(..., ge=1, le=MAX_ID, description="The version the change was based on")
    name: str | None = Field(None, min_length=1, max_length=200)
    facility_id: int | None = Field(None, ge=0, le=MAX_ID, description="0 clears it")


class TouchOut(Schema):
    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    kind: str = Field(..., description="phone, email, meeting, tour, event, other")
    happened_on: dt.date
    organisation_id: int
    organisation: str = Field(..., alias="organisation.label")
    recorded_by: str | None = None
    contact_ids: list[int] = Field(..., description="The people touched whom you may see")
    note: str | None = Field(None, description="null if you may not read it (confidential)")
    confidential: bool
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_recorded_by(obj: Any) -> str | None:
        return obj.recorded_by.get_username() if obj.recorded_by_id else None

    @staticmethod
    def resolve_contact_ids(obj: Any) -> list[int]:
        return [c.pk for c in obj.seen_contacts]

    @staticmethod
    def resolve_note(obj: Any, context: Any) -> str | None:
        return obj.note if policy.can_read_confidential(_user(context), obj) else None


class TouchIn(CleanText):
    facility_id: int = Field(..., ge=1, le=MAX_ID)
    kind: TouchKind = TouchKind.PHONE
    happened_on: dt.date
    contact_ids: list[Id] = Field(
        default_factory=list, max_length=100, description="People at that facility's company"
    )
    note: str = Field("", max_length=500)
    confidential: bool = Field(True, description="Only your organisation and the coordinator")
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID, description="Yours (default)")


class TouchPatch(CleanText):
    version: int = Field(..., ge=1, le=MAX_ID, description="The version the change was based on")
    kind: TouchKind | None = None
    happened_on: dt.date | None = None
    note: str | None = Field(None, max_length=500)
    confidential: bool | None = None
