"""Access rules for investment attraction and retention.

* A prospect is seen by the people of the organisation that works it and by the
  coordinator office (the region's whole pipeline); when it is ``shared``, by every
  participating municipality too. Partners see no prospects.
* What the company told its hosts (a prospect's ``summary``, ``competing_jurisdictions``,
  ``next_step`` and ``outcome_note``; a stage change's ``note``) stays with the owning
  organisation and the coordinator even when the prospect is shared, as what a company
  says on a call stays with the visitors.
* Municipal editors and the coordinator add prospects; the owner's editors and the
  coordinator change them and move them through the stages.
* The risk list (scores, reasons, dismissals) is for participants: its reasons are the
  shared facts of calls (flag categories, visits), public announcements and the supply
  chain. Municipal editors and the coordinator dismiss an item; the dismissing
  organisation's editors and the coordinator undo a dismissal. The coordinator alone sets
  the weights.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from corridor.attraction.models import (
    FacilityRisk,
    Prospect,
    RiskDismissal,
    RiskWeight,
    StageChange,
)
from corridor.core.policy import Actor, register
from corridor.core.rules import (
    ParticipantsRule,
    edits_for,
    participant_of,
    participants_where,
)
from corridor.core.scoping import ScopedQuerySet


class _ProspectWork(ParticipantsRule):
    prefix = ""  # the path from the row to its prospect

    def _own(self, actor: Actor) -> Q:
        return Q(**{f"{self.prefix}organisation_id__in": actor.organisation_ids})

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return participants_where(actor, qs, self._own(actor) | Q(**{f"{self.prefix}shared": True}))

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return participants_where(actor, qs, self._own(actor))

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work


@register(Prospect)
class ProspectRule(_ProspectWork):
    confidential_fields = frozenset(
        {"summary", "competing_jurisdictions", "next_step", "outcome_note"}
    )

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # What the company told its hosts: the owning organisation's people, the coordinator.
        return participant_of(actor, obj.organisation_id)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.organisation_id)


@register(StageChange)
class StageChangeRule(_ProspectWork):
    prefix = "prospect__"
    confidential_fields = frozenset({"note"})

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        return participant_of(actor, obj.prospect.organisation_id)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.prospect.organisation_id)


@register(RiskWeight)
class RiskWeightRule(ParticipantsRule):
    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(FacilityRisk)
class FacilityRiskRule(ParticipantsRule):
    """Written by the worker only (``system_scope``); nobody edits an assessment."""


@register(RiskDismissal)
class RiskDismissalRule(ParticipantsRule):
    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.organisation_id)
