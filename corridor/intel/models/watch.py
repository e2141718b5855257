"""Watching for announcements: the sources the worker reads on a schedule, what it has
seen of each, and events (one announcement reported by several outlets).

The coordinator configures a ``WatchedSource`` (an RSS or Atom feed, a web page, or a
folder on the server); the worker reads each when it is due (``every_hours``), keeps a
``WatchedItem`` per entry it has seen (so an entry is read once), adds new documents
through the same ingesting as an upload, and groups the documents that report the same
announcement into one ``Event``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel
from corridor.core.scoping import ScopedManager
from corridor.intel.models.document import DocumentKind, Jurisdiction


class SourceKind(models.TextChoices):
    FEED = "feed", "RSS or Atom feed"
    PAGE = "page", "Web page"
    FOLDER = "folder", "Folder on the server"


class WatchedSource(CorridorModel):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=SourceKind.choices, default=SourceKind.FEED)
    location = models.CharField(
        max_length=500, help_text="The feed's or page's web address, or the folder's path"
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="watched_sources",
        help_text="The government whose announcements it carries, when it is one's",
    )
    document_kind = models.CharField(
        max_length=16, choices=DocumentKind.choices, default=DocumentKind.PRESS_RELEASE
    )
    every_hours = models.PositiveSmallIntegerField(
        "read every (hours)", default=6, help_text="How often the worker reads it"
    )
    active = models.BooleanField(default=True)
    last_read_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.CharField(max_length=300, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class WatchedItem(models.Model):
    """One entry of a source as seen: read once, whatever the source shows again."""

    source = models.ForeignKey(WatchedSource, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=500, help_text="The entry's id, link or file name")
    title = models.CharField(max_length=300, blank=True)
    seen_at = models.DateTimeField()
    document = models.ForeignKey(
        "intel.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.CharField(max_length=500, blank=True)

    objects = ScopedManager()

    class Meta:
        ordering = ["-seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="intel_item_once_per_source")
        ]

    def __str__(self) -> str:
        return self.key


class Event(CorridorModel):
    """One announcement, however many outlets reported it."""

    title = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title
