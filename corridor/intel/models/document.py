"""Documents Corridor has read (announcements, news, policies, reports), the governments
they speak of, and the technology trends facts are tagged with."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel


class Jurisdiction(CorridorModel):
    """A government whose announcements Corridor tracks: Ontario, Quebec, Canada (federal),
    Michigan, Ohio, Indiana, Mexico, ... (names from ``extraction/data/jurisdictions.json``)."""

    class Kind(models.TextChoices):
        FEDERAL = "federal", "Federal (Canada)"
        PROVINCE = "province", "Province"
        STATE = "state", "U.S. state"
        COUNTRY = "country", "Country"

    name = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    country = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TrendTag(CorridorModel):
    """A technology trend (electrification, batteries, light-weighting, ...)."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class DocumentKind(models.TextChoices):
    NEWS = "news", "News story"
    PRESS_RELEASE = "press_release", "Press release"
    POLICY = "policy", "Policy"
    REPORT = "report", "Report"


class Document(CorridorModel):
    """One document as read: its metadata, its text, and the raw file it came from."""

    title = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True, db_index=True)
    source = models.CharField(max_length=200, blank=True, help_text="Who published it")
    url = models.URLField("web address", max_length=500, blank=True)
    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=16, choices=DocumentKind.choices, default=DocumentKind.NEWS)
    text = models.TextField()
    content_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="SHA-256 of the raw file"
    )
    file_name = models.CharField(max_length=255, blank=True)
    media_type = models.CharField(max_length=80, blank=True)
    raw = models.BinaryField(editable=False, help_text="The file exactly as it arrived")
    trends = models.ManyToManyField(
        TrendTag, blank=True, related_name="documents", help_text="Trends the document speaks of"
    )
    event = models.ForeignKey(
        "intel.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text="The announcement this document reports (several outlets, one event)",
    )
    watched_source = models.ForeignKey(
        "intel.WatchedSource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text="The watched feed, page or folder it was read from",
    )
    is_demo = models.BooleanField(default=False, help_text="Demo announcement (fictional)")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history_exclude = frozenset({"raw", "text"})

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title


class DocumentTerm(models.Model):
    """The search index: one row per distinct word of a document (same results on SQLite and
    PostgreSQL). Rebuilt with the document; not a domain record, so no history."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=40)
    in_title = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["term", "document"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "term"], name="intel_term_once_per_document"
            )
        ]

    def __str__(self) -> str:
        return self.term
