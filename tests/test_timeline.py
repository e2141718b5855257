"""The activity timeline of a facility and a company: every source, as every role may see it.

One facility in Windsor with something of every kind, each confidential part carrying a
marker of its own: the readers the rules name find the marker, nobody else finds it, on
the page, in the htmx list and in the API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from conftest import World, client_for
from corridor.calls.follow_ups import add_follow_up, raise_flag
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core import timeline
from corridor.core.history import change_context
from corridor.core.models import ApiToken
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact
from corridor.intel.tests.helpers import add_text
from corridor.programs.models import Referral
from corridor.programs.tests import helpers as programs
from corridor.registry.models import Facility
from corridor.supplychain import needs
from corridor.supplychain.tests.helpers import capability

PURPOSE = "PURPOSE-ALICE-7731"  # alice's call's purpose: Windsor and the coordinator
FLAG = "FLAG-DETAIL-BOB-5521"  # bob's flag's detail: Oshawa and the coordinator
FOLLOW_UP = "FOLLOW-UP-TEXT-ALICE-9012"  # alice's follow-up: Windsor, the coordinator
NEED = "NEED-TEXT-BOB-3310"  # bob's need (the buyer is confidential): Oshawa, coordinator
REFERRAL = "REFERRAL-NOTE-ALICE-4471"  # Windsor's referral to APMA: Windsor, APMA, coordinator


@dataclass
class Site:
    plant: Facility
    sibling: Facility


@pytest.fixture
def site(world: World) -> Site:
    w = world
    plant = facility("Timeline Stamping", w.windsor)
    with system_scope("test fixtures"), change_context(source="tests"):
        sibling = Facility.objects.create(
            company=plant.company, name="Timeline Stamping East", city="Oshawa",
            municipality=w.oshawa,
        )  # fmt: skip
    with change_context(user=w.alice, source="tests"):
        call = planned(w.alice, plant, w.org_a, DAY, purpose=PURPOSE)
        add_follow_up(
            w.alice, facility=plant, owner_organisation=w.org_a, call=call,
            category="information", due_on=DAY + dt.timedelta(days=7), description=FOLLOW_UP,
        )  # fmt: skip
    with change_context(user=w.bob, source="tests"):
        raise_flag(
            w.bob, facility=plant, organisation=w.org_b, severity="red",
            category="relocation_closure", detail=FLAG,
        )  # fmt: skip
        needs.record_need(
            w.bob, buyer=plant, capability=capability("die-casting"), organisation=w.org_b,
            description=NEED,
        )  # fmt: skip
    fund = programs.program("timeline", delivered_by=w.apma)
    with system_scope("test fixtures"), change_context(user=w.carol, source="tests"):
        Referral.objects.create(
            facility=plant, program=fund, organisation=w.org_a, referred_to=w.apma,
            referred_on=DAY - dt.timedelta(days=3), applied_on=DAY - dt.timedelta(days=1),
            application_ref="APP-1", notes=REFERRAL,
        )  # fmt: skip
    document = add_text(w.carol)
    with system_scope("test fixtures"), change_context(user=w.carol, source="tests"):
        fact = Fact.objects.filter(document=document).first()
        assert fact is not None
        fact.recipient_company = plant.company
        fact.save()
        plant.employees = 120
        plant.save()
    return Site(plant, sibling)


def _page(world: World, who: str, url: str, **headers: Any) -> str:
    response = client_for(world.users()[who]).get(url, **headers)
    assert response.status_code == 200, (who, url, response.status_code)
    return response.content.decode()


def _kinds(world: World, who: str, site: Site) -> dict[str, list[timeline.TimelineItem]]:
    user = world.users()[who]
    query = timeline.TimelineQuery(
        facility_ids=(site.plant.pk,),
        company_id=site.plant.company_id,
        records=(("registry", "facility", site.plant.pk),),
    )
    found: dict[str, list[timeline.TimelineItem]] = {}
    for item in timeline.items_for(user, query):
        found.setdefault(item.kind, []).append(item)
    return found


def _text(items: dict[str, list[timeline.TimelineItem]]) -> str:
    return " ".join(f"{i.title} {i.detail} {i.who}" for kind in items.values() for i in kind)


def test_every_kind_is_registered() -> None:
    slugs = [k.slug for k in timeline.kinds()]
    for slug in ("change", "call", "flag", "follow_up", "referral", "need", "fact"):
        assert slug in slugs


@pytest.mark.parametrize(
    ("who", "sees", "hidden"),
    [
        ("alice", {PURPOSE, FOLLOW_UP, REFERRAL}, {FLAG, NEED}),
        ("erin", {PURPOSE, FOLLOW_UP, REFERRAL}, {FLAG, NEED}),
        ("bob", {FLAG, NEED}, {PURPOSE, FOLLOW_UP, REFERRAL}),
        ("carol", {PURPOSE, FLAG, FOLLOW_UP, NEED, REFERRAL}, set()),
        ("dave", {REFERRAL}, {PURPOSE, FLAG, FOLLOW_UP, NEED}),
    ],
)
def test_each_item_only_as_far_as_the_reader_may_see_it(
    world: World, site: Site, who: str, sees: set[str], hidden: set[str]
) -> None:
    items = _kinds(world, who, site)
    text = _text(items)
    for marker in sees:
        assert marker in text, (who, marker)
    for marker in hidden:
        assert marker not in text, (who, marker)
    page = _page(world, who, f"/registry/facilities/{site.plant.pk}/")
    assert 'id="activity-heading"' in page
    for marker in sees:
        assert marker in page, (who, marker)
    for marker in hidden:
        assert marker not in page, (who, marker)


def test_what_each_role_finds(world: World, site: Site) -> None:
    alice = _kinds(world, "alice", site)
    # the fact of a call, a flag and the follow-up are shared with every participant
    assert {"call", "flag", "follow_up", "referral", "fact", "change"} <= alice.keys()
    assert "need" not in alice  # bob's need: its buyer is Oshawa's to know
    assert alice["call"][0].confidential and PURPOSE in alice["call"][0].detail
    assert not alice["flag"][0].confidential and alice["flag"][0].detail == ""
    assert len(alice["referral"]) == 2  # referred, then applied
    bob = _kinds(world, "bob", site)
    assert bob["call"][0].detail == "" and not bob["call"][0].confidential
    assert "Windsor" in bob["call"][0].title  # the fact of the call: who visits
    assert "referral" not in bob and bob["need"][0].confidential
    dave = _kinds(world, "dave", site)  # a partner: no calls, flags or needs at all
    assert dave.keys() == {"referral", "fact", "change"}
    assert any("$3,500,000" in i.title for i in dave["fact"])
    changes = [i.title for i in dave["change"]]
    assert "Facility record added" in changes and "Facility record changed" in changes


def test_newest_first_filters_and_limit(world: World, site: Site) -> None:
    query = timeline.TimelineQuery(facility_ids=(site.plant.pk,), company_id=site.plant.company_id)
    items = timeline.items_for(world.carol, query)
    moments = [i.when for i in items]
    assert moments == sorted(moments, reverse=True)
    only = timeline.items_for(world.carol, query, only=["referral"])
    assert {i.kind for i in only} == {"referral"}
    window = timeline.TimelineQuery(
        facility_ids=(site.plant.pk,), since=DAY - dt.timedelta(days=2), until=DAY
    )
    found = timeline.items_for(world.carol, window, only=["referral", "call"])
    assert [i.title.split(" ")[0] for i in found] == ["Call", "Applied"]
    short = timeline.items_for(
        world.carol, timeline.TimelineQuery(facility_ids=(site.plant.pk,), limit=2)
    )
    assert len(short) == 2


def test_read_filters_names_bad_values() -> None:
    filters = timeline.read_filters(["call", "nonsense"], "2026-13-01", "2026-10-01", "x")
    assert filters.kinds == ("call",)
    assert filters.since is None and filters.until == dt.date(2026, 10, 1)
    assert len(filters.problems) == 3
    backwards = timeline.read_filters([], "2026-10-02", "2026-10-01")
    assert backwards.since is None and backwards.problems


def test_the_page_filters_without_js_and_with_htmx(world: World, site: Site) -> None:
    url = f"/registry/facilities/{site.plant.pk}/"
    page = _page(world, "carol", f"{url}?kind=flag&kind=need")
    assert FLAG in page and NEED in page and PURPOSE not in page
    assert 'value="flag" checked' in page
    part = _page(world, "carol", f"{url}?kind=call", HTTP_HX_REQUEST="true",
                 HTTP_HX_TARGET="activity-list")  # fmt: skip
    assert part.lstrip().startswith('<div id="activity-list"')
    assert PURPOSE in part and "<html" not in part
    dated = _page(world, "carol", f"{url}?from=2030-01-01")
    assert "No activity matches these filters" in dated
    bad = _page(world, "carol", f"{url}?from=someday")
    assert "is not a date" in bad


def test_show_more(world: World, site: Site) -> None:
    url = f"/registry/facilities/{site.plant.pk}/"
    page = _page(world, "carol", f"{url}?show=2")
    assert page.count('class="timeline-item') == 2
    assert "show=27" in page and "Show more activity" in page
    everything = _page(world, "carol", f"{url}?show=500")
    assert "Show more activity" not in everything


def test_company_page_has_every_plant(world: World, site: Site) -> None:
    with change_context(user=world.bob, source="tests"):
        planned(world.bob, site.sibling, world.org_b, DAY, purpose="EAST-PURPOSE")
    page = _page(world, "carol", f"/registry/companies/{site.plant.company_id}/")
    assert PURPOSE in page and "EAST-PURPOSE" in page
    assert "Company record added" in page
    alice = _page(world, "alice", f"/registry/companies/{site.plant.company_id}/")
    assert PURPOSE in alice and "EAST-PURPOSE" not in alice
    assert "Timeline Stamping East" in alice  # the fact of bob's call, with its plant


def _api(world: World, who: str) -> Client:
    user = world.users()[who]
    if user is None:
        return Client()
    _, token = ApiToken.issue(user, "timeline tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_api(world: World, site: Site) -> None:
    url = f"/api/v1/facilities/{site.plant.pk}/timeline"
    body = _api(world, "bob").get(url).json()
    text = str(body)
    assert FLAG in text and NEED in text and PURPOSE not in text and FOLLOW_UP not in text
    kinds = {i["kind"] for i in body["items"]}
    assert {"call", "flag", "need", "change", "fact"} <= kinds
    only = _api(world, "carol").get(url, {"kind": ["referral"], "to": str(DAY)}).json()
    assert {i["kind"] for i in only["items"]} == {"referral"} and only["count"] == 2
    bad = _api(world, "carol").get(url, {"from": "someday"})
    assert bad.status_code == 422
    company = _api(world, "dave").get(f"/api/v1/companies/{site.plant.company_id}/timeline")
    assert company.status_code == 200 and PURPOSE not in company.content.decode()
    assert _api(world, "anonymous").get(url).status_code == 401
    assert _api(world, "carol").get("/api/v1/facilities/999999/timeline").status_code == 404
