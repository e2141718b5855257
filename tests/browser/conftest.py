"""Browser tests: Playwright driving Debian's Chromium against a live Corridor.

No browser is downloaded: Playwright launches the system's Chromium
(/usr/bin/chromium, or CORRIDOR_CHROMIUM). Without one, these tests are skipped
on a developer's machine and fail in CI (CI=true), where `make test` installs it.
Screenshots go to var/screenshots/ so people can look at the pages.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM") or shutil.which("chromium") or ""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM:
        message = "Chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own
    # database work (fixtures) is still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class _OneRequestAtATime(ThreadedWSGIServer):
    """The live server on SQLite: connections are read at once, requests run in turn.

    The tests' SQLite database lives in memory, shared between connections with
    table locks that SQLite's busy timeout does not wait out, and Django ignores the
    close of an in-memory connection whose rollback failed. Two requests at once (a
    draft's autosave still in flight when its form is submitted) then fail with
    "database table is locked" or "cannot start a transaction within a transaction",
    which a deployed Corridor's file database (WAL, busy timeout) does not.

    A server of one thread would keep them apart too, but it serves one *connection*
    at a time: a connection the browser opens ahead of need and leaves idle holds
    every other request until the browser drops it (seconds later), and a test
    waiting on an autosave times out. Here each connection has its thread, and only
    the application's work (the response drawn and closed) takes turns."""

    def set_app(self, application: Any) -> None:
        turn = threading.Lock()

        def in_turn(environ: Any, start_response: Any) -> list[bytes]:
            with turn:
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    close = getattr(response, "close", None)
                    if close is not None:
                        close()

        super().set_app(in_turn)


class _SerialLiveServerThread(LiveServerThread):
    server_class = _OneRequestAtATime


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """pytest-django's live server, taking one request at a time on SQLite (on
    PostgreSQL each request thread has a connection of its own and it stays threaded)."""
    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    if connection.vendor == "sqlite":
        threaded = server.thread
        server.thread = _SerialLiveServerThread(
            threaded.host,
            static_handler=threaded.static_handler,
            connections_override=threaded.connections_override,
            port=threaded.port,
        )
        server.thread.daemon = True
    server.start()
    yield server
    server.stop()


# Every page a browser test opens reports what its Content-Security-Policy refused
# (corridor/core/csp.py): Chromium says so on the console. A refused script or style
# is a page that does not work as written, so any refusal fails the test.
def is_csp_refusal(message: Any) -> bool:
    return message.type == "error" and "Content Security Policy" in message.text


@pytest.fixture
def page(browser: Any, live_server: Any, transactional_db: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}") if is_csp_refusal(message) else None
        ),
    )
    yield page
    context.close()
    assert not refused, "The Content-Security-Policy refused:\n" + "\n".join(refused)


def sign_in(page: Any, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()


def check_accessibility(page: Any, name: str) -> None:
    """Run axe-core's WCAG 2.0 A and AA rules on the page; save a screenshot either way."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    # evaluated by the browser's debugger, which the page's Content-Security-Policy
    # does not govern (a <script> tag of it would be refused, as it should be)
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document,"
        " {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    problems = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    assert not problems, f"{name}: WCAG 2.0 AA problems:\n{json.dumps(problems, indent=2)}"
