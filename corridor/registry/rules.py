"""Access rules for the shared registry.

Companies and facilities are the corridor's shared, non-confidential registry:
everyone signed in sees them. The coordinator keeps the registry (imports,
review, merges); a municipality's editors keep the facilities in their town.
Imported rows as they arrived are working data of the participants
(municipalities and the coordinator office), not of partners.
"""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import CoordinatorWorkRule
from corridor.core.scoping import ScopedQuerySet
from corridor.registry.models import (
    Certification,
    Company,
    Facility,
    ImportRun,
    Merge,
    SourceRecord,
)


def _shared(actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
    if actor.is_coordinator:
        return qs
    return qs.filter(deleted_at__isnull=True) if actor.is_authenticated else qs.none()


class SharedRegistryRule(Rule):
    """Everyone signed in sees it; the coordinator and municipal editors add to it."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _shared(actor, qs)

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator or bool(actor.editor_municipality_ids)


def _edits_facility(actor: Actor, facility: Any) -> bool:
    return actor.is_coordinator or (
        facility.municipality_id is not None
        and facility.municipality_id in actor.editor_municipality_ids
    )


@register(Company)
class CompanyRule(SharedRegistryRule):
    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Facility)
class FacilityRule(SharedRegistryRule):
    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _edits_facility(actor, obj)

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Certification)
class CertificationRule(SharedRegistryRule):
    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _edits_facility(actor, obj.facility)


@register(SourceRecord)
class SourceRecordRule(CoordinatorWorkRule):
    """Rows as imported; the coordinator decides the review queue."""


@register(ImportRun)
class ImportRunRule(CoordinatorWorkRule):
    """Imports: the coordinator runs them."""


@register(Merge)
class MergeRule(CoordinatorWorkRule):
    """Merges of facilities: the coordinator makes and undoes them."""
