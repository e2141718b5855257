"""Engagements: events and meetings with their participants, messages, outcomes and
follow-ups; head-office visit tours."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from corridor.calls.models import FollowUpStatus
from corridor.core.models import CorridorModel, Organisation
from corridor.outreach.models.directory import Contact, HeadOffice


class EngagementKind(models.TextChoices):
    EVENT = "event", "Event (e.g. Auto Mayors Day at Queen's Park)"
    HEAD_OFFICE_VISIT = "head_office_visit", "Automaker head-office visit"
    MPP_MEETING = "mpp_meeting", "Meeting with an MPP or MP"
    MINISTRY_MEETING = "ministry_meeting", "Ministry meeting"
    INDUSTRY_MEETING = "industry_meeting", "Industry meeting"
    ROUNDTABLE = "roundtable", "Roundtable"


class EngagementStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Tour(CorridorModel):
    """A series of head-office visits by small groups of mayors and officers."""

    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="outreach_tours",
        help_text="Who runs it",
    )

    class Meta:
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.name


class Engagement(CorridorModel):
    """An event or meeting. ``organisation`` is who runs it (a municipality or the
    coordinator office); partners see it when ``shared`` is set."""

    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    title = models.CharField(max_length=200)
    starts_on = models.DateField(db_index=True)
    ends_on = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="engagements"
    )
    status = models.CharField(
        max_length=10, choices=EngagementStatus.choices, default=EngagementStatus.PLANNED
    )
    head_office = models.ForeignKey(
        HeadOffice, null=True, blank=True, on_delete=models.PROTECT, related_name="visits"
    )
    tour = models.ForeignKey(
        Tour, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    agenda = models.TextField(blank=True, help_text="One item a line")
    messages = models.ManyToManyField(
        "outreach.Message", blank=True, related_name="engagements", help_text="Messages delivered"
    )
    asks = models.ManyToManyField(
        "outreach.PolicyAsk", blank=True, related_name="engagements", help_text="Asks raised"
    )
    press_coverage = models.TextField(blank=True, help_text="One article or clip a line")
    outcomes = models.TextField(blank=True)
    shared = models.BooleanField(default=True, help_text="Partner organisations may read it")

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def press_items(self) -> list[str]:
        return [line.strip() for line in self.press_coverage.splitlines() if line.strip()]


class ParticipantRole(models.TextChoices):
    MAYOR = "mayor", "Mayor"
    OFFICER = "officer", "Economic-development officer"
    COORDINATOR = "coordinator", "Coordinator"
    INDUSTRY = "industry", "Industry"
    MPP = "mpp", "MPP or MP"
    OFFICIAL = "official", "Government official"
    PARTNER = "partner", "Partner organisation"
    PRESS = "press", "Press"


class Participant(CorridorModel):
    """Who takes part: a municipality's mayor, an officer, an MPP (a contact), the press."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participants"
    )
    role = models.CharField(max_length=12, choices=ParticipantRole.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="participations"
    )
    name = models.CharField(max_length=200, blank=True, help_text="When not a contact")
    attended = models.BooleanField(null=True, blank=True, help_text="Blank until it is held")

    class Meta:
        ordering = ["role", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.contact_id and self.contact:
            return f"{self.contact.name} ({self.contact.role})"
        if self.name:
            return self.name
        if self.organisation_id and self.organisation:
            return f"{self.get_role_display()}, {self.organisation.label}"
        return self.get_role_display()


class EngagementFollowUp(CorridorModel):
    """Something promised at an engagement. The calls' follow-ups belong to a facility, so
    an engagement keeps its own, with the same statuses (``FollowUpStatus``) and the same
    rules: open until done (with an outcome) or cancelled; overdue after the due date."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="follow_ups")
    owner_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(db_index=True)
    description = models.TextField()
    status = models.CharField(
        max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN, db_index=True
    )
    outcome = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"Follow-up: {self.description[:60]}"

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == FollowUpStatus.OPEN and (today or dt.date.today()) > self.due_on
