"""The notifications API: my notifications and my settings, nobody else's."""

from __future__ import annotations

from typing import Any

from django.test import Client

from corridor.core.models import ApiToken
from corridor.notifications import services
from corridor.notifications.kinds import Delivery
from corridor.notifications.services import notify
from corridor.notifications.tests.helpers import KIND


def _api(user: Any) -> Client:
    _, secret = ApiToken.issue(user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_list_my_notifications_and_the_unread_ones(world: Any) -> None:
    first = notify([world.alice], KIND, "First", url="/calls/", key="1")[0]
    notify([world.alice], KIND, "Second", key="2")
    notify([world.bob], KIND, "Bob's", key="3")
    services.mark_read(world.alice, first)
    api = _api(world.alice)
    body = api.get("/api/v1/notifications").json()
    assert [i["title"] for i in body["items"]] == ["Second", "First"] and body["count"] == 2
    assert body["items"][1]["read"] is True and body["items"][1]["url"] == "/calls/"
    assert body["items"][0]["kind_label"] == "A red flag on a company in my municipality"
    unread = api.get("/api/v1/notifications?unread=true").json()
    assert [i["title"] for i in unread["items"]] == ["Second"]
    assert api.get("/api/v1/notifications/unread-count").json() == {"unread": 1}


def test_mark_read_unread_and_all(world: Any) -> None:
    [one] = notify([world.alice], KIND, "One", key="1")
    notify([world.alice], KIND, "Two", key="2")
    api = _api(world.alice)
    assert api.post(f"/api/v1/notifications/{one.pk}/read").json()["read"] is True
    assert api.post(f"/api/v1/notifications/{one.pk}/unread").json()["read"] is False
    assert api.post("/api/v1/notifications/read-all").json() == {"marked": 2}
    assert services.unread_count(world.alice) == 0


def test_another_persons_notification_answers_404(world: Any) -> None:
    [one] = notify([world.alice], KIND, "Alice's", key="1")
    response = _api(world.carol).post(f"/api/v1/notifications/{one.pk}/read")
    assert response.status_code == 404
    assert set(response.json()["error"]) == {"code", "message", "field"}
    assert services.unread_count(world.alice) == 1


def test_get_and_put_my_settings(world: Any) -> None:
    api = _api(world.alice)
    before = {s["kind"]: s for s in api.get("/api/v1/notifications/settings").json()}
    assert before[KIND]["delivery"] == "at_once" and before[KIND]["default"] == "at_once"
    response = api.put(
        "/api/v1/notifications/settings",
        {"settings": {KIND: "digest"}},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert {s["kind"]: s["delivery"] for s in response.json()}[KIND] == "digest"
    assert services.preferences(world.alice)[KIND] == Delivery.DIGEST
    assert services.preferences(world.bob)[KIND] == Delivery.AT_ONCE


def test_bad_settings_are_refused_with_the_field_named(world: Any) -> None:
    api = _api(world.alice)
    unknown = api.put(
        "/api/v1/notifications/settings",
        {"settings": {"no.such-kind": "off"}},
        content_type="application/json",
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["field"] == "settings.no.such-kind"
    wrong = api.put(
        "/api/v1/notifications/settings",
        {"settings": {KIND: "sometimes"}},
        content_type="application/json",
    )
    assert wrong.status_code == 422
    control = api.put(
        "/api/v1/notifications/settings",
        {"settings": {"calls.red\x00flag": "off"}},
        content_type="application/json",
    )
    assert control.status_code == 422 and control.json()["error"]["code"] == "invalid"


def test_signed_out_callers_get_401(world: Any) -> None:
    assert Client().get("/api/v1/notifications").status_code == 401
    assert Client().get("/api/v1/notifications/settings").status_code == 401
