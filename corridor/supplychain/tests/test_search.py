"""Supplier search: text, filters, distance, access, index upkeep, and the brute-force reference.

The suite runs on SQLite and on PostgreSQL (``DATABASE_URL``); the expected results
written here are the same for both, and every search is also checked against
``brute_force``.
"""

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry import services
from corridor.registry.models import Certification, Company, Facility
from corridor.supplychain.models import Capability, FacilityCapability, SupplierDoc
from corridor.supplychain.search import (
    QueryError,
    SearchResult,
    SupplierQuery,
    bounding_box,
    brute_force,
    centre_of_facility,
    centre_of_municipality,
    search_suppliers,
)
from corridor.supplychain.search_index import EARTH_RADIUS_KM, rebuild_index
from corridor.supplychain.taxonomy import Taxonomy

TODAY = dt.date(2026, 11, 22)
WINDSOR = (42.3149, -83.0364)


@dataclass
class Plants:
    apex: Facility
    lakeshore: Facility
    oshawa_mould: Facility
    harness: Facility
    emotor: Facility
    far: Facility


def plant(name: str, lat: float | None, lon: float | None, **extra: Any) -> Facility:
    company = Company.objects.create(name=extra.pop("company", name))
    return Facility.objects.create(company=company, name=name, latitude=lat, longitude=lon, **extra)


@pytest.fixture
def plants(world: Any) -> Plants:
    with system_scope("test"), change_context(source="tests"):
        apex = plant(
            "Apex Stamping", 42.31, -83.03, municipality=world.windsor, tier="tier2",
            employees=120, products="Progressive die stampings, BIW welded assemblies",
        )  # fmt: skip
        lakeshore = plant(
            "Lakeshore Metalworks", 42.30, -82.90, tier="tier1", employees=450,
            products="High pressure die castings, aluminium",
        )  # fmt: skip
        oshawa_mould = plant(
            "Durham Plastics", 43.90, -78.86, municipality=world.oshawa, tier="tier2",
            employees=60, products="Injection moulded interior trim",
        )  # fmt: skip
        harness = plant(
            "Essex Wiring", 42.18, -82.82, tier="tier1", employees=900,
            products="Wiring harnesses and connectors", company="Northline Group",
        )  # fmt: skip
        emotor = plant(
            "Volt Drive Systems", 43.45, -80.49, tier="tier1", employees=40,
            products="e-motor stators and inverters",
        )  # fmt: skip
        far = plant("Pacific Stamping", 49.25, -123.10, tier="tier2", products="stampings")
        Certification.objects.create(facility=apex, standard="IATF 16949", expires_on=TODAY)
        Certification.objects.create(
            facility=lakeshore, standard="IATF 16949", expires_on=TODAY - dt.timedelta(days=1)
        )
        Certification.objects.create(facility=lakeshore, standard="ISO 14001")
        Certification.objects.create(
            facility=harness, standard="IATF 16949", expires_on=dt.date(2028, 1, 1)
        )
    return Plants(apex, lakeshore, oshawa_mould, harness, emotor, far)


def ids(result: SearchResult) -> list[int]:
    return [h.facility_id for h in result.hits]


def search(user: Any, **kwargs: Any) -> SearchResult:
    """The indexed search, checked against the brute-force reference on the way."""
    query = SupplierQuery(on=kwargs.pop("on", TODAY), **kwargs)
    result = search_suppliers(user, query)
    assert result == brute_force(user, query)
    return result


def test_synonyms_and_spellings(world: Any, plants: Plants) -> None:
    alice = world.alice
    assert ids(search(alice, text="BIW")) == [plants.apex.pk]
    assert ids(search(alice, text="body in white")) == [plants.apex.pk]
    assert ids(search(alice, text="HPDC")) == [plants.lakeshore.pk]
    assert ids(search(alice, text="aluminum")) == [plants.lakeshore.pk]
    assert ids(search(alice, text="molded parts")) == [plants.oshawa_mould.pk]
    assert ids(search(alice, text="wire harness")) == [plants.harness.pk]
    assert ids(search(alice, text="electric motor")) == [plants.emotor.pk]
    assert ids(search(alice, text="Pressings")) == sorted([plants.apex.pk, plants.far.pk])


