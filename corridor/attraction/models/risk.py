"""The retention early warning: facilities whose jobs are at risk, and why.

``FacilityRisk`` is the latest assessment of one facility (made by the worker, see
``corridor/attraction/risk.py``): its score, the jobs on record and the reasons, each
with its weight. The weights are data (``RiskWeight``; defaults in
``corridor/attraction/data/risk_weights.csv``). A person may dismiss an item with a
reason (``RiskDismissal``); the dismissal holds while the facility's reasons stay those
that were dismissed (``signature``), and a new reason puts it back on the list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation
from corridor.core.scoping import ScopedManager
from corridor.registry.models import Facility


class RiskReason(models.TextChoices):
    RED_FLAG = "red_flag", "Red flag on a call"
    YELLOW_FLAG = "yellow_flag", "Yellow flag on a call"
    PARENT_ELSEWHERE = "parent_elsewhere", "Parent company invests elsewhere"
    PARENT_CUTS = "parent_cuts", "Parent company announced cuts"
    SINGLE_SUPPLIER = "single_supplier", "An OEM plant's only local supplier"
    LEASE = "lease", "Lease expiring"
    OWNERSHIP = "ownership", "Ownership change"
    NO_VISIT = "no_visit", "No visit in 18 months"


class RiskWeight(CorridorModel):
    """How much one reason counts; the coordinator sets it, every change is kept."""

    reason = models.CharField(max_length=20, choices=RiskReason.choices, unique=True)
    weight = models.PositiveSmallIntegerField()
    explanation = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-weight", "reason"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.weight}"


class FacilityRisk(models.Model):
    """The latest assessment of a facility with at least one reason (rewritten by the
    worker; the history of what was listed is in the notifications it sent)."""

    facility = models.OneToOneField(Facility, on_delete=models.CASCADE, related_name="risk")
    score = models.PositiveIntegerField(db_index=True)
    jobs = models.PositiveIntegerField(null=True, blank=True, help_text="Employees on record")
    reasons = models.JSONField(
        default=list, help_text="[{reason, weight, detail, since, path}], the heaviest first"
    )
    signature = models.CharField(
        max_length=200, help_text="The reasons' keys, sorted: what a dismissal dismisses"
    )
    assessed_at = models.DateTimeField()
    first_listed_at = models.DateTimeField()

    objects = ScopedManager()

    class Meta:
        ordering = ["-score", "-jobs", "facility_id"]

    def __str__(self) -> str:
        return f"{self.facility_id}: {self.score}"


class RiskDismissal(CorridorModel):
    """Someone judged a facility's listed reasons not to be a risk, and said why."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="risk_dismissals")
    signature = models.CharField(max_length=200)
    reason = models.CharField(max_length=500)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="risk_dismissals"
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Dismissed: {self.facility_id} ({self.signature})"
