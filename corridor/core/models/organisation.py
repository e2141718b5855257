"""Organisations that take part in Corridor."""

from __future__ import annotations

from django.db import models

from corridor.core.models.base import CorridorModel
from corridor.core.models.geography import Municipality


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", "Municipality"
    COORDINATOR_OFFICE = "coordinator_office", "Coordinator office"
    ASSOCIATION = "association", "Industry association"
    UNION = "union", "Union"
    COLLEGE = "college", "College or university"
    RESEARCH_CENTRE = "research_centre", "Research centre"
    GOVERNMENT = "government", "Government"


# Municipalities and the coordinator office run corporate calling together and see
# shared data; every other kind is a partner and sees shared, non-confidential data.
PARTICIPANT_KINDS = frozenset({OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE})


class Organisation(CorridorModel):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text="For a municipality: the place it governs. For others: where it is based.",
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def is_participant(self) -> bool:
        return self.kind in PARTICIPANT_KINDS
