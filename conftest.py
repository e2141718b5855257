"""Shared test fixtures: a small corridor with one person in every role.

alice   — editor, Windsor (municipality A)
bob     — editor, Oshawa (municipality B)
carol   — coordinator, coordinator office
dave    — viewer, APMA (a partner)
erin    — viewer, Windsor (a mayor)
Every test can check access for all of them; ``anonymous`` is a visitor.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import hypothesis
import pytest
from django.test import Client

from corridor.core.history import change_context
from corridor.core.models import (
    Membership,
    Municipality,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from corridor.core.scoping import system_scope

# Property tests judge what Corridor answers, never how fast: Hypothesis's default
# 200 ms deadline per example (and its too-slow health check) fail a test on a busy
# machine, a wall-clock assertion in disguise. Speed is for the benchmarks.
hypothesis.settings.register_profile(
    "corridor", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("corridor")

PASSWORD = "a-long-test-password"


@dataclass
class World:
    windsor: Municipality
    oshawa: Municipality
    org_a: Organisation
    org_b: Organisation
    office: Organisation
    apma: Organisation
    alice: User
    bob: User
    carol: User
    dave: User
    erin: User

    def users(self) -> dict[str, User | None]:
        return {
            "alice": self.alice,
            "bob": self.bob,
            "carol": self.carol,
            "dave": self.dave,
            "erin": self.erin,
            "anonymous": None,
        }


def _place(name: str, lat: str, lon: str, region: str) -> Municipality:
    return Municipality.objects.create(
        name=name,
        census_division=name,
        economic_region=region,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
    )


def _person(username: str, org: Organisation, role: str, **extra: Any) -> User:
    user = User.objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title(), **extra
    )
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


# The longest tests (whole demos, each tens of seconds) start first, so that with
# several workers (make test: pytest -n 2) none is left running alone at the end.
LONG_TESTS_FIRST = (
    "tests/test_demo_command.py",
    "corridor/supplychain/tests/test_demo.py",
    "corridor/calls/tests/test_demo.py",
    "corridor/supplychain/tests/test_search.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """After pytest-django's ordering (database tests, then transactional ones, which empty
    the database, then the rest): the long database tests move to the front. They stay
    database tests, so every worker still runs its transactional tests last."""
    long = [i for i in items if i.nodeid.startswith(LONG_TESTS_FIRST) and not _transactional(i)]
    if long:
        chosen = {id(i) for i in long}
        items[:] = long + [i for i in items if id(i) not in chosen]


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or any(
        name in fixtures for name in ("transactional_db", "live_server")
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Real hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _evidence_read_every_time(settings: Any) -> None:
    # tests change data and read the figures at once (test_evidence checks the reuse)
    settings.CORRIDOR_EVIDENCE_SECONDS = 0


@pytest.fixture(autouse=True)
def _reference_data_after_a_flush(request: Any) -> None:
    """A transactional test (a browser test's live server, real threads) empties the database
    when it ends; the next one gets the reference data that migrations ship back."""
    if _transactional(request.node):
        from corridor.core.reference import ensure_reference_data

        request.getfixturevalue("transactional_db")
        ensure_reference_data()


def build_world() -> World:
    """The small corridor, written to the database (inside whatever transaction is open)."""
    with system_scope("test fixtures"), change_context(source="tests"):
        windsor = _place("Windsor", "42.3149", "-83.0364", "Windsor–Sarnia")
        oshawa = _place("Oshawa", "43.8971", "-78.8658", "Toronto")
        toronto = _place("Toronto", "43.6532", "-79.3832", "Toronto")
        org_a = Organisation.objects.create(
            name="Windsor Economic Development",
            kind=OrganisationKind.MUNICIPALITY,
            municipality=windsor,
        )
        org_b = Organisation.objects.create(
            name="Oshawa Economic Development",
            kind=OrganisationKind.MUNICIPALITY,
            municipality=oshawa,
        )
        office = Organisation.objects.create(
            name="Coordinator Office", kind=OrganisationKind.COORDINATOR_OFFICE, municipality=oshawa
        )
        apma = Organisation.objects.create(
            name="Automotive Parts Manufacturers' Association",
            short_name="APMA",
            kind=OrganisationKind.ASSOCIATION,
            municipality=toronto,
        )
        return World(
            windsor=windsor,
            oshawa=oshawa,
            org_a=org_a,
            org_b=org_b,
            office=office,
            apma=apma,
            alice=_person("alice", org_a, Role.EDITOR),
            bob=_person("bob", org_b, Role.EDITOR),
            carol=_person("carol", office, Role.COORDINATOR, is_staff=True),
            dave=_person("dave", apma, Role.VIEWER),
            erin=_person("erin", org_a, Role.VIEWER),
        )


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def as_user(world: World) -> Any:
    """as_user('alice') -> a test Client signed in as alice (or anonymous)."""
    return lambda name: client_for(world.users()[name])
