"""API of watching: the sources the worker reads, and events (one announcement
reported by several outlets).

Participants read the sources; the coordinator adds, changes, removes and reads one at
once (a background job); partners see none. Events are public like their documents.
Every endpoint reads through the access policy and acts through ``watching`` and
``watch_tasks``, as the pages do."""

import datetime as dt
from enum import Enum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText
from corridor.intel import watch_tasks, watching
from corridor.intel.models import (
    Document,
    DocumentKind,
    Event,
    Jurisdiction,
    SourceKind,
    WatchedSource,
)

router = Router(tags=["intelligence"])


class WatchedSourceOut(Schema):
    id: int
    name: str
    kind: str = Field(..., description="feed, page or folder")
    location: str = Field(..., description="The feed's or page's web address, or the folder's path")
    jurisdiction_id: int | None
    jurisdiction: str | None = None
    document_kind: str = Field(..., description="news, press_release, policy or report")
    every_hours: int
    active: bool
    last_read_at: dt.datetime | None
    last_status: str
    last_error: str
    document_count: int = Field(0, description="Documents it brought in")
    version: int

    @staticmethod
    def resolve_jurisdiction(obj: Any) -> str | None:
        return obj.jurisdiction.name if obj.jurisdiction_id else None

    @staticmethod
    def resolve_document_count(obj: Any) -> int:
        return int(getattr(obj, "document_count", 0) or 0)


class WatchedSourceIn(CleanText):
    name: str = Field(..., min_length=1, max_length=200)
    kind: SourceKind = Field(SourceKind.FEED, description="feed, page or folder")
    location: str = Field(..., min_length=1, max_length=500)
    jurisdiction_id: int | None = Field(None, ge=1, le=MAX_ID)
    document_kind: DocumentKind = DocumentKind.PRESS_RELEASE
    every_hours: int = Field(6, ge=1, le=168)
    active: bool = True


class WatchedSourcePatch(CleanText):
    version: int = Field(
        ..., ge=1, le=MAX_ID, description="The version you read (409 if it changed)"
    )
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: SourceKind | None = None
    location: str | None = Field(None, min_length=1, max_length=500)
    jurisdiction_id: int | None = Field(None, ge=1, le=MAX_ID)
    document_kind: DocumentKind | None = None
    every_hours: int | None = Field(None, ge=1, le=168)
    active: bool | None = None


class SourceReadOut(Schema):
    job_id: int
    job_url: str = Field(..., description="The job's page, which follows the read")


class EventDocumentOut(Schema):
    id: int
    title: str
    date: dt.date | None
    source: str = Field(..., description="Who published it")
    url: str
    jurisdiction: str | None = None
    watched_source_id: int | None

    @staticmethod
    def resolve_jurisdiction(obj: Any) -> str | None:
        return obj.jurisdiction.name if obj.jurisdiction_id else None


class EventOut(Schema):
    id: int
    title: str
    date: dt.date | None
    document_count: int = 0
    documents: list[EventDocumentOut] = Field(default_factory=list)

    @staticmethod
    def resolve_documents(obj: Any) -> list[Any]:
        return list(getattr(obj, "seen_documents", []))

    @staticmethod
    def resolve_document_count(obj: Any) -> int:
        return len(getattr(obj, "seen_documents", []))


class EventFilter(Schema):
    jurisdiction: int | None = Field(None, ge=1, le=MAX_ID, description="A report's government")
    since: dt.date | None = Field(None, description="Events on or after this date")


def _sources(request: HttpRequest) -> Any:
    return (
        policy.visible(request.user, WatchedSource)
        .select_related("jurisdiction")
        .annotate(document_count=Count("documents", distinct=True))
    )


def _source(request: HttpRequest, source_id: int) -> WatchedSource:
    if not policy.can_view(request.user, WatchedSource):
        raise PermissionDenied("The watched sources are kept for participants.")
    found: WatchedSource = get_object_or_404(_sources(request), pk=source_id)
    return found


