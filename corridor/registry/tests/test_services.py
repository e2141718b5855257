"""Review decisions, merging and un-merging facilities."""

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.core import policy
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.registry import services
from corridor.registry.models import Facility, MatchStatus, SourceRecord
from corridor.registry.tests.helpers import APEX, APEX_MAYBE, PRECISION, import_list, write_list


@pytest.fixture
def listed(world: Any, tmp_path: Path) -> Any:
    import_list(write_list(tmp_path / "w.csv", [APEX, APEX_MAYBE, PRECISION]))
    with system_scope("test"):
        world.apex_row, world.maybe_row, world.precision_row = SourceRecord.objects.order_by(
            "source_id"
        )
        world.apex = world.apex_row.facility
        world.maybe = world.maybe_row.facility
        world.precision = world.precision_row.facility
    return world


def live(facility: Facility) -> bool:
    with system_scope("test"):
        return Facility.objects.filter(pk=facility.pk).exists()


def test_confirming_a_review_item_merges_it_into_its_candidate(listed: Any) -> None:
    merge = services.confirm_match(listed.carol, listed.maybe_row)
    listed.maybe_row.refresh_from_db()
    assert listed.maybe_row.facility_id == listed.apex.pk
    assert listed.maybe_row.status == MatchStatus.CONFIRMED
    assert not live(listed.maybe)
    assert merge.moved_records == [listed.maybe_row.pk]


def test_keeping_a_review_item_apart_leaves_its_facility(listed: Any) -> None:
    services.reject_match(listed.carol, listed.maybe_row)
    listed.maybe_row.refresh_from_db()
    assert listed.maybe_row.status == MatchStatus.REJECTED
    assert live(listed.maybe) and listed.maybe_row.facility_id == listed.maybe.pk


def test_only_the_coordinator_decides_the_review_queue(listed: Any) -> None:
    for user in (listed.alice, listed.bob, listed.dave):
        with pytest.raises(PermissionDenied):
            services.confirm_match(user, listed.maybe_row)
        with pytest.raises(PermissionDenied):
            services.reject_match(user, listed.maybe_row)


def test_a_decided_item_cannot_be_decided_again(listed: Any) -> None:
    services.reject_match(listed.carol, listed.maybe_row)
    with pytest.raises(ValidationError):
        services.confirm_match(listed.carol, listed.maybe_row)


def test_merge_and_unmerge_round_trip(listed: Any) -> None:
    merge = services.merge_facilities(listed.carol, listed.apex, listed.precision)
    listed.precision_row.refresh_from_db()
    assert listed.precision_row.facility_id == listed.apex.pk
    assert not live(listed.precision)
    with system_scope("test"):
        assert Facility.all_objects.get(pk=listed.precision.pk).merged_into_id == listed.apex.pk
    restored = services.unmerge(listed.carol, merge)
    listed.precision_row.refresh_from_db()
    assert restored.pk == listed.precision.pk and live(listed.precision)
    assert listed.precision_row.facility_id == listed.precision.pk
    assert restored.merged_into_id is None
    with pytest.raises(ValidationError, match="already undone"):
        services.unmerge(listed.carol, merge)


def test_merges_are_in_the_change_history(listed: Any) -> None:
    services.merge_facilities(listed.carol, listed.apex, listed.precision)
    actions = {
        c.action
        for c in policy.visible(listed.carol, ChangeRecord).filter(
            content_type__model="facility", object_id=listed.precision.pk
        )
    }
    assert {"create", "update", "delete"} <= actions
    moved = policy.visible(listed.carol, ChangeRecord).filter(
        content_type__model="sourcerecord", object_id=listed.precision_row.pk, action="update"
    )
    assert moved.get().changed_fields == ["facility"]


def test_undoing_a_confirmed_match_keeps_the_rows_apart(listed: Any) -> None:
    merge = services.confirm_match(listed.carol, listed.maybe_row)
    services.unmerge(listed.carol, merge)
    listed.maybe_row.refresh_from_db()
    assert listed.maybe_row.status == MatchStatus.REJECTED
    assert listed.maybe_row.facility_id == listed.maybe.pk


def test_nobody_but_the_coordinator_merges(listed: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.merge_facilities(listed.alice, listed.apex, listed.precision)


def test_a_facility_is_not_merged_into_itself(listed: Any) -> None:
    with pytest.raises(ValidationError):
        services.merge_facilities(listed.carol, listed.apex, listed.apex)


def test_a_review_item_whose_candidate_was_merged_away_cannot_be_confirmed(listed: Any) -> None:
    services.merge_facilities(listed.carol, listed.precision, listed.apex)
    with pytest.raises(ValidationError, match="since been merged or removed"):
        services.confirm_match(listed.carol, listed.maybe_row)


def test_reasons_name_database_ids_not_temporary_keys(world: Any, tmp_path: Path) -> None:
    import re

    rows = [
        ["1", "Northstar Precision Machining", "45 King St", "Windsor"],
        ["2", "North Star Precision", "", "Windsor"],
    ]
    import_list(write_list(tmp_path / "w.csv", rows, header=["ID", "Name", "Street", "City"]))
    with system_scope("test"):
        reasons = [r for row in SourceRecord.objects.all() for r in row.reasons]
        ids = set(Facility.all_objects.values_list("pk", flat=True))
    mentioned = [int(n) for r in reasons for n in re.findall(r"facility (\d+)", r)]
    assert mentioned, reasons  # the second row names the facility it was compared with
    assert set(mentioned) <= ids
