"""The browser tests' live server: requests arriving together all succeed."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connection

from conftest import PASSWORD

SIGN_INS = 12


def _sign_in(base: str, username: str) -> int:
    """Sign in through the form (the session is written in a transaction); the status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    form = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token, "the sign-in form has no CSRF token"
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    request = urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": base})
    try:
        return int(opener.open(request).status)
    except urllib.error.HTTPError as answer:
        return answer.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_sign_ins_at_once_all_succeed(live_server: Any, world: Any) -> None:
    names = [world.alice.username, world.bob.username, world.carol.username] * (SIGN_INS // 3)
    with ThreadPoolExecutor(max_workers=SIGN_INS) as pool:
        statuses = list(pool.map(lambda name: _sign_in(live_server.url, name), names))
    assert statuses == [302] * SIGN_INS  # each one sent on, none refused with a 500


def test_a_connection_left_idle_holds_no_other_request(live_server: Any) -> None:
    # A browser opens connections ahead of need and may leave one idle; a server that
    # serves one connection at a time then answers nobody until the browser drops it.
    host, port = urllib.parse.urlsplit(live_server.url).netloc.rsplit(":", 1)
    with (
        socket.create_connection((host, int(port))),
        urllib.request.urlopen(f"{live_server.url}/login/", timeout=10) as answer,
    ):
        assert answer.status == 200


def test_requests_take_turns_on_sqlite_only(live_server: Any) -> None:
    app = live_server.thread.httpd.get_app()
    assert (getattr(app, "__name__", "") == "in_turn") is (connection.vendor == "sqlite")
