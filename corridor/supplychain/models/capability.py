"""The capability taxonomy and the capabilities of facilities."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel
from corridor.registry.models import Facility


class CapabilityKind(models.TextChoices):
    PROCESS = "process", "Process"
    MATERIAL = "material", "Material"
    PRODUCT = "product", "Product"
    SERVICE = "service", "Service"


class Capability(CorridorModel):
    """What a plant can do or make: a node of the taxonomy (``data/capabilities.csv``)."""

    key = models.SlugField(max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    kind = models.CharField(max_length=10, choices=CapabilityKind.choices)
    label = models.CharField(max_length=120)
    synonyms = models.TextField(blank=True, help_text="Other names and spellings, separated by ';'")

    class Meta:
        ordering = ["kind", "label"]
        verbose_name_plural = "capabilities"

    def __str__(self) -> str:
        return self.label

    def synonym_list(self) -> list[str]:
        return [s.strip() for s in self.synonyms.split(";") if s.strip()]


class TagSource(models.TextChoices):
    PRODUCTS = "products", "Read from the products a list gave"
    OFFICER = "officer", "Added by an officer"
    CALL = "call", "Said on a call"
    DEMO = "demo", "Demo data"


class FacilityCapability(CorridorModel):
    """A facility can do a capability."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="capability_tags")
    capability = models.ForeignKey(Capability, on_delete=models.PROTECT, related_name="tags")
    source = models.CharField(max_length=10, choices=TagSource.choices, default=TagSource.OFFICER)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["capability__label"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "capability"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_tag_per_facility_and_capability",
            )
        ]

    def __str__(self) -> str:
        return f"{self.facility.name}: {self.capability.label}"
