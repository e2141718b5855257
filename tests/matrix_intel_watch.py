"""The watching part of the access matrix (see tests/test_access_matrix.py).

Watched sources: participants (alice, bob, erin, carol) see them; only the coordinator
(carol) adds, changes, removes and reads one at once; the partner (dave) gets 403 on the
pages and an empty list from the API. Events are public like their documents.

World: ``w.watch_source`` (a folder source), ``w.watch_event`` (the intel document's event).
"""

from __future__ import annotations

from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import watching
from corridor.intel.models import Document, Event, WatchedSource
from tests.access_rows import Row, coordinator, everyone, participants


def build_intel_watch(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        w.watch_source = WatchedSource.objects.create(
            name="Matrix drop box",
            kind="folder",
            location=str(watching.watch_root() / "matrix"),
            added_by=w.carol,
        )
        w.watch_event = Event.objects.create(title="Matrix announcement")
        Document.objects.filter(pk=w.intel_document.pk).update(event=w.watch_event)


def _form(w: Any, **extra: Any) -> dict[str, Any]:
    return {
        "name": "Matrix feed",
        "kind": "folder",
        "location": str(watching.watch_root() / "matrix-new"),
        "document_kind": "news",
        "every_hours": 6,
        "active": "on",
        **extra,
    }


INTEL_WATCH_PAGES: list[Row] = [
    Row("intel-source-list", lambda w: "/intel/sources/", participants(200, 403)),
    Row(
        "intel-source-detail",
        lambda w: f"/intel/sources/{w.watch_source.pk}/",
        participants(200, 403),
    ),
    Row("intel-source-add", lambda w: "/intel/sources/add/", coordinator(200, 403, 403)),
    Row(
        "intel-source-add",
        lambda w: "/intel/sources/add/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: _form(w),
    ),
    Row(
        "intel-source-edit",
        lambda w: f"/intel/sources/{w.watch_source.pk}/edit/",
        coordinator(200, 403, 403),
    ),
    Row(
        "intel-source-edit",
        lambda w: f"/intel/sources/{w.watch_source.pk}/edit/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: _form(w, loaded_version=w.watch_source.version),
    ),
    Row(
        "intel-source-read",
        lambda w: f"/intel/sources/{w.watch_source.pk}/read/",
        coordinator(302, 403, 403),
        method="post",
    ),
    Row(
        "intel-source-delete",
        lambda w: f"/intel/sources/{w.watch_source.pk}/delete/",
        coordinator(302, 403, 403),
        method="post",
    ),
    Row("intel-event-detail", lambda w: f"/intel/events/{w.watch_event.pk}/", everyone(200)),
]

INTEL_WATCH_API: list[Row] = [
    Row("GET /api/v1/watched-sources", lambda w: "/api/v1/watched-sources", everyone(200, 401)),
    Row(
        "GET /api/v1/watched-sources/{source_id}",
        lambda w: f"/api/v1/watched-sources/{w.watch_source.pk}",
        participants(200, 403, anonymous=401),
    ),
    Row(
        "POST /api/v1/watched-sources",
        lambda w: "/api/v1/watched-sources",
        coordinator(201, 403, 403, anonymous=401),
        method="post",
        data=lambda w: {
            "name": "Matrix feed",
            "kind": "folder",
            "location": str(watching.watch_root() / "matrix-api"),
        },
    ),
    Row(
        "PATCH /api/v1/watched-sources/{source_id}",
        lambda w: f"/api/v1/watched-sources/{w.watch_source.pk}",
        coordinator(200, 403, 403, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.watch_source.version, "every_hours": 12},
    ),
    Row(
        "DELETE /api/v1/watched-sources/{source_id}",
        lambda w: f"/api/v1/watched-sources/{w.watch_source.pk}",
        coordinator(204, 403, 403, anonymous=401),
        method="delete",
    ),
    Row(
        "POST /api/v1/watched-sources/{source_id}/read",
        lambda w: f"/api/v1/watched-sources/{w.watch_source.pk}/read",
        coordinator(202, 403, 403, anonymous=401),
        method="post",
    ),
    Row("GET /api/v1/events", lambda w: "/api/v1/events", everyone(200, 401)),
    Row(
        "GET /api/v1/events/{event_id}",
        lambda w: f"/api/v1/events/{w.watch_event.pk}",
        everyone(200, 401),
    ),
]

INTEL_WATCH_API_LISTS = {"/api/v1/watched-sources": WatchedSource, "/api/v1/events": Event}
