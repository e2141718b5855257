"""The skills-map API: the gap table as each reader may see it, demand rows, editing programs."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from corridor.core.models import ApiToken
from corridor.workforce.tests.helpers import ON, postings, program, recorded_call, region, supply


def _api(user: Any) -> Client:
    _token, raw = ApiToken.issue(user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def figures(world: Any) -> Any:
    windsor = region("Windsor–Sarnia")
    postings(windsor, "72106", 100)
    supply(windsor, "72106", unemployed=30)
    world.welding = program("Welding Techniques", 20, [world.windsor], ["72106"])
    recorded_call(world.alice, world.org_a, world.windsor, "Welders, 3")
    return world


def test_the_gap_table_leaves_small_call_counts_out_for_partners(figures: Any) -> None:
    params = {"on": ON.isoformat(), "occupation": "72106"}
    (mine,) = _api(figures.bob).get("/api/v1/workforce/gaps", params).json()["items"]
    assert (mine["demand"], mine["call_openings"], mine["companies"]) == (103, 3, 1)
    assert mine["shortage_index"] == pytest.approx(103 / 50, abs=1e-3)
    (theirs,) = _api(figures.dave).get("/api/v1/workforce/gaps", params).json()["items"]
    assert (theirs["demand"], theirs["call_openings"], theirs["companies"]) == (100, None, None)


def test_an_unknown_occupation_in_the_gap_table_is_a_clear_error(figures: Any) -> None:
    body = _api(figures.alice).get("/api/v1/workforce/gaps", {"occupation": "00000"}).json()
    assert body["error"]["field"] == "occupation"


def test_call_demand_rows_are_listed_to_the_visiting_municipality_only(figures: Any) -> None:
    def kinds(user: Any) -> list[str]:
        items = _api(user).get("/api/v1/workforce/demand").json()["items"]
        return sorted(i["kind"] for i in items)

    assert kinds(figures.erin) == ["call", "postings"]
    assert kinds(figures.bob) == ["postings"]
    assert kinds(figures.dave) == ["postings"]


def test_a_stale_version_of_a_program_is_refused(figures: Any) -> None:
    url = f"/api/v1/workforce/programs/{figures.welding.pk}"
    client = _api(figures.carol)
    version = figures.welding.version
    edit = {"version": version, "seats": 50, "occupations": ["72106", "72400"]}
    changed = client.patch(url, edit, content_type="application/json")
    assert changed.status_code == 200
    assert changed.json()["seats"] == 50 and changed.json()["occupations"] == ["72106", "72400"]
    stale = client.patch(url, {"version": version, "seats": 60}, content_type="application/json")
    assert stale.status_code == 409
    unknown = client.patch(
        url, {"version": version + 1, "occupations": ["99999"]}, content_type="application/json"
    )
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "occupations"


def test_a_region_lists_its_municipalities(world: Any) -> None:
    items = _api(world.dave).get("/api/v1/workforce/regions").json()["items"]
    by_name = {i["name"]: i["municipalities"] for i in items}
    assert by_name["Windsor–Sarnia"] == ["Windsor"]
    assert by_name["Toronto"] == ["Oshawa", "Toronto"]
