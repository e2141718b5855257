"""API endpoints of contacts: the people at companies and the touches with them.

Every endpoint reads through the access policy and writes through
``corridor/contacts/services.py``, so the API shows what the pages show: a person only
to whom may see them, the consent note and a confidential touch's note as ``null`` to
anyone who may not read them on the page. Partners see no contacts and no touches.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.contacts import services
from corridor.contacts.filtersets import CompanyContactFilter, TouchFilter
from corridor.contacts.models import Contact, Touch
from corridor.contacts.schemas import (
    CompanyContactIn,
    CompanyContactOut,
    CompanyContactPatch,
    TouchIn,
    TouchOut,
    TouchPatch,
)
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.registry.models import Company, Facility

router = Router(tags=["contacts"])

CONTACT_RELATED = ("company", "facility", "owner_organisation")
TOUCH_RELATED = ("facility", "organisation", "recorded_by")
CLEARABLE = ("consent_on", "shared_on")


def _require_seeing(request: HttpRequest, model: type[Any]) -> None:
    if not policy.can_view(request.user, model):
        raise PermissionDenied("Contacts and touches are kept by the municipalities.")


def _contacts(request: HttpRequest) -> Any:
    _require_seeing(request, Contact)
    return policy.visible(request.user, Contact).select_related(*CONTACT_RELATED)


def _contact(request: HttpRequest, contact_id: int) -> Contact:
    found: Contact = get_object_or_404(_contacts(request), pk=contact_id)
    return found


def _touches(request: HttpRequest) -> Any:
    _require_seeing(request, Touch)
    people = policy.visible(request.user, Contact).only("pk").order_by("pk")
    return (
        policy.visible(request.user, Touch)
        .select_related(*TOUCH_RELATED)
        .prefetch_related(Prefetch("contacts", queryset=people, to_attr="seen_contacts"))
    )


def _touch(request: HttpRequest, touch_id: int) -> Touch:
    found: Touch = get_object_or_404(_touches(request), pk=touch_id)
    return found


# Contacts


@router.get(
    "/company-contacts",
    response={200: list[CompanyContactOut], **LIST_ERRORS},
    summary="People at companies you may see (municipalities and the coordinator)",
)
@paginate(PageNumber)
def list_contacts(request: HttpRequest, filters: Query[CompanyContactFilter]):
    if not policy.can_view(request.user, Contact):
        return policy.visible(request.user, Contact).none()
    return filters.filter(_contacts(request)).order_by("name", "pk")


@router.get("/company-contacts/{contact_id}", response={200: CompanyContactOut, **ERRORS})
def get_contact(request: HttpRequest, contact_id: int) -> Contact:
    return _contact(request, contact_id)


def _place(request: HttpRequest, company: Company, facility_id: int | None) -> Any:
    if not facility_id:
        return None
    plants = policy.visible(request.user, Facility).filter(company=company)
    found = plants.filter(pk=facility_id).first()
    if found is None:
        raise ValidationError({"facility_id": "This facility is not one of the company's plants."})
    return found


@router.post(
    "/company-contacts",
    response={201: CompanyContactOut, **WRITE_ERRORS},
    summary="Record a person at a company (editors of municipalities and the coordinator)",
)
def create_contact(request: HttpRequest, payload: CompanyContactIn) -> Status[Contact]:
    user = request.user
    _require_seeing(request, Contact)
    policy.require_create(user, Contact)
    company = referenced(request, Company, payload.company_id, "company_id")
    owner = referenced(
        request, Organisation, payload.owner_organisation_id, "owner_organisation_id"
    )
    values = payload.model_dump(
        exclude={"company_id", "facility_id", "owner_organisation_id"}, exclude_none=True
    )
    contact = services.create_contact(
        user,
        owner_organisation=owner,
        company=company,
        facility=_place(request, company, payload.facility_id),
        **values,
    )
    return Status(201, _contact(request, contact.pk))


@router.patch(
    "/company-contacts/{contact_id}",
    response={200: CompanyContactOut, **WRITE_ERRORS},
    summary="Change a person (send the version you read; 409 if it changed since)",
)
def update_contact(request: HttpRequest, contact_id: int, payload: CompanyContactPatch) -> Contact:
    contact = _contact(request, contact_id)
    changes = payload.model_dump(exclude={"version", "facility_id"}, exclude_unset=True)
    # null clears a date; text and choices are left as they are when sent as null
    changes = {k: v for k, v in changes.items() if v is not None or k in CLEARABLE}
    if "facility_id" in payload.model_fields_set:
        changes["facility"] = _place(request, contact.company, payload.facility_id)
    services.update_contact(request.user, contact, changes, payload.version)
    return _contact(request, contact_id)


# Touches


@router.get(
    "/touches",
    response={200: list[TouchOut], **LIST_ERRORS},
    summary="Touches with facilities (the note only where you may read it)",
)
@paginate(PageNumber)
def list_touches(request: HttpRequest, filters: Query[TouchFilter]):
    user = request.user
    hidden = filters.contact and not (
        policy.visible(user, Contact).filter(pk=filters.contact).exists()
    )
    if not policy.can_view(user, Touch) or hidden:
        # a person you may not see is not there: touches naming them are not singled out
        return policy.visible(user, Touch).none()
    return filters.filter(_touches(request)).distinct().order_by("-happened_on", "-pk")


@router.get("/touches/{touch_id}", response={200: TouchOut, **ERRORS})
def get_touch(request: HttpRequest, touch_id: int) -> Touch:
    return _touch(request, touch_id)


@router.post(
    "/touches",
    response={201: TouchOut, **WRITE_ERRORS},
    summary="Log a touch with a facility, naming the people you may see at its company",
)
def log_touch(request: HttpRequest, payload: TouchIn) -> Status[Touch]:
    user = request.user
    _require_seeing(request, Touch)
    policy.require_create(user, Touch)
    facility = referenced(request, Facility, payload.facility_id, "facility_id")
    people = [referenced(request, Contact, pk, "contact_ids") for pk in payload.contact_ids]
    touch = services.log_touch(
        user,
        facility,
        kind=payload.kind.value,
        happened_on=payload.happened_on,
        contacts=people,
        note=payload.note,
        confidential=payload.confidential,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
    )
    return Status(201, _touch(request, touch.pk))


@router.patch(
    "/touches/{touch_id}",
    response={200: TouchOut, **WRITE_ERRORS},
    summary="Change a touch (its organisation's editors and the coordinator; 409 if stale)",
)
def update_touch(request: HttpRequest, touch_id: int, payload: TouchPatch) -> Touch:
    touch = _touch(request, touch_id)
    changes = payload.model_dump(exclude={"version"}, exclude_none=True)
    services.update_touch(request.user, touch, changes, payload.version)
    return _touch(request, touch_id)
