"""Companies (enterprises) and their facilities (plants and sites)."""

from __future__ import annotations

from django.db import models

from corridor.core.models import CorridorModel, Municipality


class Ownership(models.TextChoices):
    CANADIAN_PRIVATE = "canadian_private", "Canadian, private"
    CANADIAN_PUBLIC = "canadian_public", "Canadian, publicly traded"
    FOREIGN = "foreign", "Foreign-owned"
    UNKNOWN = "", "Not known"


class Tier(models.TextChoices):
    OEM = "oem", "OEM (vehicle assembler)"
    TIER1 = "tier1", "Tier 1"
    TIER2 = "tier2", "Tier 2"
    TIER3 = "tier3", "Tier 3"
    TOOLING = "tooling", "Tooling"
    SERVICE = "service", "Service"
    UNKNOWN = "", "Not known"


class Company(CorridorModel):
    """An enterprise; its plants in different towns are its facilities."""

    name = models.CharField(max_length=200, db_index=True)
    headquarters_country = models.CharField(max_length=60, blank=True)
    ownership = models.CharField(max_length=20, choices=Ownership.choices, blank=True)
    website = models.CharField(max_length=200, blank=True)
    is_fictional = models.BooleanField(default=False, help_text="Demo data, not a real company")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Facility(CorridorModel):
    """A plant or site of a company, in one place."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="facilities")
    name = models.CharField(max_length=200, db_index=True)
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True, help_text="As the lists write it")
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="facilities"
    )
    province = models.CharField(max_length=2, default="ON")
    postal_code = models.CharField(max_length=7, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    website = models.CharField(max_length=200, blank=True)
    naics = models.CharField("NAICS code", max_length=6, blank=True, db_index=True)
    tier = models.CharField(max_length=10, choices=Tier.choices, blank=True)
    employees = models.PositiveIntegerField(null=True, blank=True)
    products = models.TextField(blank=True)
    oem_customers = models.CharField("OEM customers", max_length=300, blank=True)
    is_fictional = models.BooleanField(default=False, help_text="Demo data, not a real plant")
    source_note = models.CharField(
        max_length=300, blank=True, help_text="Where the facts of a real facility come from"
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        editable=False,
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "facilities"
        indexes = [models.Index(fields=["municipality", "naics"])]

    def __str__(self) -> str:
        where = self.municipality.name if self.municipality_id and self.municipality else self.city
        return f"{self.name} ({where})" if where else self.name

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Certification(CorridorModel):
    """A quality, environmental or safety certification of a facility."""

    STANDARDS = [
        ("IATF 16949", "IATF 16949 (automotive quality)"),
        ("ISO 9001", "ISO 9001 (quality)"),
        ("ISO 14001", "ISO 14001 (environment)"),
        ("ISO 45001", "ISO 45001 (health and safety)"),
        ("ISO 50001", "ISO 50001 (energy)"),
        ("AS9100", "AS9100 (aerospace quality)"),
    ]

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="certifications")
    standard = models.CharField(max_length=40, choices=STANDARDS)
    issuer = models.CharField(max_length=120, blank=True, help_text="Registrar that issued it")
    expires_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["standard"]

    def __str__(self) -> str:
        return f"{self.standard} — {self.facility.name}"
