"""Access to notifications and their settings: each person's own, nobody else's
(not even the coordinator's)."""

from __future__ import annotations

from corridor.core.policy import Actor, OwnRule, register
from corridor.notifications.models import Notification, NotificationPreference


@register(Notification)
class NotificationRule(OwnRule):
    owner = "recipient_id"

    def can_create(self, actor: Actor) -> bool:
        return False  # made by Corridor (services.notify), never by a person


@register(NotificationPreference)
class NotificationPreferenceRule(OwnRule):
    pass
