"""Access rules for funding programs, funded projects and referrals.

* Programs, funded projects and their recipients are public facts: everyone signed in
  reads them; the coordinator keeps them (and imports projects).
* Raw imported rows and import runs are for the participants.
* A referral follows the confidentiality of the call it came from: the referring
  municipality, the coordinator and the partner it refers the company to see it and
  its history; editors of the referring municipality, the coordinator and the referred
  partner's editors (who record the application and its outcome) change it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from corridor.core import policy
from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import ReferenceDataRule
from corridor.core.scoping import ScopedQuerySet
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    ProjectImport,
    ProjectRecipient,
    ProjectRow,
    Referral,
)


@register(FundingProgram)
class FundingProgramRule(ReferenceDataRule):
    """Programs: read by everyone signed in, kept by the coordinator."""


@register(FundedProject)
class FundedProjectRule(ReferenceDataRule):
    """Funded projects are public facts, recorded and imported by the coordinator."""


@register(ProjectRecipient)
class ProjectRecipientRule(ReferenceDataRule):
    """Who received the money (public), and the facility the coordinator linked it to."""


class _ImportRecords(Rule):
    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_participant else qs.none()


@register(ProjectImport)
class ProjectImportRule(_ImportRecords):
    """Import runs: participants read them; only the import command writes them."""


@register(ProjectRow)
class ProjectRowRule(_ImportRecords):
    """Raw rows exactly as imported: participants read them; nobody edits them."""


def _referral_parties(actor: Actor) -> Q:
    mine = actor.organisation_ids
    return Q(organisation_id__in=mine) | Q(referred_to_id__in=mine)


@register(Referral)
class ReferralRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        return qs.filter(_referral_parties(actor))

    def can_create(self, actor: Actor) -> bool:
        return actor.edits_municipal_work

    def can_change(self, actor: Actor, obj: Any) -> bool:
        editors = actor.editor_organisation_ids
        return (
            actor.is_coordinator
            or obj.organisation_id in editors
            or (obj.referred_to_id is not None and obj.referred_to_id in editors)
        )


def may_refer_for(user: Any, organisation_id: int) -> bool:
    """Whether ``user`` may record a referral in the name of this organisation."""
    actor = policy.actor_for(user)
    return policy.can_create(user, Referral) and (
        actor.is_coordinator or organisation_id in actor.editor_organisation_ids
    )
