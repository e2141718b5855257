"""API endpoints of notifications: a person's own notifications and settings.

Like the pages, everything here is the caller's own (``rules.py``): another person's
notification answers 404, as if it were not there, to everyone (the coordinator too).
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS
from corridor.api.pagination import PageNumber
from corridor.core import policy
from corridor.core.schemas import CleanText
from corridor.notifications import services
from corridor.notifications.kinds import Delivery, all_kinds, kind
from corridor.notifications.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    body: str
    url: str = Field(..., description="A path in Corridor: what the notification is about")
    created_at: dt.datetime
    read: bool = Field(..., alias="is_read")
    read_at: dt.datetime | None

    @staticmethod
    def resolve_kind_label(obj: Notification) -> str:
        try:
            return kind(obj.kind).label
        except LookupError:
            return obj.kind


class NotificationFilter(Schema):
    unread: bool = Field(False, description="Only the unread ones")


class UnreadOut(Schema):
    unread: int


class MarkedOut(Schema):
    marked: int = Field(..., description="How many were unread and are now read")


class SettingOut(Schema):
    kind: str
    label: str
    delivery: Delivery
    default: Delivery


class SettingsIn(CleanText):
    """The kinds to change and their delivery; kinds left out keep theirs."""

    settings: dict[str, Delivery] = Field(
        ...,
        description="kind → off, app (in Corridor only), at_once (and e-mail at once), "
        "digest (and in the daily e-mail digest)",
        examples=[{"calls.red-flag": "at_once", "intel.announcement": "digest"}],
    )


def _mine(request: HttpRequest, notification_id: int) -> Notification:
    found: Notification = get_object_or_404(
        policy.visible(request.user, Notification), pk=notification_id
    )
    return found


def _settings(user: Any) -> list[dict[str, Any]]:
    chosen = services.preferences(user)
    return [
        {"kind": k.slug, "label": k.label, "delivery": chosen[k.slug], "default": k.default}
        for k in all_kinds()
    ]


@router.get(
    "/notifications",
    response={200: list[NotificationOut], **LIST_ERRORS},
    summary="My notifications, newest first (unread=true: only the unread)",
)
@paginate(PageNumber)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilter]):
    mine = policy.visible(request.user, Notification)
    if filters.unread:
        mine = mine.filter(read_at__isnull=True)
    return mine.order_by("-created_at", "-pk")


@router.get(
    "/notifications/unread-count",
    response={200: UnreadOut, **LIST_ERRORS},
    summary="How many of my notifications are unread (the bell's count)",
)
def unread_count(request: HttpRequest) -> dict[str, int]:
    return {"unread": services.unread_count(request.user)}


@router.post(
    "/notifications/read-all",
    response={200: MarkedOut, **ERRORS},
    summary="Mark all my notifications read",
)
def read_all(request: HttpRequest) -> dict[str, int]:
    return {"marked": services.mark_all_read(request.user)}


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, **ERRORS},
    summary="Mark one of my notifications read",
)
def mark_read(request: HttpRequest, notification_id: int) -> Notification:
    return services.mark_read(request.user, _mine(request, notification_id))


@router.post(
    "/notifications/{notification_id}/unread",
    response={200: NotificationOut, **ERRORS},
    summary="Mark one of my notifications unread again",
)
def mark_unread(request: HttpRequest, notification_id: int) -> Notification:
    return services.mark_unread(request.user, _mine(request, notification_id))


@router.get(
    "/notifications/settings",
    response={200: list[SettingOut], **ERRORS},
    summary="How I am told of each kind of notification",
)
def get_settings(request: HttpRequest) -> list[dict[str, Any]]:
    return _settings(request.user)


@router.put(
    "/notifications/settings",
    response={200: list[SettingOut], **ERRORS},
    summary="Change how I am told of some kinds (the others keep theirs)",
)
def put_settings(request: HttpRequest, payload: SettingsIn) -> list[dict[str, Any]]:
    try:
        services.set_preferences(
            request.user, {slug: str(value) for slug, value in payload.settings.items()}
        )
    except ValidationError as exc:
        # name the field as the request did: settings.<kind>
        field, messages = next(iter(exc.message_dict.items()))
        raise ValidationError({f"settings.{field}": messages}) from None
    return _settings(request.user)
