"""The registry's import announces "facilities changed" through its own hook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from corridor.registry.signals import BatchHook, facilities_changed
from corridor.registry.tests.helpers import APEX, PRECISION, import_list, write_list


def test_the_supply_chain_subscribes_from_its_ready() -> None:
    assert "supplychain" in facilities_changed.subscribers()


def _watching(events: list[str], name: str) -> Any:
    @contextmanager
    def wrapper() -> Iterator[None]:
        events.append(f"{name} begins")
        yield
        events.append(f"{name} ends")

    return wrapper


def test_an_import_runs_inside_one_batch_of_every_subscriber(
    world: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    monkeypatch.setattr(facilities_changed, "_subscribers", dict(facilities_changed._subscribers))
    facilities_changed.subscribe("watcher", _watching(events, "watcher"))
    import_list(write_list(tmp_path / "list.csv", [APEX, PRECISION]))
    assert events == ["watcher begins", "watcher ends"]


def test_a_failed_block_does_not_end_the_batch_well() -> None:
    events: list[str] = []
    hook = BatchHook("test")
    hook.subscribe("a", _watching(events, "a"))
    hook.subscribe("a", _watching(events, "a again"))  # replaces the first
    with pytest.raises(RuntimeError), hook.batch():
        raise RuntimeError("rolled back")
    assert events == ["a again begins"]
