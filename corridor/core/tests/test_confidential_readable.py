"""One place decides who reads a row's confidential fields: ``policy.can_read_confidential``.

Each rule may answer from the row itself (``Rule.confidential_readable``), which a page of
rows asks without a query per row; the answer must be the one the rule's
``confidential_visible`` gives (the history and the default answer use that). Checked for
every rule that overrides it, every role and every row of the access matrix's world.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from corridor.core import policy
from corridor.core.policy import Rule
from corridor.core.scoping import system_scope
from tests.test_access_matrix import _build_matrix_world

ROLES = ("alice", "bob", "carol", "dave", "erin")


def _overriding() -> list[type[Any]]:
    return sorted(
        (
            model
            for model in policy.registered_models()
            if type(policy.rule_for(model)).confidential_readable is not Rule.confidential_readable
        ),
        key=lambda m: m._meta.label,
    )


@pytest.fixture
def region(db: Any) -> Any:
    return _build_matrix_world()


def test_the_rules_that_decided_apart_now_answer_the_policy() -> None:
    labels = {m._meta.label for m in _overriding()}
    assert {
        "calls.Call",
        "calls.Flag",
        "calls.FollowUp",
        "contacts.Contact",
        "contacts.Touch",
        "supplychain.SupplyNeed",
        "attraction.Prospect",
        "attraction.StageChange",
        "workforce.Demand",
    } <= labels


def test_every_row_level_answer_is_the_rules_query_answer(region: Any) -> None:
    users = region.users()
    answers: set[bool] = set()
    for model in _overriding():
        rule = policy.rule_for(model)
        with system_scope("checking the rules against every row"):
            rows = list(model._default_manager.all())
        assert rows, f"the matrix world has no {model._meta.label}"
        for role in ROLES:
            actor = policy.actor_for(users[role])
            for row in rows:
                fast = policy.can_read_confidential(users[role], row)
                slow = Rule.confidential_readable(rule, actor, row)
                assert fast == slow, f"{model._meta.label} {row.pk} for {role}"
                answers.add(fast)
    assert answers == {True, False}


def test_nobody_signed_out_reads_anything_confidential(region: Any) -> None:
    for model in _overriding():
        with system_scope("a row of each"):
            row = model._default_manager.first()
        assert not policy.can_read_confidential(AnonymousUser(), row)
