"""The notification pages and the bell: each person's own, newest first, marked read."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.notifications import services
from corridor.notifications.kinds import Delivery
from corridor.notifications.services import notify
from corridor.notifications.tests.helpers import KIND, told


def _some(world: Any) -> list[Any]:
    made = [
        notify([world.alice], KIND, f"News {n}", f"Body {n}", url="/calls/flags/", key=f"k{n}")[0]
        for n in range(3)
    ]
    notify([world.bob], KIND, "Bob's own news", key="bob")
    return made


def test_the_bell_shows_my_unread_count(world: Any) -> None:
    _some(world)
    page = client_for(world.alice).get("/").content.decode()
    assert 'aria-label="Notifications, 3 unread"' in page
    assert '<span class="bell-count">3</span>' in page
    page = client_for(world.carol).get("/").content.decode()
    assert 'aria-label="Notifications, 0 unread"' in page


def test_the_list_is_mine_newest_first_with_unread_marked(world: Any) -> None:
    made = _some(world)
    services.mark_read(world.alice, made[0])
    page = client_for(world.alice).get("/notifications/").content.decode()
    assert "Bob&#x27;s own news" not in page and "Bob's own news" not in page
    assert page.index("News 2") < page.index("News 1") < page.index("News 0")
    assert page.count('<span class="notif-badge">Unread</span>') == 2
    assert "Mark unread: News 0" in page
    unread = client_for(world.alice).get("/notifications/?show=unread").content.decode()
    assert "News 0" not in unread and "News 1" in unread


def test_mark_read_unread_and_all_read(world: Any) -> None:
    made = _some(world)
    client = client_for(world.alice)
    response = client.post(
        f"/notifications/{made[1].pk}/read/", {"next": "/notifications/?show=unread"}
    )
    assert response.status_code == 302 and response["Location"] == "/notifications/?show=unread"
    assert services.unread_count(world.alice) == 2
    client.post(f"/notifications/{made[1].pk}/unread/")
    assert services.unread_count(world.alice) == 3
    response = client.post("/notifications/read-all/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == "/notifications/"  # never sent to another site
    assert services.unread_count(world.alice) == 0
    assert services.unread_count(world.bob) == 1


def test_opening_one_marks_it_read_and_goes_to_its_subject(world: Any) -> None:
    made = _some(world)
    response = client_for(world.alice).get(f"/notifications/{made[2].pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/calls/flags/"
    assert told(world.alice)[0].read_at is not None


def test_another_persons_notification_is_not_there(world: Any) -> None:
    made = _some(world)
    client = client_for(world.carol)  # not even the coordinator
    assert client.get(f"/notifications/{made[0].pk}/open/").status_code == 404
    assert client.post(f"/notifications/{made[0].pk}/read/").status_code == 404
    assert services.unread_count(world.alice) == 3


def test_settings_show_every_kind_and_save_my_choice(world: Any) -> None:
    client = client_for(world.alice)
    page = client.get("/notifications/settings/").content.decode()
    assert "A red flag on a company in my municipality" in page
    assert "In Corridor and in the daily e-mail digest" in page
    assert "alice@example.org" in page
    response = client.post(
        "/notifications/settings/", {KIND: "digest", "intel.announcement": "off"}
    )
    assert response.status_code == 302
    chosen = services.preferences(world.alice)
    assert chosen[KIND] == Delivery.DIGEST and chosen["intel.announcement"] == Delivery.OFF
    assert services.preferences(world.bob)[KIND] == Delivery.AT_ONCE
    refused = client.post("/notifications/settings/", {KIND: "sometimes"})
    assert refused.status_code == 422 and "Not a delivery" in refused.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(world: Any) -> None:
    response = client_for(None).get("/notifications/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
