"""API endpoints of the registry: companies, facilities, imported rows, review and merges."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS
from corridor.api.pagination import PageNumber
from corridor.core import columns, policy, timeline
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


# The activity timeline of a facility and of a company, filtered as on their pages.


class TimelineItemOut(Schema):
    when: dt.datetime
    kind: str = Field(..., description="The kind of item (see `kinds` for their labels)")
    title: str
    detail: str = Field(..., description="Empty when you may not read it")
    url: str = Field(..., description="The page in Corridor, a path")
    who: str
    confidential: bool = Field(..., description="Shown only because you may see it")


class TimelineKindOut(Schema):
    slug: str
    label: str


class TimelineOut(Schema):
    count: int = Field(..., description="How many items are listed")
    more: bool = Field(..., description="Whether there are more (ask with a larger `limit`)")
    kinds: list[TimelineKindOut]
    items: list[TimelineItemOut]


def _timeline(
    request: HttpRequest,
    facility_ids: list[int],
    company_id: int,
    records: list[tuple[str, str, int]],
    kind: list[str],
    since: str,
    until: str,
    limit: int,
) -> dict[str, Any]:
    filters = timeline.read_filters(kind, since, until, limit)
    if filters.problems:
        field = {"Kind": "kind", "From": "from", "To": "to"}.get(
            filters.problems[0].split(":")[0], "limit"
        )
        raise ValidationError({field: filters.problems[0]})
    items, more = timeline.page_for(request.user, filters, facility_ids, company_id, records)
    return {
        "count": len(items),
        "more": more,
        "kinds": [{"slug": k.slug, "label": k.label} for k in timeline.kinds()],
        "items": items,
    }


KINDS = Query([], description="Only these kinds (repeat the parameter); none: every kind")
SINCE = Query("", alias="from", description="The first day, YYYY-MM-DD")
UNTIL = Query("", alias="to", description="The last day, YYYY-MM-DD")
LIMIT = Query(timeline.PAGE_LENGTH, ge=1, le=timeline.MOST, description="At most this many")


@router.get(
    "/facilities/{facility_id}/timeline",
    response={200: TimelineOut, **ERRORS},
    summary="A facility's activity, newest first, each item only as far as you may see it",
)
def facility_timeline(
    request: HttpRequest,
    facility_id: int,
    kind: list[str] = KINDS,
    since: str = SINCE,
    until: str = UNTIL,
    limit: int = LIMIT,
) -> dict[str, Any]:
    facility = _facility(request, facility_id)
    records = [("registry", "facility", facility.pk)]
    return _timeline(
        request, [facility.pk], facility.company_id, records, kind, since, until, limit
    )


@router.get(
    "/companies/{company_id}/timeline",
    response={200: TimelineOut, **ERRORS},
    summary="The activity of a company's plants, newest first, as far as you may see it",
)
def company_timeline(
    request: HttpRequest,
    company_id: int,
    kind: list[str] = KINDS,
    since: str = SINCE,
    until: str = UNTIL,
    limit: int = LIMIT,
) -> dict[str, Any]:
    company = get_object_or_404(
        policy.visible(request.user, Company, include_deleted=True), pk=company_id
    )
    plants = list(
        policy.visible(request.user, Facility).filter(company=company).values_list("pk", flat=True)
    )
    records = [("registry", "company", company.pk)] + [("registry", "facility", p) for p in plants]
    return _timeline(request, plants, company.pk, records, kind, since, until, limit)