def test_a_capability_finds_what_is_under_it(world: Any, plants: Plants) -> None:
    casting = search(world.alice, text="castings")
    assert ids(casting) == [plants.lakeshore.pk]
    assert casting.hits[0].reasons == ["does Die casting (Casting)"]
    by_key = search(world.alice, capabilities=["processes"])
    assert set(ids(by_key)) == {
        plants.apex.pk, plants.lakeshore.pk, plants.oshawa_mould.pk, plants.far.pk
    }  # fmt: skip


def test_typos_and_names(world: Any, plants: Plants) -> None:
    result = search(world.alice, text="stampng")
    assert ids(result) == [plants.apex.pk, plants.far.pk]  # same score: by id
    assert result.hits[0].reasons == ["does Stamping (typed “stampng”)"]
    assert ids(search(world.alice, text="northline")) == [plants.harness.pk]  # company name
    assert ids(search(world.alice, text="volt inverters")) == [plants.emotor.pk]
    assert search(world.alice, text="broadcasting").total == 0


def test_relevance_ranks_a_name_above_the_products(world: Any, plants: Plants) -> None:
    with system_scope("test"), change_context(source="tests"):
        works = plant("Stator Works", 45.0, -75.0)
    result = search(world.alice, text="stators", lat=WINDSOR[0], lon=WINDSOR[1])
    assert ids(result) == [works.pk, plants.emotor.pk]  # the name first, though farther
    assert [h.score for h in result.hits] == [3.0, 1.0]
    assert result.hits[1].reasons[0] == "“stator” in its products or capabilities"
    both = search(world.alice, text="volt e-motor")
    assert both.hits[0].score == 6.0
    assert both.hits[0].reasons == ["does Electric motor", "“volt” in the name"]


def test_certifications_must_be_valid_on_the_day(world: Any, plants: Plants) -> None:
    valid = search(world.alice, certifications=["IATF 16949"])
    assert ids(valid) == [plants.apex.pk, plants.harness.pk]
    assert valid.hits[0].reasons == ["IATF 16949 valid until 2026-11-22"]
    later = search(world.alice, certifications=["iatf16949"], on=TODAY + dt.timedelta(days=1))
    assert ids(later) == [plants.harness.pk]
    no_expiry = search(world.alice, certifications=["ISO 14001"])
    assert no_expiry.hits[0].reasons == ["ISO 14001 (no expiry recorded)"]


def test_tier_and_size(world: Any, plants: Plants) -> None:
    tier1 = search(world.alice, tiers=["tier1"], min_employees=100)
    assert ids(tier1) == [plants.lakeshore.pk, plants.harness.pk]
    small = search(world.alice, max_employees=100)
    assert ids(small) == [plants.oshawa_mould.pk, plants.emotor.pk]  # unknown size excluded


def test_radius_and_distance(world: Any, plants: Plants) -> None:
    near = search(world.alice, lat=WINDSOR[0], lon=WINDSOR[1], radius_km=30)
    assert ids(near) == [plants.apex.pk, plants.lakeshore.pk, plants.harness.pk]
    assert near.hits[0].distance_km == pytest.approx(0.758, abs=0.005)
    assert near.hits[0].reasons == ["0.8 km away"]
    stamping = search(world.alice, text="stamping", lat=WINDSOR[0], lon=WINDSOR[1])
    assert ids(stamping) == [plants.apex.pk, plants.far.pk]  # no radius: nearest first
    assert stamping.hits[1].distance_km == pytest.approx(3200, rel=0.05)
    lat, lon = centre_of_municipality(world.oshawa.pk, world.bob)
    assert ids(search(world.bob, lat=lat, lon=lon, radius_km=5)) == [plants.oshawa_mould.pk]
    lat, lon = centre_of_facility(plants.emotor.pk, world.bob)
    around = search(world.bob, lat=lat, lon=lon, radius_km=100)
    assert ids(around) == [plants.emotor.pk]
    assert around.hits[0].distance_km == 0.0


