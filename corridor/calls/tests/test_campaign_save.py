"""Saving a campaign with its targets (``campaigns.save_campaign``): what the page calls."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.calls.campaigns import save_campaign, targets_after
from corridor.calls.models import Campaign
from corridor.calls.tests.helpers import facility
from corridor.core.history import change_context
from corridor.core.models import EditConflict
from corridor.core.scoping import system_scope

FIELDS = {
    "name": "Automotive focus",
    "focus": "Plants with expansion plans",
    "starts_on": dt.date(2026, 9, 1),
    "ends_on": dt.date(2027, 2, 28),
}


def _targets(campaign: Campaign) -> list[str]:
    with system_scope("test reads"):
        return sorted(campaign.targets.values_list("name", flat=True))


def test_the_coordinator_creates_a_campaign_with_its_targets(world: Any) -> None:
    plants = [facility(f"Plant {n}", world.windsor) for n in range(2)]
    with change_context(user=world.carol, source="tests"):
        campaign = save_campaign(world.carol, None, FIELDS, plants)
    assert (campaign.name, campaign.created_by) == ("Automotive focus", world.carol)
    assert _targets(campaign) == ["Plant 0", "Plant 1"]


def test_nobody_else_creates_or_changes_one(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        save_campaign(world.alice, None, FIELDS, [])
    with change_context(user=world.carol, source="tests"):
        campaign = save_campaign(world.carol, None, FIELDS, [])
    with pytest.raises(PermissionDenied):
        save_campaign(world.alice, campaign, {**FIELDS, "name": "Mine"}, [])
    with system_scope("test reads"):
        assert Campaign.objects.get(pk=campaign.pk).name == "Automotive focus"


def test_a_stale_or_wrong_edit_writes_nothing(world: Any) -> None:
    plant = facility("Plant", world.windsor)
    with change_context(user=world.carol, source="tests"):
        campaign = save_campaign(world.carol, None, FIELDS, [plant])
        loaded = campaign.version
        save_campaign(world.carol, campaign, {**FIELDS, "name": "Renamed"}, [plant])
        with pytest.raises(EditConflict):
            save_campaign(
                world.carol, campaign, {**FIELDS, "name": "Late"}, [], expected_version=loaded
            )
        backwards = {**FIELDS, "ends_on": dt.date(2026, 1, 1)}
        with pytest.raises(ValidationError):
            save_campaign(world.carol, campaign, backwards, [])
    with system_scope("test reads"):
        assert Campaign.objects.get(pk=campaign.pk).name == "Renamed"
    assert _targets(campaign) == ["Plant"]


def test_targets_after_an_edit(world: Any) -> None:
    a, b, c = (facility(name, world.windsor) for name in ("A", "B", "C"))
    assert targets_after([a, b], [c, a], "add", {b.pk}) == [a, c]
    assert targets_after([a, b], [c], "replace", set()) == [c]
    assert targets_after([a, b], [c], "keep", {a.pk}) == [b]
    assert targets_after([a], None, "add", set()) == [a]
