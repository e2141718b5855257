"""Calls on facilities, what the company said, and who leads automotive calls on each facility."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.calls.models.campaign import Campaign
from corridor.calls.models.template import CallTemplate
from corridor.core.models import CorridorModel, Organisation
from corridor.registry.models import Facility


class LeadAssignment(CorridorModel):
    """The municipality that leads automotive calls on a facility, when the coordinator set it.

    Without a row, the lead is the member municipality the facility is in
    (``corridor.calls.leads.lead_for``).
    """

    facility = models.OneToOneField(Facility, on_delete=models.CASCADE, related_name="lead")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="lead_assignments"
    )
    reason = models.CharField(max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["facility__name"]

    def __str__(self) -> str:
        return f"{self.organisation} leads {self.facility}"


class CallStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Approval(models.TextChoices):
    """Whether the plan needed someone's agreement (deconfliction), and whose it got."""

    NOT_NEEDED = "not_needed", "Not needed (the lead calls)"
    PENDING = "pending", "Waiting for approval"
    LEAD = "lead", "Approved by the lead municipality"
    COORDINATOR = "coordinator", "Approved by the coordinator"
    DECLINED = "declined", "Declined"


# A planned call "holds" a facility unless the coordinator cleared it to run beside another.
HOLDING = (Approval.NOT_NEEDED, Approval.LEAD)


class Call(CorridorModel):
    """A visit to a facility. The fact of it is shared with every participant; what the
    company said is in ``CallAnswers`` and stays with the visiting municipality and the
    coordinator."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="calls")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="calls",
        help_text="The municipality (or the coordinator office) making the call",
    )
    scheduled_on = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=CallStatus.choices, default=CallStatus.PLANNED, db_index=True
    )
    template = models.ForeignKey(CallTemplate, on_delete=models.PROTECT, related_name="calls")
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls"
    )
    purpose = models.CharField(max_length=200, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="calls", help_text="Officers, a mayor"
    )
    partner_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="joined_calls", help_text="Partners on the visit"
    )
    other_participants = models.CharField(
        max_length=300, blank=True, help_text="People without a Corridor account, e.g. the mayor"
    )
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approval = models.CharField(
        max_length=12, choices=Approval.choices, default=Approval.NOT_NEEDED, db_index=True
    )
    approval_note = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The company's consent to be referred to partners, recorded on the call.
    consent_on = models.DateField("consent given on", null=True, blank=True)
    consent_scope = models.JSONField(
        default=list,
        blank=True,
        help_text="Kinds of partner organisation the company agreed to be referred to",
    )
    consent_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-scheduled_on", "-pk"]
        indexes = [
            models.Index(fields=["facility", "status"]),
            # lists show the newest calls first: read in index order, not sorted
            models.Index(fields=["scheduled_on", "id"], name="calls_call_by_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["facility"],
                condition=models.Q(status="planned", approval__in=["not_needed", "lead"])
                & models.Q(deleted_at__isnull=True),
                name="one_uncleared_planned_call_per_facility",
                violation_error_message=(
                    "Another municipality already has a planned call on this facility; "
                    "only the coordinator can clear a second one."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"Call on {self.facility.name}, {self.scheduled_on:%Y-%m-%d}"

    @property
    def holds_facility(self) -> bool:
        return self.status == CallStatus.PLANNED and self.approval in HOLDING

    def consents_to(self, organisation: Organisation) -> bool:
        return self.consent_on is not None and organisation.kind in (self.consent_scope or [])


class CallAnswers(CorridorModel):
    """What the company told the visitors: confidential to the visiting municipality and the
    coordinator (``corridor/calls/rules.py``)."""

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="answers")
    answers = models.JSONField(default=dict, blank=True)
    draft = models.JSONField(
        default=dict, blank=True, help_text="What the form held at its last autosave, unchecked"
    )
    draft_saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "call answers"

    def __str__(self) -> str:
        return f"Answers of {self.call}"
