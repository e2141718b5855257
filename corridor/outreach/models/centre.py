"""The virtual centre of excellence (working groups, partnerships) and municipal fleet
pilots of new vehicle technology."""

from __future__ import annotations

from django.db import models

from corridor.core.models import CorridorModel, Organisation
from corridor.registry.models import Facility


class WorkingGroup(CorridorModel):
    """Stakeholders working on shared issues; the centre decides where the mayors lead."""

    name = models.CharField(max_length=200, unique=True)
    mandate = models.TextField()
    issues = models.TextField(blank=True, help_text="One issue a line")
    lead = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="led_working_groups"
    )
    mayors_lead = models.BooleanField(
        "the mayors lead", default=False, help_text="An issue on which the Auto Mayors lead"
    )
    members = models.ManyToManyField(Organisation, blank=True, related_name="working_groups")
    meets = models.CharField(max_length=120, blank=True, help_text="e.g. Monthly, online")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def issue_list(self) -> list[str]:
        return [line.strip() for line in self.issues.splitlines() if line.strip()]


class PartnershipKind(models.TextChoices):
    PPP = "ppp", "Public-private partnership"
    CLUSTER = "cluster", "Regional cluster"
    SMART_MANUFACTURING = "smart_manufacturing", "Smart-manufacturing centre"
    ROUNDTABLE = "roundtable", "Sector roundtable"


class PartnershipStatus(models.TextChoices):
    EXPLORING = "exploring", "Exploring"
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


class Partnership(CorridorModel):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=PartnershipKind.choices)
    focus = models.TextField()
    partners = models.ManyToManyField(Organisation, blank=True, related_name="partnerships")
    other_partners = models.CharField(
        max_length=300, blank=True, help_text="Partners not in Corridor, separated by ';'"
    )
    funding = models.CharField(max_length=300, blank=True, help_text="Sources of funding")
    funding_amount = models.PositiveBigIntegerField(
        "funding ($)", null=True, blank=True, help_text="Canadian dollars"
    )
    status = models.CharField(
        max_length=10, choices=PartnershipStatus.choices, default=PartnershipStatus.EXPLORING
    )
    website = models.URLField(blank=True)
    is_example = models.BooleanField(
        default=False, help_text="Named in the source documents as an example to examine"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def other_partner_list(self) -> list[str]:
        return [p.strip() for p in self.other_partners.split(";") if p.strip()]


class Technology(models.TextChoices):
    BATTERY_ELECTRIC = "battery_electric", "Battery-electric vehicles"
    HYDROGEN = "hydrogen", "Hydrogen fuel cell"
    CHARGING = "charging", "Charging infrastructure"
    CONNECTED = "connected", "Connected vehicles and telematics"
    AUTOMATED = "automated", "Automated driving"
    LIGHTWEIGHT = "lightweight", "Light-weight bodies and parts"


class PilotStatus(models.TextChoices):
    OFFERED = "offered", "Fleet offered"
    AGREED = "agreed", "Agreed with a vendor"
    RUNNING = "running", "Running"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class FleetPilot(CorridorModel):
    """A municipality offers its fleet for a pilot of new vehicle technology."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="fleet_pilots"
    )
    title = models.CharField(max_length=200)
    technology = models.CharField(max_length=20, choices=Technology.choices)
    vendor = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fleet_pilots",
        help_text="The vendor's plant when it is in the registry (a local company)",
    )
    vendor_name = models.CharField(max_length=200, blank=True, help_text="When not local")
    vehicles = models.PositiveIntegerField(default=1)
    fleet = models.CharField(
        max_length=200, blank=True, help_text="e.g. Transit buses, by-law cars"
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=PilotStatus.choices, default=PilotStatus.OFFERED
    )
    results = models.TextField(blank=True)
    shared = models.BooleanField(default=True, help_text="Partner organisations may read it")

    class Meta:
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def vendor_label(self) -> str:
        if self.vendor_id and self.vendor:
            return self.vendor.name
        return self.vendor_name or "No vendor yet"
