"""Facts extracted from documents: investments and policy allocations, with the sentence
they come from, a confidence, and officers' confirmations and corrections."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel
from corridor.intel.extraction.facts import FIELDS
from corridor.intel.models.document import Document, Jurisdiction, TrendTag


class FactKind(models.TextChoices):
    INVESTMENT = "investment", "Investment"
    POLICY = "policy", "Policy allocation"


class Instrument(models.TextChoices):
    GRANT = "grant", "Grant or contribution"
    LOAN = "loan", "Loan"
    TAX_CREDIT = "tax_credit", "Tax credit"
    EQUITY = "equity", "Equity"
    GUARANTEE = "guarantee", "Loan guarantee"
    OTHER = "other", "Other"


class FactStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted, not yet checked"
    CONFIRMED = "confirmed", "Confirmed by an officer"
    CORRECTED = "corrected", "Corrected by an officer"
    REJECTED = "rejected", "Rejected (not a fact)"


# The fields an officer may correct: the same names as ``corridor extract-facts --json``.
CORRECTABLE = FIELDS


class Fact(CorridorModel):
    """Who invests how much where, as a document states it.

    ``extracted`` keeps what the rules read; the fields hold the current values, which an
    officer's correction may have changed. Re-extraction replaces only facts still
    ``extracted``; confirmed, corrected and rejected facts stay as officers left them."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=10, choices=FactKind.choices, default=FactKind.INVESTMENT)
    funder = models.CharField(max_length=200, blank=True)
    recipient = models.CharField(max_length=200, blank=True)
    program = models.CharField(
        max_length=200, blank=True, help_text="The program's name as written"
    )
    amount_cad = models.DecimalField(
        "amount", max_digits=18, decimal_places=2, null=True, blank=True,
        help_text="In the stated currency (Canadian dollars unless the currency says otherwise)",
    )  # fmt: skip
    currency = models.CharField(max_length=3, default="CAD")
    total_value_cad = models.DecimalField(
        "total project value", max_digits=18, decimal_places=2, null=True, blank=True
    )
    projects = models.PositiveIntegerField(null=True, blank=True)
    jobs = models.PositiveIntegerField("jobs created", null=True, blank=True)
    jobs_retained = models.PositiveIntegerField("jobs retained", null=True, blank=True)
    instrument = models.CharField(
        max_length=12,
        choices=Instrument.choices,
        blank=True,
        help_text="How the money is given, when the document says",
    )
    date = models.DateField(null=True, blank=True, db_index=True)
    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, related_name="facts"
    )
    trends = models.ManyToManyField(TrendTag, blank=True, related_name="facts")
    sentence = models.TextField(help_text="The sentence the fact was read from")
    position = models.PositiveIntegerField(
        default=0, help_text="Where in the document (sentence number and place of the amount)"
    )
    confidence = models.FloatField(default=0.5)
    status = models.CharField(
        max_length=10, choices=FactStatus.choices, default=FactStatus.EXTRACTED, db_index=True
    )
    extracted = models.JSONField(default=dict, help_text="What the extraction read, unchanged")
    recipient_company = models.ForeignKey(
        "registry.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intel_facts",
    )
    funding_program = models.ForeignKey(
        "programs.FundingProgram",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_facts",
        help_text="The funding program the fact names (its program, or its funder), if Corridor "
        "holds it",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["document", "position"]

    def __str__(self) -> str:
        amount = f"${self.amount_cad:,.0f}" if self.amount_cad is not None else "an amount"
        return f"{self.funder or 'Someone'}: {amount} ({self.get_kind_display()})"


class FactCorrection(CorridorModel):
    """One field an officer changed: before and after, who, why. Never overwritten."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=40)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["fact", "pk"]

    def __str__(self) -> str:
        return f"{self.field}: {self.before!r} → {self.after!r}"
