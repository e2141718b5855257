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
from corridor.core.policy import Actor, Rule, register
from corridor.core.scoping import ScopedQuerySet


def _where(actor: Actor, qs: ScopedQuerySet[Any], condition: Q) -> Any:
    """The coordinator sees every row, a participant the rows ``condition`` allows, anyone
    else none."""
    if actor.is_coordinator:
        return qs
    return qs.filter(condition) if actor.is_participant else qs.none()


def _edits_for(actor: Actor, organisation_id: int | None) -> bool:
    return actor.is_coordinator or organisation_id in actor.editor_organisation_ids


class _ProspectWork(Rule):
    prefix = ""  # the path from the row to its prospect

    def _own(self, actor: Actor) -> Q:
        return Q(**{f"{self.prefix}organisation_id__in": actor.organisation_ids})

    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _where(actor, qs, self._own(actor) | Q(**{f"{self.prefix}shared": True}))

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _where(actor, qs, self._own(actor))

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work


def _hosts(actor: Actor, organisation_id: int | None) -> bool:
    """The row-level answer of ``confidential_visible``: may the actor read what the
    company told the prospect's hosts (the owning organisation's people, the coordinator)?"""
    return actor.is_coordinator or (
        actor.is_participant and organisation_id in actor.organisation_ids
    )


@register(Prospect)
class ProspectRule(_ProspectWork):
    confidential_fields = frozenset(
        {"summary", "competing_jurisdictions", "next_step", "outcome_note"}
    )

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        return _hosts(actor, obj.organisation_id)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _edits_for(actor, obj.organisation_id)


@register(StageChange)
class StageChangeRule(_ProspectWork):
    prefix = "prospect__"
    confidential_fields = frozenset({"note"})

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        return _hosts(actor, obj.prospect.organisation_id)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _edits_for(actor, obj.prospect.organisation_id)


class _Participants(Rule):
    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_participant else qs.none()


@register(RiskWeight)
class RiskWeightRule(_Participants):
    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(FacilityRisk)
class FacilityRiskRule(_Participants):
    """Written by the worker only (``system_scope``); nobody edits an assessment."""


@register(RiskDismissal)
class RiskDismissalRule(_Participants):
    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _edits_for(actor, obj.organisation_id)
