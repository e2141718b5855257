"""A domain query that forgets the access policy fails loudly."""

from typing import Any

import pytest

from corridor.core import policy
from corridor.core.models import Membership, Organisation
from corridor.core.scoping import UnscopedQueryError, system_scope


def test_listing_organisations_without_the_policy_raises(world: Any) -> None:
    with pytest.raises(
        UnscopedQueryError, match="Organisation was queried without an access scope"
    ):
        list(Organisation.objects.all())


@pytest.mark.parametrize(
    "evaluate",
    [
        lambda qs: qs.count(),
        lambda qs: qs.exists(),
        lambda qs: qs.first(),
        lambda qs: list(qs.iterator()),
        lambda qs: qs.aggregate(n=__import__("django.db.models").db.models.Count("id")),
        lambda qs: qs.get(name="Windsor Economic Development"),
        lambda qs: qs.update(description="x"),
        lambda qs: qs.delete(),
        lambda qs: list(qs.values_list("name", flat=True)),
    ],
    ids=["count", "exists", "first", "iterator", "aggregate", "get", "update", "delete", "values"],
)
def test_every_way_of_running_an_unscoped_query_raises(world: Any, evaluate: Any) -> None:
    with pytest.raises(UnscopedQueryError):
        evaluate(Organisation.objects.filter(kind="municipality"))


def test_following_a_reverse_relation_needs_the_policy_too(world: Any) -> None:
    with pytest.raises(UnscopedQueryError):
        list(world.org_a.memberships.all())


def test_a_forward_relation_reads_the_related_row(world: Any) -> None:
    membership = policy.visible(world.alice, Membership).filter(user=world.alice).get()
    assert membership.organisation.name == "Windsor Economic Development"


def test_a_queryset_from_the_policy_runs_and_keeps_its_scope_through_filters(world: Any) -> None:
    qs = policy.visible(world.alice, Organisation).filter(kind="municipality").order_by("name")
    assert [o.name for o in qs] == ["Oshawa Economic Development", "Windsor Economic Development"]


def test_system_work_says_so_explicitly(world: Any) -> None:
    with system_scope("test: counting everything"):
        assert Organisation.objects.count() == 4


def test_a_model_without_an_access_rule_cannot_be_asked_about() -> None:
    from django.contrib.sessions.models import Session

    with pytest.raises(policy.PolicyError, match="Session has no access rule"):
        policy.visible(None, Session)
