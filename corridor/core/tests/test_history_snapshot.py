"""The "before" of a change is taken once per save, from the values the object was
loaded with (or last saved), not by reading its row again."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from corridor.calls.tests.helpers import facility, planned
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord, Organisation
from corridor.core.scoping import system_scope


def _latest(obj: Any) -> ChangeRecord:
    with system_scope("the test reads the change it made"):
        return ChangeRecord.objects.filter(
            object_id=obj.pk, content_type__model=obj._meta.model_name
        )[0]


def _save_counting(obj: Any, **kwargs: Any) -> list[str]:
    with change_context(source="tests"), CaptureQueriesContext(connection) as queries:
        obj.save(**kwargs)
    return [q["sql"] for q in queries.captured_queries]


def _reads_its_row(sql: list[str], table: str) -> bool:
    return any(s.lstrip().upper().startswith("SELECT") and f'FROM "{table}"' in s for s in sql)


def test_saving_a_loaded_object_reads_nothing_and_asks_fewer_queries_than_reading_the_row(
    world: Any,
) -> None:
    table = Organisation._meta.db_table
    with system_scope("test"):
        org = Organisation.objects.get(pk=world.org_a.pk)
        again = Organisation.objects.get(pk=world.org_a.pk)
    org.description = "Windsor-Essex auto cluster"
    loaded_save = _save_counting(org)
    assert not _reads_its_row(loaded_save, table), loaded_save
    record = _latest(org)
    assert record.changed_fields == ["description"]
    assert (record.before or {})["description"] == ""
    assert (record.after or {})["description"] == "Windsor-Essex auto cluster"

    # the way it was: an object not loaded whole has its row read for the snapshot
    again._corridor_loaded = None
    again.description = "Windsor-Essex auto cluster, again"
    unloaded_save = _save_counting(again)
    assert _reads_its_row(unloaded_save, table)
    assert len(loaded_save) < len(unloaded_save)
    assert (_latest(again).before or {})["description"] == "Windsor-Essex auto cluster"


def test_a_second_save_starts_from_what_the_first_one_wrote(world: Any) -> None:
    with system_scope("test"):
        org = Organisation.objects.get(pk=world.org_b.pk)
    org.description = "first"
    _save_counting(org)
    org.description = "second"
    sql = _save_counting(org, update_fields=["description"])
    assert not _reads_its_row(sql, Organisation._meta.db_table)
    record = _latest(org)
    assert (record.before or {})["description"] == "first"
    assert (record.after or {})["description"] == "second"
    org.save()  # nothing changed since: no record
    assert _latest(org).pk == record.pk


def test_a_list_edited_in_place_is_still_a_change(world: Any) -> None:
    call = planned(world.alice, facility("Snapshot Castings", world.windsor), world.org_a)
    with system_scope("test"):
        call = type(call).objects.get(pk=call.pk)
    call.consent_scope.append("association")  # the loaded list itself
    _save_counting(call)
    with system_scope("test"):
        secret = ChangeRecord.objects.filter(object_id=call.pk, confidential=True)[0]
    assert secret.changed_fields == ["consent_scope"]
    assert secret.after == {**(secret.before or {}), "consent_scope": ["association"]}


def test_an_object_read_with_only_some_fields_has_its_row_read(world: Any) -> None:
    with system_scope("test"):
        org = Organisation.objects.only("id", "name", "version").get(pk=world.org_a.pk)
    org.name = "Windsor-Essex Economic Development Corporation"
    sql = _save_counting(org)
    assert _reads_its_row(sql, Organisation._meta.db_table)
    record = _latest(org)
    assert record.changed_fields == ["name"]


def test_refreshing_takes_the_rows_values_as_the_new_before(world: Any) -> None:
    with system_scope("test"):
        mine = Organisation.objects.get(pk=world.org_a.pk)
        theirs = Organisation.objects.get(pk=world.org_a.pk)
    theirs.description = "theirs"
    _save_counting(theirs)
    with system_scope("test"):
        mine.refresh_from_db()
    mine.description = "mine"
    _save_counting(mine)
    assert (_latest(mine).before or {})["description"] == "theirs"


def test_a_versioned_save_from_another_version_than_the_one_loaded_reads_the_row(
    world: Any,
) -> None:
    with system_scope("test"):
        stale = Organisation.objects.get(pk=world.org_a.pk)
        fresh = Organisation.objects.get(pk=world.org_a.pk)
    fresh.description = "saved in between"
    _save_counting(fresh)
    stale.description = "edit that started from the newer version"
    with change_context(source="tests"):
        stale.save_versioned(fresh.version)
    record = _latest(stale)
    assert (record.before or {})["description"] == "saved in between"
