"""Done when: a feed file dropped into a watched folder (or a feed at a local address)
brings in documents, facts, company matches and alerts with only the worker running:
the periodic task is queued by the schedule and ``run_queued`` runs it and the reads."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from corridor.core.scoping import system_scope
from corridor.intel import listeners, watch_tasks
from corridor.intel.models import Document, Fact, SourceKind, WatchedSource
from corridor.intel.tests import watch_fixtures
from corridor.intel.tests.watch_fixtures import (
    FEEDS,
    called_company,
    die_casting_gap,
    feed,
    source,
)
from corridor.jobs import periodic
from corridor.jobs import services as jobs_services
from corridor.jobs.models import Job, JobStatus
from corridor.jobs.worker import run_queued
from corridor.notifications.models import Notification

feed_server = watch_fixtures.feed_server
watch_root = watch_fixtures.watch_root


def _notes(kind: str) -> dict[str, list[str]]:
    with system_scope("test"):
        rows = Notification.objects.filter(kind=kind).select_related("recipient")
        found: dict[str, list[str]] = {}
        for n in rows.order_by("recipient__username", "pk"):
            found.setdefault(n.recipient.username, []).append(n.title)
    return found


def test_the_watch_is_registered_every_fifteen_minutes() -> None:
    [entry] = [p for p in periodic.registered() if p.name == watch_tasks.PERIODIC_NAME]
    assert entry.every == dt.timedelta(minutes=15)
    assert entry.task is watch_tasks.watch_due_sources


def test_a_feed_file_dropped_in_a_watched_folder_is_read_by_the_worker_alone(
    world: Any, watch_root: Path
) -> None:
    company = called_company(world)
    folder = watch_root / "drop"
    folder.mkdir()
    src = source("Drop box", SourceKind.FOLDER, str(folder))
    shutil.copy(FEEDS / "folder" / "drop.rss", folder / "drop.rss")

    assert watch_tasks.PERIODIC_NAME in periodic.enqueue_due()
    run_queued()

    with system_scope("test"):
        [document] = Document.objects.filter(watched_source=src)
        [fact] = Fact.objects.filter(document=document)
        job = Job.objects.get(label="Reading Drop box")
    assert document.title == "Ontario backs Acme Castings paint line in Windsor"
    assert fact.amount_cad == 3_000_000 and fact.recipient_company == company
    assert job.status == JobStatus.SUCCEEDED and "1 new document" in job.message
    # Windsor's people (alice, erin) and the coordinator; not Oshawa, not the partner
    told = _notes("attraction.called-company")
    assert sorted(told) == ["alice", "carol", "erin"]
    assert "Acme Castings Inc." in told["alice"][0]
    src.refresh_from_db()
    assert src.last_read_at is not None and src.last_status == "1 new document"


def test_each_due_source_is_its_own_job_and_a_failing_one_stops_no_other(
    world: Any, feed_server: str
) -> None:
    called_company(world)
    die_casting_gap(world)
    good = feed(feed_server, "windsor-news.atom", "Windsor Business News")
    bad = feed(feed_server, "gone.rss", "A feed that moved")
    recent = feed(feed_server, "ontario.rss", "Read an hour ago")
    with system_scope("test"):
        WatchedSource.objects.filter(pk=recent.pk).update(
            last_read_at=timezone.now() - dt.timedelta(hours=1)
        )
    watch_tasks.watch_due_sources.enqueue()
    run_queued()
    with system_scope("test"):
        jobs = {j.label: j for j in Job.objects.filter(label__startswith="Reading ")}
    assert set(jobs) == {"Reading Windsor Business News", "Reading A feed that moved"}
    assert jobs["Reading A feed that moved"].status == JobStatus.FAILED
    assert jobs["Reading Windsor Business News"].status == JobStatus.SUCCEEDED
    assert "A feed that moved could not be read" in jobs["Reading A feed that moved"].error
    good.refresh_from_db()
    assert good.last_error == "" and good.last_status == "2 new documents"
    # the failure is written on the source (here outside the worker's test savepoint)
    with pytest.raises(jobs_services.Refused, match="404"):
        watch_tasks.read_watched_source.call(bad.pk, True)
    bad.refresh_from_db()
    assert "404" in bad.last_error and bad.last_status == "Not read"
    # Michigan landed a die-casting plant, a capability the corridor lacks: participants
    told = _notes("attraction.competitor-landed")
    assert sorted(told) == ["alice", "bob", "carol", "erin"]
    assert told["bob"][0].startswith("Michigan landed an investment in Structural die casting")


def test_a_new_program_is_told_to_participants_once_per_announcement(
    world: Any, feed_server: str
) -> None:
    from corridor.programs.models import FundingProgram

    with system_scope("test fixtures"):
        # a program Corridor holds is no news: its facts go on the program's page
        FundingProgram.objects.create(
            key="o-amp",
            name="Ontario Automotive Modernization Program",
            short_name="O-AMP",
            jurisdiction="provincial",
        )
    feed(feed_server, "ontario.rss", "Ontario newsroom")
    watch_tasks.watch_due_sources.enqueue()
    run_queued()
    told = _notes("intel.new-program")
    assert sorted(told) == ["alice", "bob", "carol", "erin"]
    assert told["carol"] == ["New program in the news: Battery Supplier Readiness Fund (BSRF)"]


def test_a_failing_listener_stops_neither_the_others_nor_the_read(
    world: Any, feed_server: str
) -> None:
    heard: list[int] = []

    def broken(documents: Any) -> None:
        raise RuntimeError("a subscriber's mistake")

    def counting(documents: Any) -> None:
        heard.append(len(documents))

    listeners.on_new_documents.register(broken)
    listeners.on_new_documents.register(counting)
    try:
        src = feed(feed_server, "windsor-news.atom")
        watch_tasks.read_watched_source.call(src.pk, True)
    finally:
        listeners.on_new_documents.unregister(broken)
        listeners.on_new_documents.unregister(counting)
    assert heard == [2]


@pytest.mark.parametrize("hours_ago, due", [(None, True), (5, False), (7, True)])
def test_a_source_is_due_every_so_many_hours(
    world: Any, watch_root: Path, hours_ago: int | None, due: bool
) -> None:
    src = source("Folder", SourceKind.FOLDER, str(watch_root), every_hours=6)
    if hours_ago is not None:
        src.last_read_at = timezone.now() - dt.timedelta(hours=hours_ago)
    assert watch_tasks.watching.is_due(src, timezone.now()) is due
