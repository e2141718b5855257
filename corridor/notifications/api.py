"""API endpoints of notifications: a person's own notifications and settings."""

from ninja import Router

router = Router(tags=["notifications"])
