"""The change history's retention: records older than CORRIDOR_HISTORY_RETENTION_DAYS go
(0, the default, keeps them forever), daily in the worker and by `corridor purge-history`."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from corridor.core.history import purge_history
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.env import ConfigError, envint
from corridor.jobs import periodic
from corridor.jobs.worker import run_queued


def _age_records(days_old: dict[int, int]) -> None:
    """Move each record (by id) back by that many days."""
    now = timezone.now()
    with system_scope("test: records of another time"):
        for pk, days in days_old.items():
            ChangeRecord.objects.filter(pk=pk).update(time=now - dt.timedelta(days=days))


def _world_records(world: Any) -> list[int]:
    with system_scope("test"):
        ids = list(ChangeRecord.objects.order_by("pk").values_list("pk", flat=True))
    assert len(ids) >= 6, "the world's set-up writes change records"
    return ids


def _left() -> set[int]:
    with system_scope("test"):
        return set(ChangeRecord.objects.values_list("pk", flat=True))


def test_the_default_keeps_the_history_forever(world: Any, settings: Any) -> None:
    assert settings.CORRIDOR_HISTORY_RETENTION_DAYS == 0
    ids = _world_records(world)
    _age_records(dict.fromkeys(ids, 5000))
    assert purge_history() == 0
    assert _left() == set(ids)


def test_records_older_than_the_retention_go_and_the_others_stay(
    world: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corridor.core import history

    monkeypatch.setattr(history, "PURGE_BATCH", 2)  # several batches
    settings.CORRIDOR_HISTORY_RETENTION_DAYS = 30
    ids = _world_records(world)
    old, recent = ids[:5], ids[5:]
    _age_records({**dict.fromkeys(old, 31), **dict.fromkeys(recent, 29)})
    assert purge_history() == 5
    assert _left() == set(recent)
    assert purge_history() == 0


def test_the_command_purges_and_says_so(world: Any, settings: Any) -> None:
    ids = _world_records(world)
    _age_records({ids[0]: 400, ids[1]: 10})
    out = StringIO()
    call_command("purge_history", stdout=out)
    assert "kept forever" in out.getvalue()
    assert ids[0] in _left()
    out = StringIO()
    call_command("purge_history", "--days", "365", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 change records older than 365 days."
    assert ids[0] not in _left() and ids[1] in _left()


def test_the_worker_purges_once_a_day(world: Any, settings: Any) -> None:
    from corridor.jobs.apps import HISTORY_PURGE

    purge = next(p for p in periodic.registered() if p.name == HISTORY_PURGE)
    assert purge.at is not None and purge.every is None
    settings.CORRIDOR_HISTORY_RETENTION_DAYS = 7
    ids = _world_records(world)
    _age_records({ids[0]: 8})
    purge.task.enqueue()
    run_queued()
    assert ids[0] not in _left() and ids[1] in _left()


def test_a_negative_retention_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_HISTORY_RETENTION_DAYS", "-1")
    with pytest.raises(ConfigError, match="less than 0"):
        envint("CORRIDOR_HISTORY_RETENTION_DAYS", 0, minimum=0)
