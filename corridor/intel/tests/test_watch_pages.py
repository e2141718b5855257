"""The watched sources' pages and API, an event's page, and "Also reported by" on a
document's page."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.intel import watching
from corridor.intel.models import Document, Event, SourceKind, WatchedSource
from corridor.intel.tests import watch_fixtures
from corridor.intel.tests.watch_fixtures import feed, source
from corridor.jobs.models import Job

feed_server = watch_fixtures.feed_server
watch_root = watch_fixtures.watch_root


def _three_reports(feed_server: str) -> Event:
    for path in ("ontario.rss", "windsor-news.atom"):
        watching.read_source(feed(feed_server, path, path))
    watching.read_source(source("Acme page", SourceKind.PAGE, f"{feed_server}/company-news.html"))
    with system_scope("test"):
        return Event.objects.get()


def test_participants_see_the_sources_partners_do_not(world: Any, watch_root: Path) -> None:
    src = source("Drop box", SourceKind.FOLDER, str(watch_root))
    for name in ("alice", "erin", "carol"):
        page = client_for(world.users()[name]).get("/intel/sources/")
        assert page.status_code == 200 and "Drop box" in page.content.decode()
        assert client_for(world.users()[name]).get(f"/intel/sources/{src.pk}/").status_code == 200
    assert client_for(world.dave).get("/intel/sources/").status_code == 403
    assert client_for(world.dave).get(f"/intel/sources/{src.pk}/").status_code == 403
    assert "Watched sources" not in client_for(world.dave).get("/intel/").content.decode()
    assert client_for(world.alice).get("/intel/sources/add/").status_code == 403


def test_the_coordinator_adds_changes_and_removes_a_source(world: Any, watch_root: Path) -> None:
    carol = client_for(world.carol)
    refused = carol.post(
        "/intel/sources/add/",
        {"name": "Etc", "kind": "folder", "location": "/etc", "document_kind": "news",
         "every_hours": 6, "active": "on"},
    )  # fmt: skip
    assert refused.status_code == 200 and "must be inside" in refused.content.decode()
    made = carol.post(
        "/intel/sources/add/",
        {"name": "Drop box", "kind": "folder", "location": str(watch_root), "document_kind": "news",
         "every_hours": 6, "active": "on"},
    )  # fmt: skip
    assert made.status_code == 302
    with system_scope("test"):
        src = WatchedSource.objects.get(name="Drop box")
    assert src.added_by == world.carol
    changed = carol.post(
        f"/intel/sources/{src.pk}/edit/",
        {"name": "Drop box", "kind": "folder", "location": str(watch_root),
         "document_kind": "report", "every_hours": 12, "loaded_version": src.version},
    )  # fmt: skip
    assert changed.status_code == 302
    src.refresh_from_db()
    assert not src.active and src.every_hours == 12  # unticked: stopped
    read = carol.post(f"/intel/sources/{src.pk}/read/")
    with system_scope("test"):
        job = Job.objects.get(label="Reading Drop box")
    assert read["Location"] == f"/jobs/{job.pk}/"
    assert carol.post(f"/intel/sources/{src.pk}/delete/").status_code == 302
    with system_scope("test"):
        assert not WatchedSource.objects.filter(pk=src.pk).exists()


def test_a_source_page_shows_what_it_brought_in_and_its_problem(
    world: Any, feed_server: str
) -> None:
    src = feed(feed_server, "ontario.rss", "Ontario newsroom")
    watching.read_source(src)
    page = client_for(world.erin).get(f"/intel/sources/{src.pk}/").content.decode()
    assert "Ontario Supports Acme Castings Expansion in Windsor" in page
    assert "page not read" in page and "Read now" not in page
    bad = feed(feed_server, "gone.rss", "Moved feed")
    with contextlib.suppress(watching.WatchError):
        watching.read_source(bad)
    listing = client_for(world.carol).get("/intel/sources/").content.decode()
    assert "Not read" in listing and "404" in listing


def test_an_event_page_and_also_reported_by(world: Any, feed_server: str) -> None:
    event = _three_reports(feed_server)
    page = client_for(world.dave).get(f"/intel/events/{event.pk}/").content.decode()
    assert "reported by 3 documents" in page
    assert "Windsor Business News (test)" in page and "Acme Castings (test)" in page
    assert "Read from" not in page  # a partner does not see the sources
    with system_scope("test"):
        release = Document.objects.get(source="Ontario Newsroom (test)", event=event)
    detail = client_for(world.alice).get(f"/intel/documents/{release.pk}/").content.decode()
    assert "Also reported by" in detail
    assert "Windsor Business News (test)" in detail and f"/intel/events/{event.pk}/" in detail


def test_the_api(world: Any, feed_server: str, watch_root: Path) -> None:
    carol = client_for(world.carol)
    body = {"name": "Ontario newsroom", "kind": "feed", "location": f"{feed_server}/ontario.rss"}
    made = carol.post("/api/v1/watched-sources", json.dumps(body), content_type="application/json")
    assert made.status_code == 201, made.content
    src = made.json()
    assert src["document_kind"] == "press_release" and src["every_hours"] == 6
    bad = {**body, "kind": "folder", "location": "/etc"}
    refused = carol.post(
        "/api/v1/watched-sources", json.dumps(bad), content_type="application/json"
    )
    assert refused.status_code == 422
    assert (
        client_for(world.alice)
        .post("/api/v1/watched-sources", json.dumps(body), content_type="application/json")
        .status_code
        == 403
    )
    patch = {"version": src["version"], "active": False, "every_hours": 24}
    changed = carol.patch(
        f"/api/v1/watched-sources/{src['id']}", json.dumps(patch), content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["active"] is False
    stale = carol.patch(
        f"/api/v1/watched-sources/{src['id']}", json.dumps(patch), content_type="application/json"
    )
    assert stale.status_code == 409
    read = carol.post(f"/api/v1/watched-sources/{src['id']}/read")
    assert read.status_code == 202 and read.json()["job_url"].startswith("/jobs/")
    assert client_for(world.erin).get("/api/v1/watched-sources").json()["count"] == 1
    assert client_for(world.dave).get("/api/v1/watched-sources").json()["count"] == 0
    assert client_for(world.dave).get(f"/api/v1/watched-sources/{src['id']}").status_code == 403
    event = _three_reports(feed_server)
    events = client_for(world.dave).get("/api/v1/events").json()
    assert events["count"] == 1 and events["items"][0]["document_count"] == 3
    one = client_for(world.dave).get(f"/api/v1/events/{event.pk}").json()
    assert {d["source"] for d in one["documents"]} >= {"Windsor Business News (test)"}
    assert carol.delete(f"/api/v1/watched-sources/{src['id']}").status_code == 204
