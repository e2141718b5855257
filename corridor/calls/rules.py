"""Access rules for corporate calls: what is shared, what stays with the visitors.

* The fact of a call (facility, date, who visited, status, flag categories,
  follow-up status) is shared with every participating municipality and the
  coordinator office.
* What the company said (``CallAnswers``, a flag's ``detail``, a follow-up's
  description and outcome) is visible to the visiting municipality and the
  coordinator only; a follow-up's text also to its owner and to the partner it
  refers the company to.
* Partners see the referrals addressed to them, and aggregates that suppress
  counts under five companies (``corridor/calls/aggregates.py``).
* Editors of the visiting municipality and the coordinator change a call; the
  coordinator alone assigns leads, runs campaigns and publishes templates.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from corridor.calls.models import (
    Call,
    CallAnswers,
    CallTemplate,
    Campaign,
    Flag,
    FollowUp,
    LeadAssignment,
)
from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import (
    CoordinatorWorkRule,
    ParticipantsRule,
    edits_for,
    participant_of,
    participants_where,
)
from corridor.core.scoping import ScopedQuerySet


@register(CallTemplate)
class CallTemplateRule(Rule):
    """Everyone signed in may read the common template; the coordinator publishes versions."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator


@register(LeadAssignment)
class LeadAssignmentRule(CoordinatorWorkRule):
    """Who leads calls on a facility: shared with participants, set by the coordinator."""


@register(Campaign)
class CampaignRule(CoordinatorWorkRule):
    """Campaigns and their targets: shared with participants, run by the coordinator."""


class _CallingWork(ParticipantsRule):
    """Shared with the participants; municipal editors and the coordinator add to it."""

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work


def _visitors(actor: Actor, qs: ScopedQuerySet[Any], field: str) -> ScopedQuerySet[Any]:
    """The rows whose visiting municipality (``field``) is the actor's, or all for the
    coordinator: who may read what the company said (for one row: ``participant_of``
    the visiting or raising municipality)."""
    return participants_where(actor, qs, Q(**{f"{field}__in": actor.organisation_ids}))


@register(Call)
class CallRule(_CallingWork):
    # The company's consent to referrals is what it said: read as the answers are.
    confidential_fields = frozenset({"consent_on", "consent_scope", "consent_note"})

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.organisation_id)

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _visitors(actor, qs, "organisation_id")

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # What the company said on the call (its answers, purpose, consent).
        return participant_of(actor, obj.organisation_id)


@register(CallAnswers)
class CallAnswersRule(_CallingWork):
    """Confidential: the visiting municipality's people and the coordinator."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return _visitors(actor, qs, "call__organisation_id")

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.call.organisation_id)


@register(Flag)
class FlagRule(_CallingWork):
    confidential_fields = frozenset({"detail"})

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return edits_for(actor, obj.organisation_id)

    def history_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        # The history holds the detail: only those who may read it.
        return _visitors(actor, qs, "organisation_id")

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        return participant_of(actor, obj.organisation_id)  # the flag's detail


@register(FollowUp)
class FollowUpRule(Rule):
    """Participants see every follow-up's status; a partner sees the referrals addressed to it."""

    confidential_fields = frozenset({"description", "outcome"})

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_participant:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        return qs.filter(referral_to_id__in=actor.organisation_ids)

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return (
            edits_for(actor, obj.owner_organisation_id)
            or (obj.call_id is not None and edits_for(actor, obj.call.organisation_id))
            or (
                obj.referral_to_id is not None
                and obj.referral_to_id in actor.editor_organisation_ids
            )
        )

    def history_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        # The history holds the description and outcome: only those who may read them.
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        mine = actor.organisation_ids
        return qs.filter(
            Q(owner_organisation_id__in=mine)
            | Q(referral_to_id__in=mine)
            | Q(call__organisation_id__in=mine)
        )

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        # The description and outcome (reads the follow-up's call when it has one).
        if actor.is_coordinator:
            return True
        mine = actor.organisation_ids
        return (
            obj.owner_organisation_id in mine
            or obj.referral_to_id in mine
            or (obj.call is not None and obj.call.organisation_id in mine)
        )
