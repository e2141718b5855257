"""Imported rows as they arrived, the imports that brought them, and merges."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel
from corridor.core.scoping import ScopedManager
from corridor.registry.models.company import Facility


class ImportRun(models.Model):
    """One run of an import: which file, when, by whom, and what it did."""

    source = models.CharField(max_length=120)
    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    rows = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    review = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    rejects = models.JSONField(
        default=list, help_text="Rejected rows: row, source_id, field, reason and raw values"
    )

    objects = ScopedManager()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} ({self.file_name}, {self.started_at:%Y-%m-%d %H:%M})"


class MatchStatus(models.TextChoices):
    AUTO = "auto", "Matched automatically"
    NEW = "new", "New facility"
    REVIEW = "review", "Waiting for review"
    CONFIRMED = "confirmed", "Confirmed by the coordinator"
    REJECTED = "rejected", "Kept apart by the coordinator"


class SourceRecord(CorridorModel):
    """One row of an imported list, kept as it arrived, and the facility it belongs to."""

    source = models.CharField(max_length=120)
    source_id = models.CharField(max_length=120)
    import_run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL)
    row_number = models.PositiveIntegerField(null=True)
    raw = models.JSONField(help_text="Every column of the row, exactly as read")
    content_hash = models.CharField(max_length=64)
    # The fields matching reads, as given (the engine normalises them itself).
    name = models.CharField(max_length=300)
    street = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=120, blank=True)
    province = models.CharField(max_length=60, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    phone = models.CharField(max_length=60, blank=True)
    website = models.CharField(max_length=300, blank=True)
    naics = models.CharField(max_length=6, blank=True)
    employees = models.PositiveIntegerField(null=True, blank=True)
    products = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="source_records")
    status = models.CharField(max_length=10, choices=MatchStatus.choices)
    match_score = models.FloatField(default=0.0)
    candidate = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_candidates",
        help_text="For a record waiting for review: the facility it may be",
    )
    reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["source", "source_id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="one_record_per_source_id")
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.source} #{self.source_id}: {self.name}"


class Merge(models.Model):
    """The coordinator merged one facility into another; kept so it can be undone."""

    survivor = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="merges_in")
    merged = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="merges_out")
    moved_records = models.JSONField(help_text="Ids of the source records moved to the survivor")
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged} merged into {self.survivor}"
