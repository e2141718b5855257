"""Where the region trains people: institutions, their campuses, and their programs."""

from __future__ import annotations

from django.db import models

from corridor.core.models import CorridorModel, Municipality, Organisation
from corridor.workforce.models.reference import Occupation


class InstitutionKind(models.TextChoices):
    COLLEGE = "college", "College"
    UNIVERSITY = "university", "University"
    TRAINING_CENTRE = "training_centre", "Training centre"


class Institution(CorridorModel):
    """A college, university or training centre. When it is also a partner organisation of
    Corridor, that organisation's editors keep its programs up to date."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(
        max_length=16, choices=InstitutionKind.choices, default=InstitutionKind.COLLEGE
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="institutions",
        help_text="The partner organisation that keeps its programs",
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Campus(CorridorModel):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="campuses")
    name = models.CharField(max_length=200)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["institution", "name"]
        verbose_name_plural = "campuses"
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_campus_name_per_institution",
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution.name}, {self.name}"


class Credential(models.TextChoices):
    CERTIFICATE = "certificate", "Certificate"
    DIPLOMA = "diploma", "Diploma"
    ADVANCED_DIPLOMA = "advanced_diploma", "Advanced diploma"
    GRADUATE_CERTIFICATE = "graduate_certificate", "Graduate certificate"
    DEGREE = "degree", "Bachelor's degree"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship (in-school)"
    MICRO_CREDENTIAL = "micro_credential", "Micro-credential"


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid"
    ONLINE = "online", "Online"
    WORK_INTEGRATED = "work_integrated", "Work-integrated (co-op or apprenticeship)"


class TrainingProgram(CorridorModel):
    """A program an institution offers, with the occupations it trains for."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="programs")
    code = models.CharField(
        max_length=40, help_text="The institution's own code for the program (used by imports)"
    )
    name = models.CharField(max_length=200)
    credential = models.CharField(max_length=20, choices=Credential.choices)
    length_months = models.PositiveSmallIntegerField("length (months)")
    campuses = models.ManyToManyField(Campus, related_name="programs", blank=True)
    occupations = models.ManyToManyField(Occupation, related_name="programs", blank=True)
    seats = models.PositiveIntegerField(help_text="First-year seats")
    graduates_per_year = models.PositiveIntegerField()
    delivery_mode = models.CharField(
        max_length=16, choices=DeliveryMode.choices, default=DeliveryMode.IN_PERSON
    )
    source = models.CharField(max_length=200, blank=True)
    raw = models.JSONField(default=dict, blank=True, help_text="The imported row as it was")

    class Meta:
        ordering = ["institution", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "code"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_program_code_per_institution",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution.name})"
