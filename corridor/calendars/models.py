"""Each user's private calendar feed: a random address only a digest of which is kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.scoping import ScopedManager


class FeedScope(models.TextChoices):
    MINE = "mine", "My items only"
    OURS = "ours", "My organisation's items"
    ALL = "all", "Everything I may see"


class CalendarFeed(models.Model):
    """The address at which a user's calendar program reads their Corridor calendar.

    Like an API token (``core.ApiToken``) the address's secret part is kept only as a
    SHA-256 digest and shown once, when it is made. A user has at most one feed; a new
    address replaces the old one, which then finds nothing (404)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    prefix = models.CharField(max_length=12, help_text="First characters, to recognise it")
    token_digest = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=4, choices=FeedScope.choices, default=FeedScope.OURS)
    created_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Calendar feed of {self.user} ({self.prefix}…)"
