"""Referrals: a company sent from a call's follow-up to a program, and what came of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation
from corridor.programs.models.program import FundingProgram
from corridor.programs.models.project import FundedProject
from corridor.registry.models import Facility


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", "Referred"
    APPLIED = "applied", "Applied"
    APPROVED = "approved", "Approved"
    FUNDED = "funded", "Funded (project recorded)"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Not pursued"


class Referral(CorridorModel):
    """The chain that shows calls produce results: follow-up → program → application →
    funded project. As confidential as the call: the referring municipality, the coordinator
    and the referred partner see it (``corridor/programs/rules.py``)."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="referrals")
    program = models.ForeignKey(FundingProgram, on_delete=models.PROTECT, related_name="referrals")
    follow_up = models.ForeignKey(
        "calls.FollowUp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="program_referrals",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="program_referrals",
        help_text="The municipality (or the coordinator office) that referred the company",
    )
    referred_to = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="program_referrals_received",
        help_text="The partner that delivers the program",
    )
    referred_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    application_ref = models.CharField("application reference", max_length=120, blank=True)
    applied_on = models.DateField(null=True, blank=True)
    funded_project = models.ForeignKey(
        FundedProject,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-referred_on", "-pk"]

    def __str__(self) -> str:
        return f"Referral of {self.facility.name} to {self.program}"
