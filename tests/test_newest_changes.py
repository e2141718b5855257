"""The home page's "recent changes" are exactly the newest changes the access rule shows.

``history.newest_visible`` reads the history a batch at a time and keeps what the
user may see; it must agree with ``policy.visible(user, ChangeRecord)`` for every
role, whatever the batch size, including when it gives up and asks exactly.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from conftest import World
from corridor.core import policy
from corridor.core.history import newest_visible
from corridor.core.models import ChangeRecord
from tests.query_count_rows import seed

ROLES = ["alice", "bob", "carol", "dave", "erin"]


@pytest.fixture
def history(world: World) -> World:
    seed(world, 0, 4)
    return world


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize(
    ("limit", "batch", "most"),
    [(6, 100, 2000), (6, 1, 2000), (9, 4, 2000), (40, 7, 2000), (6, 1, 3)],
)
def test_newest_visible_agrees_with_the_access_rule(
    history: World, who: str, limit: int, batch: int, most: int
) -> None:
    user = getattr(history, who)
    exact = list(policy.visible(user, ChangeRecord)[:limit])
    assert newest_visible(user, limit, batch=batch, most=most) == exact
    assert len(exact) == limit  # every role has at least this much history to see


def test_the_rule_hides_changes_so_the_filter_is_tested(history: World) -> None:
    everything = policy.visible(history.carol, ChangeRecord).count()
    for who in ("bob", "dave"):
        assert policy.visible(getattr(history, who), ChangeRecord).count() < everything
    # a partner's newest visible changes skip the newest of all (Windsor's calls)
    newest_of_all = list(policy.visible(history.carol, ChangeRecord)[:6])
    assert newest_visible(history.dave, 6) != newest_of_all


def test_no_one_signed_in_sees_no_changes(history: World) -> None:
    assert newest_visible(AnonymousUser(), 6) == []
