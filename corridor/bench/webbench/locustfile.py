"""What each simulated Corridor user does under `corridor bench web`.

Read by locust (never imported by Corridor itself). ``CORRIDOR_WEBBENCH_CONFIG``
names the JSON file the benchmark wrote: users of each role with password and
token, facility and call ids to visit, and where to log failures.

Users are locust's FastHttpUser (geventhttpclient), which spends a fraction of
the CPU of its requests-based client: on a small machine the load generator
shares the cores with the server it measures.

Officers and the coordinator browse pages in a session (signed in through the
login form); API clients read with a bearer token, and officers' API clients
add follow-ups, the writes checked for consistency after the run. Each user
thinks 0.5 to 2 seconds between requests, like a person at a desk.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, between, events, task

CONFIG: dict[str, Any] = json.loads(
    Path(os.environ["CORRIDOR_WEBBENCH_CONFIG"]).read_text(encoding="utf-8")
)
WRITE_MARK = CONFIG["write_mark"]
# the API's own workers when the benchmark gives it some (a proxy routing /api/ to
# them), else "" and the API is read from the pages' server
API_HOST = CONFIG.get("api_host", "")


# Requests of the whole run, warm-up included, by outcome: the writes' check and the
# CPU per request need them after locust's own figures were reset.
_totals = {"requests": 0, "writes_ok": 0, "writes_failed": 0}


@events.request.add_listener
def _log_request(request_type: str, name: str, exception: Any, **kwargs: Any) -> None:
    _totals["requests"] += 1
    if name.startswith("write "):
        _totals["writes_failed" if exception is not None else "writes_ok"] += 1
    if exception is not None:
        with open(CONFIG["failure_log"], "a", encoding="utf-8") as log:
            log.write(json.dumps({"t": time.time(), "name": f"{request_type} {name}"}) + "\n")


@events.test_start.add_listener
def _measure_after_the_warm_up(environment: Any, **kwargs: Any) -> None:
    """Every user signs in at the start (a password hash each) on cold caches: the
    figures are reset once that is over, so they describe the steady load."""
    seconds = float(CONFIG.get("warm_up_seconds", 0))
    if seconds > 0:
        gevent.spawn_later(seconds, environment.stats.reset_all)


@events.test_stop.add_listener
def _write_totals(environment: Any, **kwargs: Any) -> None:
    Path(CONFIG["totals_file"]).write_text(json.dumps(_totals), encoding="utf-8")


SIGN_IN_TRIES = 3


def _cookie(jar: Any, name: str) -> str:
    return next((c.value or "" for c in jar if c.name == name), "")


class PageUser(FastHttpUser):
    """An officer, the coordinator or a partner's analyst using the pages."""

    weight = 3
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        role = random.choice(("coordinator", "officer", "officer", "partner"))
        self.account = CONFIG["users"][role]
        # A sign-in cut short (the run kills a server worker on purpose) is tried again,
        # as a person would; left signed out, every later page would be a redirect.
        for _ in range(SIGN_IN_TRIES):
            if self._sign_in():
                break
        self.participant = role != "partner"

    def _sign_in(self) -> bool:
        """Sign in through the form; whether it worked (the sign-in page sends you on)."""
        self.client.get("/login/", name="login")
        response = self.client.post(
            "/login/",
            data={
                "username": self.account["username"],
                "password": self.account["password"],
                "csrfmiddlewaretoken": _cookie(self.client.cookiejar, "csrftoken"),
            },
            headers={"Referer": f"{self.host}/login/"},
            name="login",
        )
        return response.status_code == 200 and not (response.url or "").endswith("/login/")

    def _page(self, path: str, name: str) -> None:
        # a redirect (to the sign-in page, say) is not the page: only a 200 counts
        with self.client.get(
            path, name=f"page {name}", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} instead of the page")

    @task(3)
    def home(self) -> None:
        self._page("/", "/")

    @task(3)
    def facilities(self) -> None:
        query = random.choice(("", "?q=stamping", "?q=plastics", "?tier=tier1"))
        self._page("/registry/" + query, "/registry/")

    @task(4)
    def facility(self) -> None:
        pk = random.choice(CONFIG["facility_ids"])
        self._page(f"/registry/facilities/{pk}/", "/registry/facilities/[id]/")

    @task(2)
    def planner(self) -> None:
        if self.participant:  # a partner is sent on to the aggregates it may see
            self._page("/calls/", "/calls/")

    @task(3)
    def call(self) -> None:
        if self.participant:
            pk = random.choice(CONFIG["call_ids"])
            self._page(f"/calls/{pk}/", "/calls/[id]/")

    @task(2)
    def follow_ups(self) -> None:
        self._page("/calls/follow-ups/", "/calls/follow-ups/")

    @task(1)
    def flags(self) -> None:
        if self.participant:
            self._page("/calls/flags/", "/calls/flags/")

    @task(3)
    def supplier_search(self) -> None:
        query = random.choice(("die casting", "stamping", "injection moulding", "machining"))
        self._page(
            f"/supply-chain/search/?q={query}&radius_km=100", "/supply-chain/search/?q=&radius"
        )

    @task(1)
    def skills(self) -> None:
        self._page("/workforce/", "/workforce/")

    @task(1)
    def programs(self) -> None:
        self._page("/programs/", "/programs/")

    @task(1)
    def tracker(self) -> None:
        self._page("/intel/tracker/", "/intel/tracker/")

    @task(1)
    def outreach(self) -> None:
        self._page("/outreach/", "/outreach/")


class ApiUser(FastHttpUser):
    """A municipality's or partner's system reading (and an officer's adding) through the API."""

    weight = 2
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.role = random.choice(("coordinator", "officer", "partner"))
        account = CONFIG["users"][self.role]
        self.organisation_id = account["organisation_id"]
        self.headers = {"Authorization": f"Bearer {account['token']}"}

    def _read(self, path: str, name: str) -> None:
        self.client.get(f"{API_HOST}/api/v1{path}", name=f"api {name}", headers=self.headers)

    @task(4)
    def facilities(self) -> None:
        self._read("/facilities?page_size=50", "/facilities")

    @task(4)
    def facility(self) -> None:
        pk = random.choice(CONFIG["facility_ids"])
        self._read(f"/facilities/{pk}", "/facilities/[id]")

    @task(3)
    def calls(self) -> None:
        if self.role != "partner":
            self._read("/calls?page_size=50", "/calls")

    @task(2)
    def call(self) -> None:
        if self.role != "partner":
            pk = random.choice(CONFIG["call_ids"])
            self._read(f"/calls/{pk}", "/calls/[id]")

    @task(2)
    def follow_ups(self) -> None:
        self._read("/follow-ups?page_size=50", "/follow-ups")

    @task(3)
    def supplier_search(self) -> None:
        self._read(
            "/suppliers/search?q=stamping&lat=43.9&lon=-78.86&radius_km=100",
            "/suppliers/search",
        )

    @task(1)
    def add_follow_up(self) -> None:
        if self.role != "officer":
            return
        self.client.post(
            f"{API_HOST}/api/v1/follow-ups",
            json={
                "facility_id": random.choice(CONFIG["facility_ids"]),
                "owner_organisation_id": self.organisation_id,
                "due_on": "2027-01-15",
                "category": "information",
                "description": f"{WRITE_MARK} {uuid.uuid4()}",
            },
            name="write POST /follow-ups",
            headers=self.headers,
        )
