"""The stakeholder directory: the people the corridor deals with, who knows them, and the
automakers' head offices."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation


class Scope(models.TextChoices):
    CANADA = "canada", "Canadian head office"
    NORTH_AMERICA = "north_america", "North American head office"


class HeadOffice(CorridorModel):
    """An automaker's Canadian or North American head office (reference data shipped in
    ``data/head_offices.csv`` with its source)."""

    key = models.SlugField(max_length=40, unique=True)
    automaker = models.CharField(max_length=60, db_index=True, help_text="e.g. Ford, Toyota")
    name = models.CharField(max_length=200)
    scope = models.CharField(max_length=14, choices=Scope.choices)
    street = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    region = models.CharField("province or state", max_length=2)
    postal_code = models.CharField(max_length=10)
    country = models.CharField(max_length=60)
    latitude = models.FloatField()
    longitude = models.FloatField()
    registry_company = models.CharField(
        max_length=200, blank=True, help_text="The registry company of its Ontario plants"
    )
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["automaker", "scope", "name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.city}, {self.region} {self.postal_code}, {self.country}"


class Contact(CorridorModel):
    """A person outside Corridor's users: an MPP, a minister's staffer, an automaker's
    executive, a union leader. Their organisation is a Corridor organisation where one
    exists, else its name."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, help_text="Title or role, e.g. Vice-president, MPP")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="When the organisation is not in Corridor"
    )
    head_office = models.ForeignKey(
        HeadOffice, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    is_decision_maker = models.BooleanField(
        default=False, help_text="Takes or shapes investment or policy decisions"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    is_fictional = models.BooleanField(default=False, help_text="Demo data, not a real person")

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_label(self) -> str:
        if self.organisation_id and self.organisation:
            return self.organisation.name
        if self.head_office_id and self.head_office:
            return self.head_office.name
        return self.organisation_name


class Strength(models.TextChoices):
    ACQUAINTANCE = "acquaintance", "Acquaintance"
    WORKING = "working", "Working relationship"
    STRONG = "strong", "Strong: can call any time"


STRENGTH_RANK: dict[str, int] = {"acquaintance": 1, "working": 2, "strong": 3}


class Relationship(CorridorModel):
    """Someone in the network (a Corridor user acting for an organisation) knows a contact."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="relationships")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="outreach_relationships",
        help_text="The municipality or partner whose person knows the contact",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outreach_relationships",
    )
    person_name = models.CharField(
        max_length=200, blank=True, help_text="When the person does not sign in to Corridor"
    )
    strength = models.CharField(max_length=12, choices=Strength.choices, default=Strength.WORKING)
    last_contact_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["contact__name", "-last_contact_on", "pk"]

    def __str__(self) -> str:
        return f"{self.knower} knows {self.contact}"

    @property
    def knower(self) -> str:
        if self.person_id and self.person:
            return str(self.person)
        return self.person_name or str(self.organisation)

    @property
    def rank(self) -> int:
        return STRENGTH_RANK.get(self.strength, 0)
