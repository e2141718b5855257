"""The notifications' part of the access matrix (see tests/test_access_matrix.py).

Notifications and their settings are each person's own: everyone signed in has the
list, the settings and "mark all read"; one person's notification (alice's here)
answers 404 to everyone else, the coordinator included, on the pages and in the API.
"""

from __future__ import annotations

from typing import Any

from corridor.notifications.models import Notification
from corridor.notifications.services import notify
from tests.access_rows import Row, everyone, only

KIND = "calls.red-flag"


def build_notifications(world: Any) -> None:
    """One notification of alice's to act on (the producers already told people of the
    matrix's flags, plans and referrals while the other capabilities were built)."""
    [world.alice_notification] = notify(
        [world.alice], KIND, "Matrix notification", url="/calls/flags/", key="matrix:alice"
    )


def _alice_only(status: int, anonymous: int = 302) -> dict[str, int]:
    return only({"alice": status}, 404, anonymous=anonymous)


NOTIFICATION_PAGES: list[Row] = [
    Row("notification-list", lambda w: "/notifications/", everyone(200)),
    Row("notification-list", lambda w: "/notifications/?show=unread&page=2", everyone(200)),
    Row("notification-settings", lambda w: "/notifications/settings/", everyone(200)),
    Row(
        "notification-settings",
        lambda w: "/notifications/settings/",
        everyone(302),
        method="post",
        data=lambda w: {KIND: "digest"},
    ),
    Row("notification-read-all", lambda w: "/notifications/read-all/", everyone(302), "post"),
    Row(
        "notification-open",
        lambda w: f"/notifications/{w.alice_notification.pk}/open/",
        _alice_only(302),
    ),
    Row(
        "notification-read",
        lambda w: f"/notifications/{w.alice_notification.pk}/read/",
        _alice_only(302),
        method="post",
    ),
    Row(
        "notification-unread",
        lambda w: f"/notifications/{w.alice_notification.pk}/unread/",
        _alice_only(302),
        method="post",
    ),
]

NOTIFICATION_API: list[Row] = [
    Row(
        "GET /api/v1/notifications",
        lambda w: "/api/v1/notifications?unread=true",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/notifications/unread-count",
        lambda w: "/api/v1/notifications/unread-count",
        everyone(200, anonymous=401),
    ),
    Row(
        "POST /api/v1/notifications/read-all",
        lambda w: "/api/v1/notifications/read-all",
        everyone(200, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/notifications/{notification_id}/read",
        lambda w: f"/api/v1/notifications/{w.alice_notification.pk}/read",
        _alice_only(200, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/notifications/{notification_id}/unread",
        lambda w: f"/api/v1/notifications/{w.alice_notification.pk}/unread",
        _alice_only(200, anonymous=401),
        method="post",
    ),
    Row(
        "GET /api/v1/notifications/settings",
        lambda w: "/api/v1/notifications/settings",
        everyone(200, anonymous=401),
    ),
    Row(
        "PUT /api/v1/notifications/settings",
        lambda w: "/api/v1/notifications/settings",
        everyone(200, anonymous=401),
        method="put",
        data=lambda w: {"settings": {KIND: "digest", "intel.announcement": "off"}},
    ),
]

NOTIFICATION_API_LISTS: dict[str, Any] = {"/api/v1/notifications": Notification}
