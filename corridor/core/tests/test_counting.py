"""counting.count: exact for small lists, a large count reused a short while per query."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from corridor.core import counting, policy
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import UnscopedQueryError


@pytest.fixture
def fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


def _add_association(name: str) -> None:
    Organisation.objects.create(name=name, kind=OrganisationKind.ASSOCIATION)


def _organisations(world: Any, name: str = "alice") -> Any:
    return policy.visible(world.users()[name], Organisation).order_by("pk")


@pytest.mark.parametrize(
    ("reuse_from", "seconds"),
    [(1_000, 30), (2, 0)],
    ids=["a small count", "reuse turned off"],
)
def test_a_count_afresh(
    world: Any, settings: Any, fresh_cache: Any, reuse_from: int, seconds: int
) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = reuse_from
    settings.CORRIDOR_COUNT_SECONDS = seconds
    before = counting.count(_organisations(world))
    assert before == _organisations(world).count() >= 2
    _add_association("Auto Parts Makers North")
    assert counting.count(_organisations(world)) == before + 1


def test_a_large_count_is_reused_until_it_expires(
    world: Any, settings: Any, fresh_cache: Any
) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = 2
    before = counting.count(_organisations(world))
    assert before >= 2
    _add_association("Auto Parts Makers North")
    assert counting.count(_organisations(world)) == before  # reused
    cache.clear()  # what the expiry does
    assert counting.count(_organisations(world)) == before + 1


def test_another_query_has_its_own_count(world: Any, settings: Any, fresh_cache: Any) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = 2
    everyone = counting.count(_organisations(world))
    municipalities = _organisations(world).filter(kind=OrganisationKind.MUNICIPALITY)
    assert counting.count(municipalities) == municipalities.count() < everyone


def test_the_same_rows_in_another_order_share_a_count_and_other_rows_do_not(
    world: Any, settings: Any, fresh_cache: Any
) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = 2
    before = counting.count(_organisations(world))
    _add_association("Auto Parts Makers North")
    by_name = _organisations(world).order_by("name").select_related()
    assert counting.count(by_name) == before  # the same rows: the reused count
    joined = _organisations(world).filter(memberships__isnull=False)  # a row per member
    assert counting.count(joined) == joined.count() > counting.count(joined.distinct())
    sliced = _organisations(world)[:1]
    assert counting.count(sliced) == 1


def test_a_reused_count_still_needs_an_access_scope(
    world: Any, settings: Any, fresh_cache: Any
) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = 1
    scoped = _organisations(world)
    counting.count(scoped)
    unscoped = Organisation.objects.order_by("pk")
    with pytest.raises(UnscopedQueryError):
        counting.count(unscoped)


def test_lists_and_empty_filters(world: Any, fresh_cache: Any) -> None:
    assert counting.count([1, 2, 3]) == 3
    assert counting.count(_organisations(world).filter(pk__in=[])) == 0


def test_the_api_count_is_the_reused_one(
    world: Any, settings: Any, fresh_cache: Any, as_user: Any
) -> None:
    settings.CORRIDOR_COUNT_REUSE_FROM = 1
    client = as_user("alice")
    first = client.get("/api/v1/organisations").json()
    _add_association("Auto Parts Makers North")
    again = client.get("/api/v1/organisations").json()
    assert again["count"] == first["count"]
    assert len(again["items"]) == first["count"] + 1  # the rows themselves are fresh
    settings.CORRIDOR_COUNT_REUSE_FROM = 10_000
    cache.clear()
    assert client.get("/api/v1/organisations").json()["count"] == first["count"] + 1