def test_facilities_without_a_point_come_last_and_never_in_a_radius(
    world: Any, plants: Plants
) -> None:
    with system_scope("test"), change_context(source="tests"):
        nowhere = plant("Unknown Stamping", None, None)
    result = search(world.alice, text="stamping", lat=WINDSOR[0], lon=WINDSOR[1])
    assert ids(result)[-1] == nowhere.pk
    assert result.hits[-1].distance_km is None
    within = search(world.alice, text="stamping", lat=WINDSOR[0], lon=WINDSOR[1], radius_km=1e5)
    assert nowhere.pk not in ids(within)


def test_pages(world: Any, plants: Plants) -> None:
    everything = search(world.alice, lat=WINDSOR[0], lon=WINDSOR[1], limit=100)
    assert everything.total == 6
    page = search(world.alice, lat=WINDSOR[0], lon=WINDSOR[1], limit=2, offset=2)
    assert ids(page) == ids(everything)[2:4]
    assert page.total == 6
    beyond = search(world.alice, text="stamping", offset=50)
    assert (beyond.hits, beyond.total) == ([], 2)


def test_only_what_the_user_may_see(world: Any, plants: Plants) -> None:
    assert search(None, text="stamping").total == 0
    assert search(world.dave, text="stamping").total == 2  # partners see the registry
    with system_scope("test"), change_context(user=world.carol, source="tests"):
        services.merge_facilities(world.carol, plants.apex, plants.far)
        plants.harness.delete()
    assert ids(search(world.carol, text="stamping")) == [plants.apex.pk]
    assert search(world.carol, text="harness").total == 0


def test_the_index_follows_edits(world: Any, plants: Plants) -> None:
    with system_scope("test"), change_context(source="tests"):
        plants.emotor.products = "battery trays"
        plants.emotor.save()
        Certification.objects.create(facility=plants.emotor, standard="ISO 9001")
        FacilityCapability.objects.create(
            facility=plants.oshawa_mould, capability=Capability.objects.get(key="tooling")
        )
        plants.harness.company.name = "Southline Group"
        plants.harness.company.save()
    assert ids(search(world.alice, text="battery enclosure", certifications=["ISO 9001"])) == [
        plants.emotor.pk
    ]
    assert search(world.alice, text="inverter").total == 0
    assert ids(search(world.alice, text="tool and die")) == [plants.oshawa_mould.pk]
    assert ids(search(world.alice, text="southline")) == [plants.harness.pk]


def test_rebuilding_the_index_changes_nothing(world: Any, plants: Plants) -> None:
    query = SupplierQuery(text="stamping", lat=WINDSOR[0], lon=WINDSOR[1], on=TODAY)
    before = search_suppliers(world.alice, query)
    with system_scope("test"):
        SupplierDoc.objects.all().delete()
    assert search_suppliers(world.alice, query).total == 0
    call_command("reindex_suppliers")
    assert search_suppliers(world.alice, query) == before


def test_questions_that_cannot_be_answered(world: Any, plants: Plants) -> None:
    with pytest.raises(QueryError):
        search_suppliers(world.alice, SupplierQuery(radius_km=10))
    with pytest.raises(QueryError):
        search_suppliers(world.alice, SupplierQuery(lat=42.0))
    with pytest.raises(QueryError):
        search_suppliers(world.alice, SupplierQuery(capabilities=["teleportation"]))
    with pytest.raises(QueryError):
        centre_of_facility(plants.apex.pk + 1000, world.alice)


