"""Funded projects, their recipients (one company, or a consortium) and imported raw rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Municipality
from corridor.programs.models.program import FundingProgram
from corridor.registry.models import Company, Facility


class ProjectStatus(models.TextChoices):
    APPROVED = "approved", "Approved"
    UNDERWAY = "underway", "Underway"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class FundedProject(CorridorModel):
    """A project a program funded: the contribution, what the project costs in total, jobs.

    Leverage is total value / contribution; it is unknown when either is."""

    program = models.ForeignKey(FundingProgram, on_delete=models.PROTECT, related_name="projects")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_projects",
        help_text="Where the project happens (the lead recipient's place)",
    )
    contribution = models.PositiveBigIntegerField("program contribution ($)", null=True, blank=True)
    total_value = models.PositiveBigIntegerField("total project value ($)", null=True, blank=True)
    jobs_created_expected = models.PositiveIntegerField(null=True, blank=True)
    jobs_retained_expected = models.PositiveIntegerField(null=True, blank=True)
    jobs_created_reported = models.PositiveIntegerField(null=True, blank=True)
    jobs_retained_reported = models.PositiveIntegerField(null=True, blank=True)
    technology_tags = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.APPROVED
    )
    approved_on = models.DateField(null=True, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=60, default="corridor")
    source_ref = models.CharField(max_length=120, blank=True)
    is_demo = models.BooleanField(default=False, help_text="Demo data, not a real project")

    class Meta:
        ordering = ["-approved_on", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_ref"],
                condition=~models.Q(source_ref=""),
                name="one_project_per_source_reference",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def leverage(self) -> float | None:
        if not self.contribution or self.total_value is None:
            return None
        return self.total_value / self.contribution

    @property
    def year(self) -> int | None:
        day = self.approved_on or self.starts_on
        return day.year if day else None


class LinkStatus(models.TextChoices):
    LINKED = "linked", "Linked to a registry facility"
    REVIEW = "review", "Uncertain: waits for review"
    UNLINKED = "unlinked", "Not in the registry"


class ProjectRecipient(CorridorModel):
    """A recipient of a funded project as the source names it, and the facility it is."""

    project = models.ForeignKey(FundedProject, on_delete=models.CASCADE, related_name="recipients")
    name = models.CharField(max_length=300)
    city = models.CharField(max_length=120, blank=True)
    province = models.CharField(max_length=2, blank=True)
    is_lead = models.BooleanField(default=True)
    facility = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_projects_received",
    )
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="funded_projects"
    )
    link_status = models.CharField(
        max_length=10, choices=LinkStatus.choices, default=LinkStatus.UNLINKED
    )
    candidate = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The facility it may be, while the link waits for review",
    )
    match_score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-is_lead", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class ProjectImport(CorridorModel):
    """One run of ``corridor import-projects``: the file, its counts and its rejected rows."""

    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    file_format = models.CharField(max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    superseded = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    rejects = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.file_name}"


class ProjectRow(CorridorModel):
    """A raw row of an imported file, exactly as read (every amendment is kept)."""

    source = models.CharField(max_length=60)
    source_ref = models.CharField(max_length=120)
    amendment = models.IntegerField(default=0)
    import_run = models.ForeignKey(
        ProjectImport, null=True, on_delete=models.SET_NULL, related_name="raw_rows"
    )
    row_number = models.PositiveIntegerField()
    raw = models.JSONField()
    content_hash = models.CharField(max_length=64)
    project = models.ForeignKey(
        FundedProject, null=True, blank=True, on_delete=models.SET_NULL, related_name="raw_rows"
    )
    is_latest = models.BooleanField(default=False)

    class Meta:
        ordering = ["source", "source_ref", "amendment"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_ref", "amendment"], name="one_raw_row_per_amendment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.source_ref} amendment {self.amendment}"
