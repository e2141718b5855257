"""Access to notifications and their settings: each person's own, nobody else's
(not even the coordinator's)."""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.scoping import ScopedQuerySet
from corridor.notifications.models import Notification, NotificationPreference


@register(Notification)
class NotificationRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs.filter(recipient_id=actor.user_id) if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return False  # made by Corridor (services.notify), never by a person

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_authenticated and bool(obj.recipient_id == actor.user_id)


@register(NotificationPreference)
class NotificationPreferenceRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs.filter(user_id=actor.user_id) if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_authenticated

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_authenticated and bool(obj.user_id == actor.user_id)
