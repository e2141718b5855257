"""Access rules for outreach.

* The coordinator edits everything.
* Municipalities (their editors) add and edit their own engagements (with their
  participants and follow-ups), endorsements, fleet pilots and the relationships
  their people have with contacts.
* Participants (municipalities and the coordinator office, viewers included) read
  everything; partners read what is shared: engagements and pilots marked
  ``shared``, the messaging library, the agenda and its endorsements, the centre of
  excellence and the head offices. The directory of contacts and who knows them
  (people's names, telephone numbers, the strength of a relationship) stays with
  the participants.
"""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import ReferenceDataRule
from corridor.core.scoping import ScopedQuerySet
from corridor.outreach.models import (
    AskResponse,
    Contact,
    Endorsement,
    Engagement,
    EngagementFollowUp,
    FleetPilot,
    HeadOffice,
    Message,
    Participant,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)


def owns(actor: Actor, organisation_id: int | None) -> bool:
    """The coordinator, or an editor of the organisation that owns the record."""
    return actor.is_coordinator or organisation_id in actor.editor_organisation_ids


def _shared(actor: Actor, qs: ScopedQuerySet[Any], field: str = "shared") -> ScopedQuerySet[Any]:
    if actor.is_participant:
        return qs
    if actor.is_authenticated:
        return qs.filter(**{field: True})
    return qs.none()


class ParticipantsOnlyRule(Rule):
    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_participant else qs.none()


@register(HeadOffice)
class HeadOfficeRule(ReferenceDataRule):
    """The automakers' head offices: public addresses, kept by the coordinator."""


@register(Message)
class MessageRule(ReferenceDataRule):
    """The messaging library is for everyone who speaks for the corridor."""


@register(PolicyAsk)
class PolicyAskRule(ReferenceDataRule):
    """The agenda is meant to be read widely; the coordinator keeps it."""


@register(AskResponse)
class AskResponseRule(Rule):
    """An announcement linked to an ask: read like the agenda (everyone signed in);
    officers (municipal editors) and the coordinator confirm or reject a suggested link."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.edits_municipal_work


@register(WorkingGroup)
class WorkingGroupRule(ReferenceDataRule):
    pass


@register(Partnership)
class PartnershipRule(ReferenceDataRule):
    pass


@register(Tour)
class TourRule(ReferenceDataRule):
    """A tour of head offices is planned by the coordinator; its visits are engagements."""


@register(Contact)
class ContactRule(ParticipantsOnlyRule):
    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Relationship)
class RelationshipRule(ParticipantsOnlyRule):
    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return owns(actor, obj.organisation_id)


class MunicipalWorkRule(Rule):
    """Work a municipality records (``organisation``): partners read what is ``shared``."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _shared(actor, qs)

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return owns(actor, obj.organisation_id)


@register(Engagement)
class EngagementRule(MunicipalWorkRule):
    pass


@register(Participant)
class ParticipantRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _shared(actor, qs, "engagement__shared")

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return owns(actor, obj.engagement.organisation_id)


@register(EngagementFollowUp)
class EngagementFollowUpRule(ParticipantsOnlyRule):
    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return owns(actor, obj.engagement.organisation_id) or owns(actor, obj.owner_organisation_id)


@register(Endorsement)
class EndorsementRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return owns(actor, obj.organisation_id)


@register(FleetPilot)
class FleetPilotRule(MunicipalWorkRule):
    pass
