"""Access rules for the skills map.

* Occupations, regions and labour supply are reference data: everyone signed in reads
  them; the coordinator keeps them (and imports supply figures).
* Demand from job postings is shared with everyone signed in. Demand from a call is what
  a company said, so it follows the call's answers: only the visiting municipality's
  people and the coordinator see it row by row. Everyone else sees it only inside the
  gap analysis, where partners and the public get counts of fewer than 5 companies
  suppressed (``corridor/workforce/gap_report.py``).
* Institutions and their programs are shared. A partner college (an organisation of kind
  college linked to an institution) keeps its own institution's campuses and programs;
  the coordinator keeps everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from corridor.core import policy
from corridor.core.models import OrganisationKind
from corridor.core.policy import Actor, Rule, register
from corridor.core.rules import ReferenceDataRule
from corridor.core.scoping import ScopedQuerySet
from corridor.workforce.models import (
    Campus,
    Demand,
    DemandKind,
    Institution,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
    WorkforceImport,
)


@register(Occupation)
class OccupationRule(ReferenceDataRule):
    """NOC 2021: read by everyone signed in, kept by the coordinator."""


@register(Region)
class RegionRule(ReferenceDataRule):
    """Economic regions: read by everyone signed in, kept by the coordinator."""


@register(LabourSupply)
class LabourSupplyRule(ReferenceDataRule):
    """Published labour-force figures: read by everyone signed in, imported by the coordinator."""


def _sees_call_detail(actor: Actor, organisation_id: int | None) -> bool:
    return actor.is_coordinator or (
        actor.is_participant and organisation_id in actor.organisation_ids
    )


@register(Demand)
class DemandRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        postings = Q(kind=DemandKind.POSTINGS)
        if not actor.is_participant:
            return qs.filter(postings)
        return qs.filter(postings | Q(organisation_id__in=actor.organisation_ids))

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        """May the actor read this demand row by row? Postings: everyone signed in; what a
        call reported: the visiting municipality's people and the coordinator, as for the
        call's answers (``policy.can_read_confidential(user, demand)``; a caller knowing
        only the municipality asks of ``Demand(kind=DemandKind.CALL, organisation_id=...)``)."""
        return obj.kind != DemandKind.CALL or _sees_call_detail(actor, obj.organisation_id)

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        if obj.kind == DemandKind.CALL:  # mapping what was said to an occupation
            return actor.is_coordinator or obj.organisation_id in actor.editor_organisation_ids
        return actor.is_coordinator


def _keeps(actor: Actor, institution: Institution) -> bool:
    return actor.is_coordinator or (
        institution.organisation_id is not None
        and institution.organisation_id in actor.editor_organisation_ids
    )


def keeps_programs(actor: Actor) -> bool:
    """The coordinator, or an editor of a college (who keeps its own institution's programs)."""
    return actor.is_coordinator or any(
        m.role == "editor" and m.organisation_kind == OrganisationKind.COLLEGE
        for m in actor.memberships
    )


class _Shared(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()


@register(Institution)
class InstitutionRule(_Shared):
    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _keeps(actor, obj)

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Campus)
class CampusRule(_Shared):
    def can_create(self, actor: Actor) -> bool:
        return keeps_programs(actor)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _keeps(actor, obj.institution)


@register(TrainingProgram)
class TrainingProgramRule(_Shared):
    def can_create(self, actor: Actor) -> bool:
        return keeps_programs(actor)

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return _keeps(actor, obj.institution)


@register(WorkforceImport)
class WorkforceImportRule(Rule):
    def can_view(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_coordinator else qs.none()


def sees_small_counts(user: Any) -> bool:
    """Participants see the gap analysis unsuppressed; partners and the public do not."""
    return policy.actor_for(user).is_participant


def may_keep_institution(user: Any, institution: Institution) -> bool:
    actor = policy.actor_for(user)
    return actor.is_authenticated and _keeps(actor, institution)
