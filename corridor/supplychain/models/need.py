"""What buyers need, where they source it today, and introductions to local suppliers."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation
from corridor.registry.models import Facility
from corridor.supplychain.models.capability import Capability


class SourcedFrom(models.TextChoices):
    US = "us", "United States"
    MEXICO = "mexico", "Mexico"
    ASIA = "asia", "Asia"
    EUROPE = "europe", "Europe"
    CANADA = "canada", "Elsewhere in Canada"
    ONTARIO = "ontario", "Elsewhere in Ontario"
    UNKNOWN = "unknown", "Not known"


class Urgency(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class NeedStatus(models.TextChoices):
    OPEN = "open", "Open"
    INTRODUCED = "introduced", "Introduced to suppliers"
    SOURCED_LOCALLY = "sourced_locally", "Sourced locally"
    DROPPED = "dropped", "Dropped"


class SupplyNeed(CorridorModel):
    """A buyer facility needs a capability. Who the buyer is follows the confidentiality of
    calls: the recording municipality and the coordinator see it, other participants see the
    need without the buyer (``corridor/supplychain/rules.py``)."""

    buyer = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="supply_needs")
    capability = models.ForeignKey(Capability, on_delete=models.PROTECT, related_name="needs")
    description = models.TextField(blank=True)
    annual_value = models.PositiveBigIntegerField(
        "value per year ($)", null=True, blank=True, help_text="Canadian dollars"
    )
    annual_volume = models.CharField("volume per year", max_length=120, blank=True)
    sourced_from = models.CharField(
        max_length=10, choices=SourcedFrom.choices, default=SourcedFrom.UNKNOWN
    )
    urgency = models.CharField(max_length=6, choices=Urgency.choices, default=Urgency.MEDIUM)
    status = models.CharField(
        max_length=16, choices=NeedStatus.choices, default=NeedStatus.OPEN, db_index=True
    )
    radius_km = models.PositiveIntegerField(
        default=150, help_text="How far from the buyer a supplier counts as local"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="supply_needs",
        help_text="Who recorded it",
    )
    call = models.ForeignKey(
        "calls.Call", null=True, blank=True, on_delete=models.SET_NULL, related_name="supply_needs"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-annual_value", "pk"]

    def __str__(self) -> str:
        return f"Need: {self.capability.label}"


class IntroductionOutcome(models.TextChoices):
    PENDING = "pending", "Waiting"
    MEETING = "meeting", "Met"
    QUOTE = "quote", "Quoting"
    CONTRACT = "contract", "Contract won"
    NO_FIT = "no_fit", "No fit"


class Introduction(CorridorModel):
    """An officer introduced a buyer with a need to a local supplier."""

    need = models.ForeignKey(SupplyNeed, on_delete=models.CASCADE, related_name="introductions")
    supplier = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="introductions")
    introduced_on = models.DateField()
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(
        max_length=10, choices=IntroductionOutcome.choices, default=IntroductionOutcome.PENDING
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-introduced_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "supplier"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_introduction_per_need_and_supplier",
            )
        ]

    def __str__(self) -> str:
        return f"Introduction to {self.supplier.name}"
