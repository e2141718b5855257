"""Places of the corridor: municipalities with their coordinates and regions."""

from __future__ import annotations

from django.db import models

from corridor.core.models.base import CorridorModel


class Municipality(CorridorModel):
    """A municipality of Ontario (a census subdivision), member of Corridor or not.

    Facilities, labour regions and member organisations all point here, so that
    "where" means the same thing in every capability.
    """

    name = models.CharField(max_length=120, unique=True)
    census_division = models.CharField(
        max_length=120, help_text="County, region or single-tier city it belongs to."
    )
    economic_region = models.CharField(
        max_length=120, help_text="Statistics Canada economic region (labour-market region)."
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)
    population = models.PositiveIntegerField(null=True, blank=True)
    aliases = models.CharField(
        max_length=300,
        blank=True,
        help_text="Communities and spellings within it, separated by ';' (e.g. Alliston).",
    )
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "municipalities"

    def __str__(self) -> str:
        return self.name

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.split(";") if a.strip()]