def _values(request: HttpRequest, payload: Any, fields: set[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(payload, name)
        if name == "jurisdiction_id":
            values["jurisdiction"] = referenced(request, Jurisdiction, value, "jurisdiction_id")
        elif isinstance(value, Enum):
            values[name] = value.value
        elif value is not None:
            values[name] = value
    return values


@router.get(
    "/watched-sources",
    response={200: list[WatchedSourceOut], **LIST_ERRORS},
    summary="The feeds, pages and folders Corridor reads by itself (participants)",
)
@paginate(PageNumber)
def list_sources(request: HttpRequest):
    return _sources(request).order_by("name", "pk")


@router.get("/watched-sources/{source_id}", response={200: WatchedSourceOut, **ERRORS})
def get_source(request: HttpRequest, source_id: int) -> WatchedSource:
    return _source(request, source_id)


@router.post(
    "/watched-sources",
    response={201: WatchedSourceOut, **WRITE_ERRORS},
    summary="Watch a new source (the coordinator)",
)
def create_source(request: HttpRequest, payload: WatchedSourceIn) -> Status[WatchedSource]:
    policy.require_create(request.user, WatchedSource)
    values = _values(
        request, payload, set(watching.SOURCE_FIELDS) - {"jurisdiction"} | {"jurisdiction_id"}
    )
    source = watching.create_source(request.user, **values)
    return Status(201, _source(request, source.pk))


@router.patch(
    "/watched-sources/{source_id}",
    response={200: WatchedSourceOut, **WRITE_ERRORS},
    summary="Change a source, or stop it (active false); send the version you read",
)
def update_source(
    request: HttpRequest, source_id: int, payload: WatchedSourcePatch
) -> WatchedSource:
    source = _source(request, source_id)
    sent = payload.model_fields_set - {"version"}
    changes = _values(request, payload, sent)
    if "jurisdiction_id" not in sent:
        changes.pop("jurisdiction", None)
    watching.update_source(request.user, source, changes, payload.version)
    return _source(request, source_id)


@router.delete(
    "/watched-sources/{source_id}",
    response={204: None, **ERRORS},
    summary="Stop watching a source and remove it (the documents it brought in stay)",
)
def delete_source(request: HttpRequest, source_id: int) -> Status[None]:
    watching.delete_source(request.user, _source(request, source_id))
    return Status(204, None)


@router.post(
    "/watched-sources/{source_id}/read",
    response={202: SourceReadOut, **ERRORS},
    summary="Read a source now, in the background (the coordinator); follow the job",
)
def read_source(request: HttpRequest, source_id: int) -> Status[dict[str, Any]]:
    source = _source(request, source_id)
    policy.require_change(request.user, source)
    job = watch_tasks.start_read(source, user=request.user)
    return Status(202, {"job_id": job.pk, "job_url": f"/jobs/{job.pk}/"})


def _events(request: HttpRequest) -> Any:
    reports = (
        policy.visible(request.user, Document).select_related("jurisdiction").order_by("date", "pk")
    )
    return policy.visible(request.user, Event).prefetch_related(
        Prefetch("documents", queryset=reports, to_attr="seen_documents")
    )


@router.get(
    "/events",
    response={200: list[EventOut], **LIST_ERRORS},
    summary="Announcements reported by several documents, the newest first",
)
@paginate(PageNumber)
def list_events(request: HttpRequest, filters: Query[EventFilter]):
    qs = _events(request)
    if filters.jurisdiction:
        qs = qs.filter(documents__jurisdiction_id=filters.jurisdiction).distinct()
    if filters.since:
        qs = qs.filter(date__gte=filters.since)
    return qs.order_by("-date", "-pk")


@router.get("/events/{event_id}", response={200: EventOut, **ERRORS})
def get_event(request: HttpRequest, event_id: int) -> Event:
    found: Event = get_object_or_404(_events(request), pk=event_id)
    return found
