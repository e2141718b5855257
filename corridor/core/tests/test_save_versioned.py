"""``save_versioned`` is a compare-and-set at the database, recorded once when it succeeds."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from corridor.core.history import history_of
from corridor.core.models import Action, EditConflict, Organisation
from corridor.core.scoping import system_scope


def _fresh(pk: int) -> Organisation:
    with system_scope("tests"):
        return Organisation.objects.get(pk=pk)


def _updates(world: Any, org: Organisation) -> int:
    return history_of(world.carol, org).filter(action=Action.UPDATE).count()


def test_a_stale_object_whose_row_was_bumped_is_refused(world: Any) -> None:
    stale = _fresh(world.org_a.pk)
    loaded = stale.version
    with system_scope("tests"):  # someone else's write, behind the ORM's back
        Organisation.objects.filter(pk=stale.pk).update(version=F("version") + 1)
    stale.short_name = "YQG"
    with pytest.raises(EditConflict) as refused:
        stale.save_versioned(loaded)
    assert (refused.value.expected, refused.value.current) == (loaded, loaded + 1)
    assert stale.version == loaded
    row = _fresh(stale.pk)
    assert (row.short_name, row.version) == ("", loaded + 1)
    assert _updates(world, row) == 0


def test_a_save_from_the_current_version_goes_up_one_and_is_recorded_once(world: Any) -> None:
    org = _fresh(world.org_a.pk)
    loaded = org.version
    org.short_name = "Windsor"
    org.save_versioned(loaded)
    assert org.version == loaded + 1
    row = _fresh(org.pk)
    assert (row.short_name, row.version) == ("Windsor", loaded + 1)
    [change] = history_of(world.carol, org).filter(action=Action.UPDATE)
    assert change.changed_fields == ["short_name"]
    assert (change.before or {})["short_name"] == ""
    assert (change.after or {})["short_name"] == "Windsor"
    # an ordinary save afterwards still counts up by one
    org.description = "Windsor-Essex"
    org.save()
    assert _fresh(org.pk).version == loaded + 2


def test_the_second_of_two_saves_from_the_same_version_is_refused(world: Any) -> None:
    first, second = _fresh(world.org_a.pk), _fresh(world.org_a.pk)
    first.short_name, second.short_name = "Windsor", "YQG"
    first.save_versioned(first.version)
    with pytest.raises(EditConflict):
        second.save_versioned(second.version)
    assert _fresh(world.org_a.pk).short_name == "Windsor"
    assert _updates(world, first) == 1


def test_the_version_is_compared_by_the_update_that_claims_the_row(world: Any) -> None:
    """No read of the version before the write: the first statement is the UPDATE whose
    WHERE holds the expected version (on SQLite a SELECT … FOR UPDATE locks nothing)."""
    org = _fresh(world.org_a.pk)
    org.short_name = "Windsor"
    with CaptureQueriesContext(connection) as queries:
        org.save_versioned(org.version)
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"].upper()]
    claim = statements[0].upper()
    assert claim.startswith("UPDATE"), statements
    assert '"VERSION" = ' in claim.split("WHERE", 1)[1], claim
    assert not any("FOR UPDATE" in s.upper() for s in statements)
