"""Investment-attraction prospects and the stages they move through.

A prospect is a company outside the region, or an employer of the region considering an
expansion, that could bring a capability the corridor lacks. It belongs to the
organisation that works it (a municipality, or the coordinator office) and is seen by
that organisation and the coordinator; when ``shared`` every participating municipality
sees it too. What the company told its hosts (``summary``, where else it is looking, the
next step, the note on an outcome) stays with the owner and the coordinator, as what a
company says on a call does (``corridor/attraction/rules.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corridor.core.models import CorridorModel, Municipality, Organisation
from corridor.intel.models import Fact
from corridor.registry.models import Company, Facility
from corridor.supplychain.models import Capability


class Stage(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    CONTACTED = "contacted", "Contacted"
    VISIT = "visit", "Site visit"
    PROPOSAL = "proposal", "Proposal"
    DECISION = "decision", "Awaiting decision"
    WON = "won", "Won"
    LOST = "lost", "Lost"


OPEN_STAGES: tuple[str, ...] = (
    Stage.IDENTIFIED,
    Stage.CONTACTED,
    Stage.VISIT,
    Stage.PROPOSAL,
    Stage.DECISION,
)
CLOSED_STAGES: tuple[str, ...] = (Stage.WON, Stage.LOST)


class ProspectKind(models.TextChoices):
    NEW = "new", "New to the region"
    EXPANSION = "expansion", "Expansion of an employer here"


class ProspectSource(models.TextChoices):
    GAP = "gap", "A supply gap"
    ANNOUNCEMENT = "announcement", "An announcement (intelligence)"
    REFERRAL = "referral", "A partner's referral"
    HEAD_OFFICE = "head_office", "A head-office visit"
    OTHER = "other", "Other"


class OutcomeReason(models.TextChoices):
    """Why a project was won or lost: the pipeline's lessons, counted on the dashboards."""

    SITE = "site", "Site or building"
    LABOUR = "labour", "Labour and skills"
    SUPPLIERS = "suppliers", "Supplier base"
    INCENTIVES = "incentives", "Incentives"
    COSTS = "costs", "Costs (energy, land, taxes)"
    MARKET = "market", "Market access"
    CANCELLED = "cancelled", "The company cancelled the project"
    OTHER = "other", "Other"


class Prospect(CorridorModel):
    name = models.CharField(
        max_length=200, db_index=True, help_text="The company or the project, as it is known"
    )
    kind = models.CharField(max_length=10, choices=ProspectKind.choices, default=ProspectKind.NEW)
    company = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prospects",
        help_text="The company in the registry, when it is there",
    )
    facility = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prospects",
        help_text="The plant that would expand, for an expansion",
    )
    capability = models.ForeignKey(
        Capability,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prospects",
        help_text="What it would make here",
    )
    source = models.CharField(
        max_length=14, choices=ProspectSource.choices, default=ProspectSource.GAP
    )
    source_fact = models.ForeignKey(
        Fact,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prospects",
        help_text="The announcement it came from",
    )
    source_note = models.CharField(max_length=300, blank=True, help_text="Who referred it, when")
    summary = models.TextField(blank=True, help_text="What the company told us (confidential)")
    estimated_investment = models.PositiveBigIntegerField(
        "estimated investment", null=True, blank=True, help_text="Canadian dollars"
    )
    estimated_jobs = models.PositiveIntegerField("estimated jobs", null=True, blank=True)
    competing_jurisdictions = models.CharField(
        max_length=300, blank=True, help_text="Where else the company is looking, separated by ';'"
    )
    stage = models.CharField(
        max_length=10, choices=Stage.choices, default=Stage.IDENTIFIED, db_index=True
    )
    stage_changed_on = models.DateField()
    outcome_reason = models.CharField(
        max_length=12, choices=OutcomeReason.choices, blank=True, help_text="Why it was won or lost"
    )
    outcome_note = models.CharField(max_length=300, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    won_investment = models.PositiveBigIntegerField(
        "investment won", null=True, blank=True, help_text="Canadian dollars, as committed"
    )
    won_jobs = models.PositiveIntegerField("jobs won", null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="prospects",
        help_text="The municipality (or the coordinator office) that works it",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prospects",
        help_text="The officer who leads it",
    )
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prospects",
        help_text="Where it would land, when a site is proposed",
    )
    shared = models.BooleanField(
        "shared with the corridor",
        default=False,
        help_text="Every participating municipality sees it (not what the company said)",
    )
    next_step = models.CharField(max_length=300, blank=True)
    next_step_due = models.DateField("next step by", null=True, blank=True)
    is_fictional = models.BooleanField(default=False, help_text="Demo data, not a real project")

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["stage", "next_step_due"], name="attraction_prospect_board"),
            models.Index(fields=["organisation", "stage"], name="attraction_prospect_owner"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def competitors(self) -> list[str]:
        return [p.strip() for p in self.competing_jurisdictions.split(";") if p.strip()]


class StageChange(CorridorModel):
    """One move of a prospect from a stage to another: when, by whom, and why."""

    prospect = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=10, choices=Stage.choices)
    changed_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["prospect", "changed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.prospect}: {self.from_stage or 'new'} → {self.to_stage}"