@given(
    lat=st.floats(-89.9, 89.9),
    lon=st.floats(-179.9, 179.9),
    radius=st.floats(0.001, 15000),
    bearing=st.floats(0, 6.28),
    fraction=st.floats(0, 1),
)
def test_the_bounding_box_holds_the_circle(
    lat: float, lon: float, radius: float, bearing: float, fraction: float
) -> None:
    import math

    d = radius * fraction / EARTH_RADIUS_KM
    la, lo = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la) * math.cos(d) + math.cos(la) * math.sin(d) * math.cos(bearing))
    lo2 = lo + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(la), math.cos(d) - math.sin(la) * math.sin(la2)
    )
    lat2 = math.degrees(la2)
    lon2 = (math.degrees(lo2) + 540) % 360 - 180
    lo_lat, hi_lat, lo_lon, hi_lon = bounding_box(lat, lon, radius)
    assert lo_lat <= lat2 <= hi_lat
    if hi_lon - lo_lon < 360 and lo_lon >= -180 and hi_lon <= 180:
        assert lo_lon <= lon2 <= hi_lon


# --- against brute force on random registries -----------------------------------------
TAXONOMY = Taxonomy.from_csv()
WORDS = sorted(
    {w for node in TAXONOMY.nodes.values() for s in (node.label, *node.synonyms) for w in [s]}
)
NAMES = ["Apex", "Northline", "Lakeshore", "Volt", "Essex", "Maple", "Huron", "Durham"]
TIERS = ["oem", "tier1", "tier2", "tier3", "tooling", "service", ""]
STANDARDS = ["IATF 16949", "ISO 9001", "ISO 14001"]
PLAIN = ["brackets", "stators", "prototype runs", "housings", "Windsor", "durham"]


def random_registry(seed: int, count: int = 120) -> None:
    rng = random.Random(seed)
    keys = sorted(TAXONOMY.nodes)
    with system_scope("test"), change_context(source="tests"):
        capabilities = {c.key: c for c in Capability.objects.all()}
        for i in range(count):
            has_point = rng.random() > 0.1
            products = ", ".join(rng.sample(WORDS, rng.randint(0, 3)) + rng.sample(PLAIN, 1))
            if rng.random() < 0.2:
                products += " stampng alumnium"  # typos in the data too
            facility = plant(
                f"{rng.choice(NAMES)} {rng.choice(['Stamping', 'Plastics', 'Works', 'Tech'])} {i}",
                rng.uniform(41.7, 46.0) if has_point else None,
                rng.uniform(-84.0, -75.0) if has_point else None,
                tier=rng.choice(TIERS),
                employees=rng.choice([None, rng.randint(1, 2000)]),
                products=products,
            )
            key = rng.choice(keys)
            tagged = FacilityCapability.objects.filter(facility=facility, capability__key=key)
            if rng.random() < 0.3 and not tagged.exists():
                FacilityCapability.objects.create(facility=facility, capability=capabilities[key])
            for standard in rng.sample(STANDARDS, rng.randint(0, 2)):
                expires = rng.choice([None, TODAY - dt.timedelta(days=rng.randint(-400, 400))])
                Certification.objects.create(
                    facility=facility, standard=standard, expires_on=expires
                )
            if rng.random() < 0.05:
                facility.delete()


QUERY_WORDS = [
    "stamping", "stampng", "die casting", "casting", "BIW", "moulding", "molded", "aluminum",
    "alumnium", "apex", "northline", "plastics", "wire harness", "e-motor", "robotic weldng",
    "battery", "tool & die", "services", "steel", "tech", "bracket", "housing", "durham", "",
]  # fmt: skip

queries = st.builds(
    SupplierQuery,
    text=st.lists(st.sampled_from(QUERY_WORDS), max_size=2).map(" ".join),
    lat=st.just(43.0),
    lon=st.just(-80.0),
    radius_km=st.one_of(st.none(), st.floats(0, 600)),
    capabilities=st.lists(
        st.sampled_from(["casting", "processes", "products", "steel"]), max_size=1
    ),
    certifications=st.lists(st.sampled_from(STANDARDS), max_size=1),
    tiers=st.lists(st.sampled_from(TIERS), max_size=2),
    min_employees=st.one_of(st.none(), st.integers(0, 1500)),
    max_employees=st.one_of(st.none(), st.integers(0, 2000)),
    on=st.just(TODAY),
    limit=st.integers(1, 30),
    offset=st.integers(0, 40),
)


