"""The messaging library and the common policy agenda with its endorsements."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Organisation


class MessageTheme(models.TextChoices):
    SECTOR_IMPORTANCE = "sector_importance", "The auto sector matters to Ontario"
    TRADE_POLICY = "trade_policy", "Trade policy that supports Ontario's auto companies"
    INVESTMENT_PARTNERSHIP = "investment_partnership", "Partnering for investment in plants"
    NEW_INDUSTRIES = "new_industries", "Attracting new automotive industries"
    ONE_CORRIDOR = "one_corridor", "One corridor, one voice"


class Message(CorridorModel):
    """Talking points on a theme, with the live evidence that backs them (evidence keys
    named in ``corridor/outreach/evidence.py``)."""

    theme = models.CharField(max_length=24, choices=MessageTheme.choices, db_index=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="The message in two or three sentences")
    talking_points = models.TextField(help_text="One talking point a line")
    evidence = models.JSONField(default=list, blank=True, help_text="Evidence keys")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["theme", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def points(self) -> list[str]:
        return [line.strip() for line in self.talking_points.splitlines() if line.strip()]


class AskTheme(models.TextChoices):
    INFRASTRUCTURE = "infrastructure", "Infrastructure and border crossings"
    RESEARCH = "research", "Research and development funding"
    COMMERCIALISATION = "commercialisation", "Commercialisation of new technologies"
    CAPITAL = "capital", "Incentives for large capital investments"
    TECHNOLOGY = "technology", "Electrification, light-weighting and intelligent vehicles"
    WORKFORCE = "workforce", "A skilled workforce"
    PROCUREMENT = "procurement", "Procurement that favours local technology"


class AskStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open for endorsement"
    ADOPTED = "adopted", "Adopted in the agenda"
    ACHIEVED = "achieved", "Achieved"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Asks that the common agenda document carries.
AGENDA_STATUSES = (AskStatus.OPEN, AskStatus.ADOPTED, AskStatus.ACHIEVED)


class PolicyAsk(CorridorModel):
    """One ask of the common industrial-strategy agenda, with the evidence behind it."""

    theme = models.CharField(max_length=20, choices=AskTheme.choices, db_index=True)
    title = models.CharField(max_length=200)
    ask = models.TextField(help_text="What the mayors ask of which government")
    rationale = models.TextField(blank=True)
    addressed_to = models.CharField(
        max_length=200, blank=True, help_text="e.g. Province of Ontario"
    )
    evidence = models.JSONField(default=list, blank=True, help_text="Evidence keys")
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="policy_asks", help_text="Who leads it"
    )
    status = models.CharField(max_length=10, choices=AskStatus.choices, default=AskStatus.DRAFT)

    class Meta:
        ordering = ["theme", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Endorsement(CorridorModel):
    """A municipality endorses an ask, by a council resolution on a date."""

    ask = models.ForeignKey(PolicyAsk, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="endorsements"
    )
    council_resolution = models.CharField(
        max_length=200, help_text="The resolution's number or title"
    )
    resolved_on = models.DateField("date of the resolution")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["ask", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ask", "organisation"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_endorsement_per_ask_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} endorses {self.ask}"


class ResponseStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested by Corridor"
    CONFIRMED = "confirmed", "Confirmed by an officer"
    REJECTED = "rejected", "Not an answer"


class AskResponse(CorridorModel):
    """A government announcement that answers (part of) an ask of the common agenda: the
    evidence that a government has responded. Corridor suggests links from the
    announcements it reads; an officer confirms or rejects them."""

    ask = models.ForeignKey(PolicyAsk, on_delete=models.CASCADE, related_name="responses")
    document = models.ForeignKey(
        "intel.Document", on_delete=models.CASCADE, related_name="ask_responses"
    )
    fact = models.ForeignKey(
        "intel.Fact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ask_responses",
        help_text="The commitment that answers it, when one fact does",
    )
    status = models.CharField(
        max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.SUGGESTED
    )
    score = models.FloatField(default=0.0, help_text="How closely the announcement matches")
    note = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["ask", "-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ask", "document"], name="outreach_one_response_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ask}: {self.document}"
