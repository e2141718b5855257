"""Red and yellow flags raised on calls, and the follow-ups that act on them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from corridor.calls.models.call import Call
from corridor.core.models import CorridorModel, Organisation
from corridor.registry.models import Facility


class Severity(models.TextChoices):
    RED = "red", "Red"
    YELLOW = "yellow", "Yellow"


class FlagCategory(models.TextChoices):
    RELOCATION_CLOSURE = "relocation_closure", "Relocation or closure risk"
    DOWNSIZING = "downsizing", "Downsizing"
    OWNERSHIP_CHANGE = "ownership_change", "Ownership change"
    EXPANSION = "expansion", "Expansion opportunity"
    WORKFORCE = "workforce", "Workforce shortage"
    LOCAL_SUPPLIER = "local_supplier", "Local-supplier need"
    PERMITS_INFRASTRUCTURE = "permits_infrastructure", "Permit or infrastructure barrier"
    OTHER = "other", "Other"


class FlagStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn (the answers no longer raise it)"


class Flag(CorridorModel):
    """A signal from a call that someone must act on. Category and status are shared with
    every participant; ``detail`` follows the call's confidentiality."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="flags")
    call = models.ForeignKey(
        Call, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="flags", help_text="Who raised it"
    )
    severity = models.CharField(max_length=6, choices=Severity.choices)
    category = models.CharField(max_length=24, choices=FlagCategory.choices, db_index=True)
    rule = models.CharField(
        max_length=40, blank=True, help_text="The rule that raised it; blank when raised by hand"
    )
    detail = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN, db_index=True
    )
    respond_by = models.DateField(help_text="Response deadline: a follow-up must be done by then")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["respond_by", "pk"]
        indexes = [
            # the flag board: open flags, the earliest response deadline first
            models.Index(fields=["status", "respond_by", "id"], name="calls_flag_board"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "rule"],
                condition=~models.Q(rule=""),
                name="one_flag_per_call_and_rule",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_severity_display()} flag: {self.get_category_display()}"

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == FlagStatus.OPEN and (today or dt.date.today()) > self.respond_by


class FollowUpStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class FollowUpCategory(models.TextChoices):
    INFORMATION = "information", "Send information"
    REFERRAL = "referral", "Referral to a partner"
    SITE_SELECTION = "site_selection", "Land, building or site selection"
    PERMITS = "permits", "Permits and approvals"
    WORKFORCE = "workforce", "Workforce and training"
    FUNDING = "funding", "Funding programs"
    SUPPLIERS = "suppliers", "Supplier introductions"
    RETENTION = "retention", "Retention response"
    OTHER = "other", "Other"


class FollowUp(CorridorModel):
    """Something promised after a call or a flag, with an owner and a due date.

    A referral (``referral_to`` a partner organisation) needs the company's consent,
    recorded on the call with its scope."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="follow_ups")
    call = models.ForeignKey(
        Call, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    flag = models.ForeignKey(
        Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    owner_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="follow_ups"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    due_on = models.DateField(db_index=True)
    status = models.CharField(
        max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN, db_index=True
    )
    category = models.CharField(max_length=16, choices=FollowUpCategory.choices)
    description = models.TextField(blank=True)
    referral_to = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
        help_text="A partner organisation the company is referred to",
    )
    outcome = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            # the follow-up list and API: open ones, the earliest due first
            models.Index(fields=["status", "due_on", "id"], name="calls_followup_by_due"),
        ]

    def __str__(self) -> str:
        return f"Follow-up: {self.get_category_display()} — {self.facility.name}"

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == FollowUpStatus.OPEN and (today or dt.date.today()) > self.due_on
