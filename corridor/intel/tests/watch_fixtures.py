"""What the watching tests share: the feeds served by a local HTTP server on 127.0.0.1
(no test reads the network), a watched folder, a company some municipality called on,
and an unmet supply gap."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from corridor.calls.models import Call, CallStatus, CallTemplate
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel.models import SourceKind, WatchedSource
from corridor.registry.models import Company, Facility

FEEDS = Path(__file__).parent / "data" / "feeds"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def watch_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "watch"
    root.mkdir()
    settings.CORRIDOR_WATCH_ROOT = str(root)
    settings.VAR_DIR = tmp_path / "var"
    return root


@pytest.fixture
def feed_server(tmp_path: Path, settings: Any) -> Iterator[str]:
    """The feeds folder served at http://127.0.0.1:<port> ({base} in a feed is that): an
    internal address, allowed for the test."""
    settings.CORRIDOR_WATCH_ALLOW_INTERNAL = True
    served = tmp_path / "served"
    shutil.copytree(FEEDS, served)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(served)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for feed in served.glob("*.rss"):
        feed.write_text(feed.read_text(encoding="utf-8").replace("{base}", base), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def source(name: str, kind: str, location: str, **extra: Any) -> WatchedSource:
    with system_scope("test fixtures"), change_context(source="tests"):
        return WatchedSource.objects.create(name=name, kind=kind, location=location, **extra)


def feed(base: str, path: str, name: str = "") -> WatchedSource:
    return source(name or path, SourceKind.FEED, f"{base}/{path}")


def called_company(world: Any) -> Company:
    """Acme Castings Inc., whose Windsor plant Windsor's officers called on (completed)."""
    with system_scope("test fixtures"), change_context(source="tests"):
        company = Company.objects.create(name="Acme Castings Inc.")
        plant = Facility.objects.create(
            company=company,
            name="Acme Castings Windsor",
            city="Windsor",
            municipality=world.windsor,
        )
        Call.objects.create(
            facility=plant,
            organisation=world.org_a,
            scheduled_on=dt.date(2026, 3, 2),
            status=CallStatus.COMPLETED,
            template=CallTemplate.objects.get(number=1),
        )
    return company


def die_casting_gap(world: Any) -> Any:
    """An open need for die casting at a Windsor plant that no local supplier meets."""
    from corridor.supplychain.models import Capability, SupplyNeed

    with system_scope("test fixtures"), change_context(source="tests"):
        capability = Capability.objects.create(
            key="watch-test-die-casting",
            kind="process",
            label="Structural die casting",
            synonyms="die casting; diecasting",
        )
        company = Company.objects.create(name="Windsor Assembly Test Co")
        buyer = Facility.objects.create(
            company=company, name="Windsor Assembly Test", city="Windsor",
            municipality=world.windsor, latitude=42.3, longitude=-83.0,
        )  # fmt: skip
        SupplyNeed.objects.create(
            buyer=buyer, capability=capability, organisation=world.org_a, annual_value=5_000_000
        )
    return capability