@pytest.mark.parametrize("seed", [1, 2])
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries, centred=st.booleans())
def test_the_index_answers_like_brute_force(
    world: Any, seed: int, query: SupplierQuery, centred: bool
) -> None:
    with system_scope("test"):
        empty = not Facility.objects.exists()
    if empty:
        random_registry(seed)
    if not centred and query.radius_km is None:
        query.lat = query.lon = None
    assert search_suppliers(world.alice, query) == brute_force(world.alice, query)


def test_a_full_rebuild_answers_like_brute_force(world: Any) -> None:
    random_registry(3, 80)
    with system_scope("test"):
        rebuild_index()
    for text in ["stamping", "casting plastics", "", "apex"]:
        query = SupplierQuery(text=text, lat=43.5, lon=-79.5, radius_km=250, on=TODAY)
        result = search_suppliers(world.erin, query)
        assert result == brute_force(world.erin, query)


# --- the API ----------------------------------------------------------------------------
def test_api_search(world: Any, plants: Plants, as_user: Any) -> None:
    client = as_user("bob")
    body = client.get(
        "/api/v1/suppliers/search",
        {
            "q": "stampings",
            "lat": WINDSOR[0],
            "lon": WINDSOR[1],
            "certification": "IATF 16949",
            "on": TODAY.isoformat(),
        },
    ).json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["id"] == plants.apex.pk
    assert item["company"] == "Apex Stamping"
    assert item["municipality"] == "Windsor"
    assert item["distance_km"] == pytest.approx(0.758, abs=0.005)
    assert item["reasons"] == ["does Stamping", "IATF 16949 valid until 2026-11-22", "0.8 km away"]


def test_api_centres_filters_and_pages(world: Any, plants: Plants, as_user: Any) -> None:
    client = as_user("dave")
    url = "/api/v1/suppliers/search"
    near = client.get(url, {"municipality": world.windsor.pk, "radius_km": 30, "page_size": 2})
    body = near.json()
    assert (body["count"], body["pages"], len(body["items"])) == (3, 2, 2)
    second = client.get(
        url, {"municipality": world.windsor.pk, "radius_km": 30, "page_size": 2, "page": 2}
    ).json()
    assert [i["id"] for i in second["items"]] == [plants.harness.pk]
    tiers = client.get(url, {"tier": ["tier1", "tier2"], "capability": "processes"}).json()
    assert {i["id"] for i in tiers["items"]} == {
        plants.apex.pk, plants.lakeshore.pk, plants.oshawa_mould.pk, plants.far.pk
    }  # fmt: skip
    around = client.get(url, {"facility": plants.emotor.pk, "radius_km": 1}).json()
    assert [i["id"] for i in around["items"]] == [plants.emotor.pk]


def test_api_refuses_what_it_cannot_answer(world: Any, plants: Plants, as_user: Any) -> None:
    client = as_user("alice")
    url = "/api/v1/suppliers/search"
    response = client.get(url, {"radius_km": 10})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "radius_km"
    assert client.get(url, {"capability": "teleportation"}).status_code == 422
    assert client.get(url, {"lat": 91, "lon": 0}).status_code == 422
    assert as_user("anonymous").get(url, {"q": "stamping"}).status_code == 401


def test_a_word_too_long_to_search_for_is_not_filed(world: Any, plants: Plants) -> None:
    # PostgreSQL's full-text index refuses a word over 2,047 bytes; nobody searches for one
    with system_scope("test"), change_context(source="tests"):
        kent = plant("Kent Extrusions", 42.40, -82.19, products="aluminium " + "x" * 3000)
        rebuild_index()
        doc = SupplierDoc.objects.get(facility__name="Kent Extrusions")
    assert "x" * 3000 not in doc.body_terms
    assert " aluminium " in doc.body_terms or "alumin" in doc.body_terms
    assert kent.pk in ids(search(world.carol, text="aluminium"))
