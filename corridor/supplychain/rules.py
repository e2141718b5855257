"""Access rules for the supply chain.

* The taxonomy and the capabilities of facilities are shared registry knowledge:
  everyone signed in sees them; the coordinator keeps the taxonomy; whoever may
  edit a facility (the coordinator, editors of the municipality it is in) tags it,
  and editors of any member municipality may tag too, since they hear it on calls.
* A supply need is shared with participants, but who the buyer is follows the
  confidentiality of calls: only the municipality that recorded the need and the
  coordinator see the buyer (``policy.can_read_confidential(user, need)``), and only
  they see its history and its introductions to suppliers. Partners see gap aggregates only.
"""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import ReferenceDataRule
from corridor.core.scoping import ScopedQuerySet
from corridor.supplychain.models import Capability, FacilityCapability, Introduction, SupplyNeed


def _own(actor: Actor, qs: ScopedQuerySet[Any], field: str) -> ScopedQuerySet[Any]:
    if actor.is_coordinator:
        return qs
    if not actor.is_participant:
        return qs.none()
    return qs.filter(**{f"{field}__in": actor.organisation_ids})


@register(Capability)
class CapabilityRule(ReferenceDataRule):
    """The taxonomy: read by everyone signed in, kept by the coordinator."""


@register(FacilityCapability)
class FacilityCapabilityRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.edits_municipal_work


@register(SupplyNeed)
class SupplyNeedRule(Rule):
    # who the buyer is, and what it said (``policy.can_read_confidential``)
    confidential_fields = frozenset({"buyer", "description", "call"})

    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_participant else qs.none()

    def history_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _own(actor, qs, "organisation_id")  # the history names the buyer

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # whether the actor may know which facility has this need
        return actor.is_coordinator or (
            actor.is_participant and obj.organisation_id in actor.organisation_ids
        )

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator or obj.organisation_id in actor.editor_organisation_ids


@register(Introduction)
class IntroductionRule(Rule):
    """An introduction pairs a buyer with a supplier: as confidential as the buyer."""

    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _own(actor, qs, "need__organisation_id")

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator or obj.need.organisation_id in actor.editor_organisation_ids
