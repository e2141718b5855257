"""Funding programs: who funds them, where and for whom, and their eligibility rules as data."""

from __future__ import annotations

from django.db import models

from corridor.core.models import CorridorModel, Organisation


class Jurisdiction(models.TextChoices):
    FEDERAL = "federal", "Federal (Government of Canada)"
    PROVINCIAL = "provincial", "Provincial (Ontario)"
    REGIONAL = "regional", "Regional"
    MUNICIPAL = "municipal", "Municipal"


class ProgramStatus(models.TextChoices):
    OPEN = "open", "Open to applications"
    INTAKE_CLOSED = "intake_closed", "Intake closed for now"
    CLOSED = "closed", "Closed"
    UNKNOWN = "unknown", "Status not known"


class FundingProgram(CorridorModel):
    """A program that funds companies' projects (O-AMP, NGen, the Strategic Innovation Fund…).

    ``eligibility`` holds the rules as data (``corridor/programs/eligibility.py`` reads them);
    ``published_figures`` the public figures with their date and source."""

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    aliases = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other names news and open data use for it, separated by ';'",
    )
    funder = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="programs"
    )
    delivered_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delivered_programs",
        help_text="The partner organisation companies are referred to",
    )
    jurisdiction = models.CharField(max_length=12, choices=Jurisdiction.choices)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=14, choices=ProgramStatus.choices, default=ProgramStatus.UNKNOWN
    )
    eligibility = models.JSONField(default=list, blank=True)
    published_figures = models.JSONField(default=list, blank=True)
    source = models.TextField(blank=True, help_text="Where the facts about the program come from")
    is_demo = models.BooleanField(default=False, help_text="Demo data, not a real program")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def label(self) -> str:
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    def names(self) -> list[str]:
        """Every name the program goes by: for matching news and open data to it."""
        found = [self.name, self.short_name, *self.aliases.split(";")]
        return [n.strip() for n in found if n.strip()]
