"""API endpoints of the registry: companies, facilities, imported rows, review and merges."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS
from corridor.api.pagination import PageNumber
from corridor.core import columns, policy
from corridor.registry import services
from corridor.registry.filtersets import CompanyFilter, FacilityFilter
from corridor.registry.models import Certification, Company, Facility, Merge, SourceRecord
from corridor.registry.schemas import (
    CompanyDetailOut,
    CompanyOut,
    FacilityDetailOut,
    FacilityOut,
    MergeIn,
    MergeOut,
    SourceRecordOut,
)
from corridor.registry.views.common import require_seeing, waiting_for_review

router = Router(tags=["registry"])
# What the list prints of each facility's company and municipality (corridor/core/columns.py).
FACILITY_COLUMNS = columns.only(Facility, "company__name", "municipality__name")


def _facility(request: HttpRequest, facility_id: int) -> Facility:
    """A facility you may see; the coordinator also finds merged (deleted) ones."""
    qs = policy.visible(request.user, Facility, include_deleted=True)
    return get_object_or_404(qs.select_related("company", "municipality"), pk=facility_id)


def _merge_out(request: HttpRequest, merge_id: int) -> Merge:
    qs = policy.visible(request.user, Merge).select_related("merged_by", "undone_by")
    return get_object_or_404(qs, pk=merge_id)


@router.get("/companies", response={200: list[CompanyOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_companies(request: HttpRequest, filters: Query[CompanyFilter]):
    return filters.filter(policy.visible(request.user, Company)).order_by("name", "pk")


@router.get("/companies/{company_id}", response={200: CompanyDetailOut, **ERRORS})
def get_company(request: HttpRequest, company_id: int) -> Company:
    company = get_object_or_404(
        policy.visible(request.user, Company, include_deleted=True), pk=company_id
    )
    plants = policy.visible(request.user, Facility).filter(company=company).order_by("pk")
    company.facility_ids = list(plants.values_list("pk", flat=True))  # type: ignore[attr-defined]
    return company


@router.get("/facilities", response={200: list[FacilityOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_facilities(request: HttpRequest, filters: Query[FacilityFilter]):
    qs = filters.filter(policy.visible(request.user, Facility))
    return (
        qs.select_related("company", "municipality").only(*FACILITY_COLUMNS).order_by("name", "pk")
    )


@router.get("/facilities/{facility_id}", response={200: FacilityDetailOut, **ERRORS})
def get_facility(request: HttpRequest, facility_id: int) -> Facility:
    facility = _facility(request, facility_id)
    certifications = policy.visible(request.user, Certification).filter(facility=facility)
    facility.visible_certifications = list(certifications)  # type: ignore[attr-defined]
    return facility


@router.get(
    "/facilities/{facility_id}/source-records",
    response={200: list[SourceRecordOut], **ERRORS},
    summary="The imported rows of a facility (municipalities and the coordinator office)",
)
@paginate(PageNumber)
def facility_source_records(request: HttpRequest, facility_id: int):
    require_seeing(request.user, SourceRecord)
    facility = _facility(request, facility_id)
    return (
        policy.visible(request.user, SourceRecord)
        .filter(facility=facility)
        .order_by("source", "source_id")
    )


@router.get(
    "/review-queue",
    response={200: list[SourceRecordOut], **ERRORS},
    summary="Imported rows waiting for the coordinator's decision",
)
@paginate(PageNumber)
def review_queue(request: HttpRequest):
    require_seeing(request.user, SourceRecord)
    return waiting_for_review(request.user).order_by("pk")


def _waiting(request: HttpRequest, record_id: int) -> SourceRecord:
    record = get_object_or_404(policy.visible(request.user, SourceRecord), pk=record_id)
    policy.require_change(request.user, record)
    return record


@router.post(
    "/review-queue/{record_id}/confirm",
    response={200: MergeOut, **ERRORS},
    summary="The row is its candidate facility: merge them (coordinator)",
)
def confirm_review(request: HttpRequest, record_id: int) -> Merge:
    record = _waiting(request, record_id)
    merge = services.confirm_match(request.user, record)
    return _merge_out(request, merge.pk)


@router.post(
    "/review-queue/{record_id}/reject",
    response={200: SourceRecordOut, **ERRORS},
    summary="The row is not its candidate: keep it apart (coordinator)",
)
def reject_review(request: HttpRequest, record_id: int) -> SourceRecord:
    record = _waiting(request, record_id)
    services.reject_match(request.user, record)
    return record


@router.post(
    "/facilities/{facility_id}/merge",
    response={200: MergeOut, **ERRORS},
    summary="Merge another facility into this one (coordinator)",
)
def merge_facility(request: HttpRequest, facility_id: int, payload: MergeIn) -> Merge:
    survivor = get_object_or_404(policy.visible(request.user, Facility), pk=facility_id)
    policy.require_create(request.user, Merge)
    merged = policy.visible(request.user, Facility).filter(pk=payload.merged_id).first()
    if merged is None:
        raise ValidationError({"merged_id": "No such facility in the registry."})
    merge = services.merge_facilities(request.user, survivor, merged)
    return _merge_out(request, merge.pk)


@router.post(
    "/merges/{merge_id}/undo",
    response={200: MergeOut, **ERRORS},
    summary="Undo a merge: the facility comes back with its rows (coordinator)",
)
def undo_merge(request: HttpRequest, merge_id: int) -> Merge:
    merge = _merge_out(request, merge_id)
    services.unmerge(request.user, merge)
    return _merge_out(request, merge_id)
