"""Saving the same answers from the same version at once: one wins, the others get 409.

The version is compared where the answers are written, by the database (a
compare-and-set in ``CorridorModel.save_versioned``): every request here has read
the answers before any of them writes, so a check made in Python on what was read
would let all of them through.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client

from corridor.calls import recording
from corridor.calls.models import Call, CallAnswers, CallStatus, Flag
from corridor.calls.tests.helpers import facility, planned
from corridor.core.models import Action, ApiToken, ChangeRecord, EditConflict
from corridor.core.scoping import system_scope

JSON = "application/json"
N = 6


@pytest.fixture
def call(world: Any) -> Call:
    return planned(world.alice, facility("Apex Stamping", world.windsor), world.org_a)


@pytest.fixture
def alice_token(world: Any) -> str:
    _, token = ApiToken.issue(world.alice)
    return token


def _client(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _url(call: Call) -> str:
    return f"/api/v1/calls/{call.pk}/answers"


def _body(i: int, version: int) -> dict[str, Any]:
    return {"answers": {"snapshot.employees_now": str(100 + i)}, "version": version}


def _stored(call: Call) -> CallAnswers:
    with system_scope("tests"):
        return CallAnswers.objects.get(call=call)


def _updates_of(answers: CallAnswers) -> int:
    with system_scope("tests"):
        return ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(CallAnswers),
            object_id=answers.pk,
            action=Action.UPDATE,
        ).count()


@pytest.fixture
def parse_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[], object]]]:
    """Hooks run (one per call, in order) when ``save_answers`` has read the answers and
    parses what was sent, before it writes anything."""
    hooks: list[Callable[[], object]] = []
    real = recording.parse_answers

    def parse(*args: Any, **kwargs: Any) -> Any:
        if hooks:
            hooks.pop(0)()
        return real(*args, **kwargs)

    monkeypatch.setattr(recording, "parse_answers", parse)
    yield hooks


def test_six_puts_that_read_the_same_version_one_wins(
    world: Any, call: Call, alice_token: str, parse_hook: list[Callable[[], object]]
) -> None:
    """Deterministic on SQLite and PostgreSQL: each request, once it has read the answers,
    lets the next one run whole before it writes; the last one in writes first."""
    version = _client(alice_token).get(_url(call)).json()["version"]
    records_before = _updates_of(_stored(call))
    statuses: dict[int, int] = {}

    def put(i: int) -> None:
        if i + 1 < N:
            parse_hook.append(lambda: put(i + 1))
        response = _client(alice_token).put(_url(call), _body(i, version), content_type=JSON)
        statuses[i] = response.status_code
        if response.status_code == 409:
            assert response.json()["error"]["code"] == "edit_conflict"

    put(0)
    assert sorted(statuses.values()) == [200] + [409] * (N - 1), statuses
    winner = next(i for i, status in statuses.items() if status == 200)
    assert winner == N - 1  # the one that wrote first
    stored = _stored(call)
    assert stored.answers == {"snapshot.employees_now": 100 + winner}
    assert stored.version == version + 1
    assert _updates_of(stored) == records_before + 1


def test_a_put_whose_version_was_saved_meanwhile_writes_nothing(
    world: Any, call: Call, alice_token: str, parse_hook: list[Callable[[], object]]
) -> None:
    """The second request read the answers, then the first one saved them: 409, and the
    call is not completed."""
    version = _client(alice_token).get(_url(call)).json()["version"]
    first: dict[str, Any] = {}

    def meanwhile() -> None:
        first["response"] = _client(alice_token).put(
            _url(call), _body(1, version), content_type=JSON
        )

    parse_hook.append(meanwhile)
    second = _client(alice_token).put(
        _url(call), {**_body(2, version), "complete": True}, content_type=JSON
    )
    assert first["response"].status_code == 200
    assert second.status_code == 409, second.content
    assert second.json()["error"]["field"] == "version"
    stored = _stored(call)
    assert stored.answers == {"snapshot.employees_now": 101}
    assert stored.version == version + 1
    call.refresh_from_db()
    assert call.status == CallStatus.PLANNED
    assert _updates_of(stored) == 1


def test_the_service_refuses_a_version_already_saved(world: Any, call: Call) -> None:
    version = recording.answers_of(world.alice, call).version
    raw = {"snapshot.employees_now": "120", "risks.relocation": "no"}
    assert recording.save_answers(world.alice, call, raw, expected_version=version) == {}
    stale = {"snapshot.employees_now": "80", "risks.relocation": "yes"}
    with pytest.raises(EditConflict) as refused:
        recording.save_answers(world.alice, call, stale, complete=True, expected_version=version)
    assert (refused.value.expected, refused.value.current) == (version, version + 1)
    stored = _stored(call)
    assert stored.answers == {"snapshot.employees_now": 120, "risks.relocation": "no"}
    call.refresh_from_db()
    assert call.status == CallStatus.PLANNED
    with system_scope("tests"):
        assert not Flag.objects.filter(call=call).exists()
    assert _updates_of(stored) == 1


@pytest.mark.django_db(transaction=True)
def test_six_concurrent_puts_with_the_same_version(
    world: Any, call: Call, alice_token: str, parse_hook: list[Callable[[], object]]
) -> None:
    """Real threads, each with its own connection, all past their read before any writes."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite's in-memory test database cannot take concurrent writers; "
            "test_six_puts_that_read_the_same_version_one_wins covers the same path"
        )
    version = _client(alice_token).get(_url(call)).json()["version"]  # touches the token
    records_before = _updates_of(_stored(call))
    barrier = threading.Barrier(N, timeout=20)
    parse_hook.extend(barrier.wait for _ in range(N))
    statuses: dict[int, int] = {}
    failures: dict[int, BaseException] = {}

    def put(i: int) -> None:
        try:
            response = _client(alice_token).put(_url(call), _body(i, version), content_type=JSON)
            statuses[i] = response.status_code
        except BaseException as error:  # reported by the main thread
            failures[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=put, args=(i,)) for i in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures, failures
    assert sorted(statuses.values()) == [200] + [409] * (N - 1), statuses
    winner = next(i for i, status in statuses.items() if status == 200)
    stored = _stored(call)
    assert stored.answers == {"snapshot.employees_now": 100 + winner}
    assert stored.version == version + 1
    assert _updates_of(stored) == records_before + 1
