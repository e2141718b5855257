"""Access rules for intelligence.

Documents and the facts read from them are public announcements: everyone signed in
reads them. Officers (editors of member municipalities) and the coordinator add
documents, and confirm, correct or reject facts; only the coordinator deletes a
document or a fact. A correction is a record of what an officer changed: it is never
edited or removed. Jurisdictions and trend tags are reference data the coordinator keeps.
"""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import ReferenceDataRule
from corridor.core.scoping import ScopedQuerySet
from corridor.intel.models import (
    Document,
    Event,
    Fact,
    FactCorrection,
    Jurisdiction,
    TrendTag,
    WatchedItem,
    WatchedSource,
)


@register(Jurisdiction)
class JurisdictionRule(ReferenceDataRule):
    """The governments Corridor tracks."""


@register(TrendTag)
class TrendTagRule(ReferenceDataRule):
    """The technology trends facts are tagged with."""


class _PublicAnnouncementRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.edits_municipal_work

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Document)
class DocumentRule(_PublicAnnouncementRule):
    """Shared with everyone signed in; officers add and describe, the coordinator deletes."""


@register(Fact)
class FactRule(_PublicAnnouncementRule):
    """Shared with everyone signed in; officers confirm and correct, the coordinator deletes."""


@register(FactCorrection)
class FactCorrectionRule(_PublicAnnouncementRule):
    """What an officer changed in a fact: read by all, written once, never changed."""

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return False

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return False


@register(Event)
class EventRule(_PublicAnnouncementRule):
    """One announcement reported by several outlets: public like its documents."""


@register(WatchedSource)
class WatchedSourceRule(Rule):
    """The feeds, pages and folders the worker reads: participants see which are watched;
    the coordinator adds, changes and removes them."""

    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_participant else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(WatchedItem)
class WatchedItemRule(WatchedSourceRule):
    """What the worker saw of a source: written by the worker only."""

    def can_create(self, actor: Actor) -> bool:
        return False

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return False
