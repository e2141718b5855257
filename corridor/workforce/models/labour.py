"""Who works and who is looking (labour supply), and the openings employers have (demand)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation
from corridor.registry.models import Facility
from corridor.workforce.models.reference import Occupation, Region


class LabourSupply(CorridorModel):
    """Employed and unemployed people of an occupation in a region, for one period
    (e.g. a year of the Labour Force Survey or a census), as imported."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="supply")
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="supply")
    period = models.DateField(help_text="The first day of the period the figures are for")
    employed = models.PositiveIntegerField()
    unemployed = models.PositiveIntegerField(help_text="Looking for work, last worked in it")
    source = models.CharField(max_length=200)
    raw = models.JSONField(default=dict, blank=True, help_text="The imported row as it was")

    class Meta:
        ordering = ["region", "occupation", "-period"]
        verbose_name_plural = "labour supply"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "occupation", "period", "source"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_supply_figure_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation.title}, {self.region.name}, {self.period:%Y-%m}"


class DemandKind(models.TextChoices):
    CALL = "call", "Reported on a call"
    POSTINGS = "postings", "Job postings"


class Demand(CorridorModel):
    """Openings for an occupation in a region in one month.

    From a call (``kind=call``): the hard-to-fill occupations a company named, linked to
    the call so that it is as confidential as the call's answers; the occupation is
    ``None`` while what was said matches no NOC occupation. Imported (``kind=postings``):
    the number of job postings of a month, from a named source."""

    kind = models.CharField(max_length=10, choices=DemandKind.choices, db_index=True)
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.PROTECT, related_name="demand"
    )
    stated_occupation = models.CharField(
        max_length=200, blank=True, help_text="The occupation as the company named it"
    )
    match_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How closely what was said matched the occupation (0-100)"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="demand"
    )
    month = models.DateField(help_text="The first day of the month")
    count = models.PositiveIntegerField(help_text="Openings or postings")
    source = models.CharField(max_length=200)
    call = models.ForeignKey(
        "calls.Call", null=True, blank=True, on_delete=models.CASCADE, related_name="workforce"
    )
    facility = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.PROTECT, related_name="workforce_demand"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workforce_demand",
        help_text="The municipality whose call it came from",
    )
    raw = models.JSONField(default=dict, blank=True, help_text="The imported row as it was")

    class Meta:
        ordering = ["-month", "pk"]
        verbose_name_plural = "demand"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "occupation", "month", "source"],
                condition=models.Q(deleted_at__isnull=True, kind="postings"),
                name="one_live_postings_figure_per_source",
            )
        ]

    def __str__(self) -> str:
        what = self.occupation.title if self.occupation else self.stated_occupation
        return f"{what}: {self.count} ({self.get_kind_display().lower()}, {self.month:%Y-%m})"


class ImportKind(models.TextChoices):
    SUPPLY = "supply", "Labour supply"
    POSTINGS = "postings", "Job postings"
    PROGRAMS = "programs", "Training programs"


class WorkforceImport(CorridorModel):
    """One run of ``corridor import-workforce``: the file, what it did, the rows it rejected."""

    kind = models.CharField(max_length=10, choices=ImportKind.choices)
    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    rejects = models.JSONField(default=list, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.file_name}"
