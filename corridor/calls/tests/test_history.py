"""The change history never shows what the company said to those who may not read it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from corridor.calls.models import CallAnswers, Flag, FollowUp
from corridor.core import policy
from corridor.core.models import ChangeRecord
from tests.matrix_calls import build_calls


def _changed(user: Any, obj: Any) -> bool:
    return (
        policy.visible(user, ChangeRecord)
        .filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)
        .exists()
    )


@pytest.fixture
def calls(world: Any) -> Any:
    build_calls(world)
    return world


@pytest.mark.parametrize("name", ["answers_a", "flag_a", "follow_up_a"])
def test_confidential_history_stays_with_the_visitors(calls: Any, name: str, as_user: Any) -> None:
    obj = getattr(calls, name)
    for insider in ("alice", "erin", "carol"):
        assert _changed(getattr(calls, insider), obj), insider
    for outsider in ("bob", "dave"):
        assert not _changed(getattr(calls, outsider), obj), outsider
    url = f"/history/calls/{obj._meta.model_name}/{obj.pk}/"
    assert as_user("alice").get(url).status_code == 200
    assert as_user("bob").get(url).status_code == 404
    assert "Ohio" not in as_user("bob").get("/changes/?page_size=500").content.decode()


def test_a_referred_partner_reads_the_referrals_history(calls: Any) -> None:
    assert _changed(calls.dave, calls.referral_a)
    assert not _changed(calls.dave, calls.follow_up_a)


def test_the_models_with_confidential_text_narrow_their_history() -> None:
    from corridor.core.policy import Rule, rule_for

    for model in (CallAnswers, Flag, FollowUp):
        rule = rule_for(model)
        narrowed = type(rule).history_visible is not Rule.history_visible
        assert narrowed or model is CallAnswers, model
