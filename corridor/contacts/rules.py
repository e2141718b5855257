"""Access rules for contacts and touches: people's details stay where they were given.

* A contact (name, role, phone, e-mail, language, consent) is seen in full by the
  people of the organisation that recorded it (``owner_organisation``) and by the
  coordinator office.
* Other participating municipalities see a contact only when the person agreed to
  be shared (``shared``), and even then never the consent note (how the person
  agreed is the recording municipality's record).
* Partners see no contacts at all: the sharing a person agreed to is with the
  municipalities of the corridor, not with associations, unions or colleges.
* The fact of a touch (facility, date, kind, organisation) is seen by every
  participant; its note by every participant unless it is marked confidential, then
  by the recording organisation and the coordinator only. Partners see no touches.
* Editors of the owner (for a touch: the recording organisation) and the coordinator
  change them; municipal editors and the coordinator add them. The coordinator alone
  merges duplicates.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from corridor.contacts.models import Contact, ContactImport, ContactMerge, Touch
from corridor.core import policy
from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import (
    ParticipantsRule,
    edits_for,
    participant_of,
    participants_where,
)
from corridor.core.scoping import ScopedQuerySet


@register(Contact)
class ContactRule(ParticipantsRule):
    # How the person agreed to be contacted: the recording municipality's record only.
    confidential_fields = frozenset({"consent_note"})

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        own = Q(owner_organisation_id__in=actor.organisation_ids)
        return participants_where(actor, qs, own | Q(shared=True))

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return participants_where(actor, qs, Q(owner_organisation_id__in=actor.organisation_ids))

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # the consent note: the recording municipality's people and the coordinator
        return participant_of(actor, obj.owner_organisation_id)

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.owner_organisation_id)


@register(Touch)
class TouchRule(ParticipantsRule):
    confidential_fields = frozenset({"note"})

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        own = Q(organisation_id__in=actor.organisation_ids)
        return participants_where(actor, qs, Q(confidential=False) | own)

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # the note: every participant unless marked confidential, then its organisation's
        return actor.is_participant and (
            actor.is_coordinator
            or not obj.confidential
            or obj.organisation_id in actor.organisation_ids
        )

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.organisation_id)


@register(ContactMerge)
class ContactMergeRule(Rule):
    """Merges are the coordinator's: the duplicates they join may be unshared people of two
    municipalities, so nobody else may learn from a merge that the other one exists."""

    def can_view(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_coordinator else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(ContactImport)
class ContactImportRule(ParticipantsRule):
    """An imported list (its raw rows are people's details) is its organisation's and the
    coordinator's, like the unshared people it made."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return participants_where(actor, qs, Q(organisation_id__in=actor.organisation_ids))

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work


def may_merge(user: Any) -> bool:
    return policy.actor_for(user).is_coordinator
