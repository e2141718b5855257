"""Reading watched sources: feeds (RSS 2.0 and Atom), a page, a folder; each entry once;
linked pages fetched when a feed has only a summary; events of one announcement."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from corridor.core.scoping import system_scope
from corridor.intel import events, watching
from corridor.intel.models import Document, Event, Fact, SourceKind, WatchedItem
from corridor.intel.tests import watch_fixtures
from corridor.intel.tests.watch_fixtures import FEEDS, called_company, feed, source

feed_server = watch_fixtures.feed_server
watch_root = watch_fixtures.watch_root

pytestmark = pytest.mark.usefixtures("watch_root")


def _documents(src: Any) -> list[Document]:
    with system_scope("test"):
        return list(Document.objects.filter(watched_source=src).order_by("date", "pk"))


def test_rss_items_with_a_summary_bring_in_their_linked_page(world: Any, feed_server: str) -> None:
    company = called_company(world)
    src = feed(feed_server, "ontario.rss", "Ontario newsroom")
    report = watching.read_source(src)
    assert len(report.added) == 2
    release, fund = _documents(src)
    # the page the item links to was read, not the one-line summary
    assert "$12 million in Acme Castings Inc." in release.text
    assert release.url == f"{feed_server}/acme-release.html"
    assert release.title == "Ontario Supports Acme Castings Expansion in Windsor"
    assert release.kind == src.document_kind
    with system_scope("test"):
        fact = Fact.objects.get(document=release)
        assert fact.recipient_company == company
        assert fact.amount_cad == 12_000_000 and fact.jobs == 150
        # the fund's page is missing: its summary is kept, and the item says why
        item = WatchedItem.objects.get(source=src, key="ontario-2026-0415")
    assert "Battery Supplier Readiness Fund" in fund.text
    assert "page not read" in item.error and "404" in item.error
    src.refresh_from_db()
    assert src.last_status == "2 new documents" and src.last_read_at is not None
    assert src.last_error == ""


def test_an_entry_is_read_once(world: Any, feed_server: str) -> None:
    src = feed(feed_server, "ontario.rss")
    watching.read_source(src)
    again = watching.read_source(src)
    assert again.added == [] and again.skipped == 2
    with system_scope("test"):
        assert WatchedItem.objects.filter(source=src).count() == 2
    assert src.last_status == "0 new documents"


def test_atom_entries_with_their_whole_text_are_read_from_the_feed(
    world: Any, feed_server: str
) -> None:
    src = feed(feed_server, "windsor-news.atom", "Windsor Business News")
    watching.read_source(src)
    acme, michigan = _documents(src)
    assert acme.source == "Windsor Business News (test)"
    assert "Walker Road" in acme.text
    assert acme.url == "https://example.invalid/acme-castings"
    with system_scope("test"):
        assert str(Fact.objects.get(document=michigan).jurisdiction) == "Michigan"


def test_the_same_announcement_from_three_outlets_is_one_event(
    world: Any, feed_server: str
) -> None:
    called_company(world)
    newsroom = feed(feed_server, "ontario.rss", "Ontario newsroom")
    paper = feed(feed_server, "windsor-news.atom", "Windsor Business News")
    company = source("Acme news page", SourceKind.PAGE, f"{feed_server}/company-news.html")
    for src in (newsroom, paper, company):
        watching.read_source(src)
    with system_scope("test"):
        [event] = Event.objects.all()
        reports = list(event.documents.order_by("pk"))
        assert [d.watched_source for d in reports] == [newsroom, paper, company]
    assert event.title == "Ontario Supports Acme Castings Expansion in Windsor"
    assert str(event.date) == "2026-04-13"
    # the fund and the Michigan plant are other announcements
    with system_scope("test"):
        assert Document.objects.filter(event__isnull=True).count() == 2


def test_unlike_announcements_are_not_grouped(world: Any) -> None:
    a = events.Signature(
        1, "ontario backs acme castings", None, 1, frozenset(), frozenset(), frozenset()
    )
    import datetime as dt

    day = dt.date(2026, 4, 13)
    a = a.__class__(1, "ontario backs acme castings", day, 1, frozenset(), frozenset(), frozenset())
    far = a.__class__(
        2, a.title, day + dt.timedelta(days=8), 1, frozenset(), frozenset(), frozenset()
    )
    elsewhere = a.__class__(3, a.title, day, 2, frozenset(), frozenset(), frozenset())
    other = a.__class__(
        4, "michigan lands a die casting plant", day, 1, frozenset(), frozenset(), frozenset()
    )
    same = a.__class__(
        5, "acme castings backed by ontario", day, 1, frozenset(), frozenset(), frozenset()
    )
    assert events.likeness(a, same) > 0
    assert events.likeness(a, far) == 0  # more than 7 days apart
    assert events.likeness(a, elsewhere) == 0  # another government, no shared recipient
    assert events.likeness(a, other) == 0  # titles unlike, nothing shared
    money = frozenset({(__import__("decimal").Decimal(12000000), "CAD", "company:1")})
    told_otherwise = a.__class__(
        6, "windsor plant grows", day, None, frozenset(), frozenset({"company:1"}), money
    )
    a_money = a.__class__(1, a.title, day, None, frozenset(), frozenset({"company:1"}), money)
    assert events.likeness(a_money, told_otherwise) > 100  # same amount, same recipient


def test_a_page_is_read_again_only_when_its_text_changes(world: Any, watch_root: Path) -> None:
    page = watch_root / "page.html"
    shutil.copy(FEEDS / "company-news.html", page)
    src = source("Company page", SourceKind.PAGE, page.as_uri())
    assert len(watching.read_source(src).added) == 1
    assert watching.read_source(src).added == []
    page.write_text(page.read_text().replace("150 new jobs", "160 new jobs"))
    assert len(watching.read_source(src).added) == 1


def test_a_folder_brings_in_new_files_and_the_entries_of_a_feed_file_dropped_there(
    world: Any, watch_root: Path
) -> None:
    folder = watch_root / "drop"
    folder.mkdir()
    src = source("Drop box", SourceKind.FOLDER, str(folder))
    assert watching.read_source(src).added == []
    shutil.copy(FEEDS / "folder" / "drop.rss", folder / "drop.rss")
    shutil.copy(FEEDS / "folder" / "note.txt", folder / "note.txt")
    report = watching.read_source(src)
    titles = sorted(d.title for d in report.added)
    assert titles == [
        "Federal support for Tecumseh Tooling",
        "Ontario backs Acme Castings paint line in Windsor",
    ]
    with system_scope("test"):
        keys = set(WatchedItem.objects.filter(source=src).values_list("key", flat=True))
    assert keys == {"drop.rss#drop-1", "note.txt"}
    assert watching.read_source(src).added == []


def test_a_source_that_cannot_be_read_says_why(
    world: Any, feed_server: str, watch_root: Path
) -> None:
    missing = feed(feed_server, "nowhere.rss")
    with pytest.raises(watching.WatchError):
        watching.read_source(missing)
    missing.refresh_from_db()
    assert "404" in missing.last_error and missing.last_status == "Not read"
    not_a_feed = feed(feed_server, "company-news.html")
    with pytest.raises(watching.WatchError, match="not a feed"):
        watching.read_source(not_a_feed)
    gone = source("Gone", SourceKind.FOLDER, str(watch_root / "gone"))
    with pytest.raises(watching.WatchError, match="no such folder"):
        watching.read_source(gone)


def test_locations_outside_the_watched_place_are_refused(watch_root: Path) -> None:
    with pytest.raises(ValueError, match="inside"):
        watching.check_location(SourceKind.FOLDER, "/etc")
    with pytest.raises(ValueError, match="inside"):
        watching.check_location(SourceKind.FEED, "file:///etc/passwd")
    with pytest.raises(ValueError, match="web address"):
        watching.check_location(SourceKind.FEED, "ftp://example.org/feed")
    assert watching.check_location(SourceKind.FOLDER, str(watch_root / "a")) == str(
        watch_root / "a"
    )
    # a link in a feed read from the web never reads a file of the server
    with pytest.raises(watching.WatchError):
        watching.fetch((watch_root / "a").as_uri(), allow_files=False)


def test_fetching_stops_at_the_size_limit(monkeypatch: Any, watch_root: Path) -> None:
    big = watch_root / "big.html"
    big.write_bytes(b"x" * 2000)
    monkeypatch.setattr(watching, "MAX_BYTES", 1000)
    with pytest.raises(watching.WatchError, match="larger than"):
        watching.fetch(big.as_uri(), allow_files=True)


def test_the_demo_watches_two_fictional_sources_and_reads_its_drop_box(world: Any) -> None:
    from corridor.intel.demo_watch import FOLDER_NAME, build_demo_watch

    said: list[str] = []
    build_demo_watch(said.append)
    build_demo_watch(said.append)
    with system_scope("test"):
        drop = WatchedItem.objects.filter(source__name=FOLDER_NAME).count()
        documents = list(Document.objects.filter(watched_source__name=FOLDER_NAME))
        [event] = Event.objects.all()
        reports = event.documents.count()
    assert drop == 3 and len(documents) == 3 and all(d.is_demo for d in documents)
    assert reports == 2
    assert said == [
        "Intelligence: 2 watched sources (demo), 3 documents read from the demo drop box",
        "Intelligence: 2 watched sources (demo), 0 documents read from the demo drop box",
    ]


def test_an_address_of_the_servers_own_network_is_not_read(settings: Any) -> None:
    from corridor.intel.watching import WatchError, fetch

    settings.CORRIDOR_WATCH_ALLOW_INTERNAL = False
    for url in ("http://127.0.0.1:9/feed.rss", "http://10.0.0.5/feed", "http://169.254.169.254/"):
        with pytest.raises(WatchError, match="server's own network"):
            fetch(url)


def test_a_redirect_to_the_servers_own_network_is_not_followed(settings: Any) -> None:
    from corridor.intel.watching import WatchError, _CheckedRedirects

    settings.CORRIDOR_WATCH_ALLOW_INTERNAL = False
    request = urllib.request.Request("https://news.example.org/feed")
    with pytest.raises(WatchError, match="server's own network"):
        _CheckedRedirects().redirect_request(request, None, 302, "Found", {}, "http://127.0.0.1/")
