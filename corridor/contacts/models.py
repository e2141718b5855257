"""People at companies (contacts) and the touches logged with them.

A contact's details belong to the municipality that recorded them (and the
coordinator) unless the person agreed that they may be shared with the other
participants; the rules are in ``corridor/contacts/rules.py``. Links to calls
(who was met), follow-ups and referrals are kept here, so those apps need not know
contacts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.calls.models import Call, FollowUp
from corridor.core.models import CorridorModel, Organisation
from corridor.programs.models import Referral
from corridor.registry.models import Company, Facility


class Role(models.TextChoices):
    PLANT_MANAGER = "plant_manager", "Plant manager"
    OWNER = "owner", "Owner or president"
    HR = "hr", "HR lead"
    PURCHASING = "purchasing", "Purchasing"
    ENGINEERING = "engineering", "Engineering"
    FINANCE = "finance", "Finance"
    OTHER = "other", "Other"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    OTHER = "other", "Other"


class ConsentBasis(models.TextChoices):
    """Why Corridor's people may contact the person electronically (Canada's anti-spam law)."""

    NONE = "none", "None recorded"
    EXPRESS = "express", "Express consent"
    IMPLIED_RELATIONSHIP = "implied", "Implied: an existing business relationship"
    PUBLISHED = "published", "Implied: conspicuously published"


class Contact(CorridorModel):
    """A person at a company (and perhaps at one of its facilities)."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="contacts")
    facility = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    name = models.CharField(max_length=200, db_index=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OTHER)
    title = models.CharField(max_length=200, blank=True, help_text="Their own job title")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    language = models.CharField(
        "preferred language", max_length=10, choices=Language.choices, default=Language.ENGLISH
    )
    consent_basis = models.CharField(
        "consent to be contacted",
        max_length=10,
        choices=ConsentBasis.choices,
        default=ConsentBasis.NONE,
        help_text="The basis under Canada's anti-spam law (CASL)",
    )
    consent_on = models.DateField("consent given on", null=True, blank=True)
    consent_note = models.CharField(
        max_length=300, blank=True, help_text="How and where the person agreed"
    )
    shared = models.BooleanField(
        "may be shared",
        default=False,
        help_text="The person agreed that the other municipalities may see their details",
    )
    shared_on = models.DateField("agreed to sharing on", null=True, blank=True)
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="company_contacts",
        help_text="The municipality (or the coordinator office) that recorded the person",
    )
    is_fictional = models.BooleanField(default=False, help_text="Demo data, not a real person")
    # Links: who was met on a call, whom a follow-up or a referral is about.
    calls = models.ManyToManyField(Call, blank=True, related_name="contacts")
    follow_ups = models.ManyToManyField(FollowUp, blank=True, related_name="contacts")
    referrals = models.ManyToManyField(Referral, blank=True, related_name="contacts")
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        editable=False,
    )

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["company", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def role_label(self) -> str:
        label = self.get_role_display()
        if self.title:
            return f"{self.title} ({label})" if self.role != Role.OTHER else self.title
        return label


class TouchKind(models.TextChoices):
    PHONE = "phone", "Phone call"
    EMAIL = "email", "E-mail"
    MEETING = "meeting", "Meeting"
    TOUR = "tour", "Site tour"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


class Touch(CorridorModel):
    """One contact with a facility: a call on the phone, an e-mail, a meeting, a tour.

    The fact of it (date, kind, organisation) is shared with the participants; a
    confidential note stays with the recording organisation and the coordinator."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="touches")
    kind = models.CharField(max_length=10, choices=TouchKind.choices, default=TouchKind.PHONE)
    happened_on = models.DateField("date")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="touches")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="touches")
    note = models.CharField(max_length=500, blank=True)
    confidential = models.BooleanField(
        default=True,
        help_text="Only your organisation and the coordinator read the note",
    )

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name_plural = "touches"
        indexes = [models.Index(fields=["facility", "happened_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.facility.name}, {self.happened_on:%Y-%m-%d}"


class ContactMerge(CorridorModel):
    """The coordinator found one person recorded twice and folded one record into the other.

    Kept so the merge can be undone exactly: ``moved`` lists the touches, calls,
    follow-ups and referrals that the merged record brought to the kept one."""

    survivor = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="merges_in")
    merged = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="merges_out")
    moved = models.JSONField(
        default=dict, help_text="Ids of the links moved to the kept record, by kind"
    )
    reasons = models.JSONField(default=list, help_text="Why the two looked like one person")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Contact {self.merged_id} merged into contact {self.survivor_id}"


class ContactImport(CorridorModel):
    """One contact list imported: the file, who, for which organisation, and every row as
    it arrived (``rows``: row number, raw cells, the contact made from it)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contact_imports"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64)
    created = models.PositiveIntegerField(default=0)
    rows = models.JSONField(default=list)

    # The raw rows are people's details: kept on the import, not copied into the history.
    history_exclude = frozenset({"rows"})

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name}: {self.created} people"
