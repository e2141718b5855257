"""Tasks and notifications: what Corridor tells a person, in the app and by e-mail.

Capabilities register the kinds of notification they produce
(``notifications.register_kind(slug, label, default)``) from their AppConfig.ready()
and call ``services.notify``; this app knows no capability.
"""

from corridor.notifications.kinds import Delivery, register_kind

__all__ = ["Delivery", "register_kind"]
