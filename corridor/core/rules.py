"""Access rules for organisations, people, geography, tokens and history."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from corridor.core import policy
from corridor.core.models import (
    ApiToken,
    ChangeRecord,
    Membership,
    Municipality,
    Organisation,
    OrganisationKind,
    User,
)
from corridor.core.policy import Actor, OwnRule, Rule, register
from corridor.core.scoping import ScopedQuerySet

PARTICIPANT_ORG_KINDS = [OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]


# The pieces the capabilities' rules share (``corridor/<app>/rules.py``).


def participants_only(actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
    """Every row for a participant (a municipality or the coordinator office), none for
    anyone else."""
    return qs if actor.is_participant else qs.none()


def participants_where(actor: Actor, qs: ScopedQuerySet[Any], condition: Q) -> Any:
    """The coordinator sees every row, a participant the rows ``condition`` allows, anyone
    else none."""
    if actor.is_coordinator:
        return qs
    return qs.filter(condition) if actor.is_participant else qs.none()


def participant_of(actor: Actor, organisation_id: int | None) -> bool:
    """Is the actor the coordinator, or a participant of the organisation (the row-level
    answer of ``participants_where`` with the organisation's rows)?"""
    return actor.is_coordinator or (
        actor.is_participant and organisation_id in actor.organisation_ids
    )


def edits_for(actor: Actor, organisation_id: int | None) -> bool:
    """Is the actor the coordinator, or an editor of the organisation?"""
    return actor.is_coordinator or organisation_id in actor.editor_organisation_ids


class ParticipantsRule(Rule):
    """Working data of the participants (the municipalities and the coordinator office):
    they see every row, partners none. Nobody adds or changes rows unless a subclass says."""

    def can_view(self, actor: Actor) -> bool:
        return actor.is_participant

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return participants_only(actor, qs)


class CoordinatorWorkRule(ParticipantsRule):
    """Working data of the participants; only the coordinator adds and changes it."""

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


class ReferenceDataRule(Rule):
    """Common knowledge to everyone signed in; the coordinator keeps it."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(Municipality)
class MunicipalityRule(ReferenceDataRule):
    """Geography: every municipality of Ontario the corridor refers to."""


@register(Organisation)
class OrganisationRule(Rule):
    """The directory of organisations is shared; an organisation's editors keep its profile."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        # Deleted organisations stay visible (for history) only to the coordinator.
        return qs.filter(deleted_at__isnull=True) if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator or obj.pk in actor.editor_organisation_ids

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


def _membership_scope(actor: Actor) -> Q:
    """Municipal officers see who works where across the corridor; partners see the
    coordinator office and their own colleagues."""
    if actor.is_participant:
        return Q(organisation__kind__in=PARTICIPANT_ORG_KINDS) | Q(
            organisation_id__in=actor.organisation_ids
        )
    return Q(organisation__kind=OrganisationKind.COORDINATOR_OFFICE) | Q(
        organisation_id__in=actor.organisation_ids
    )


@register(Membership)
class MembershipRule(Rule):
    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        return qs.filter(_membership_scope(actor), deleted_at__isnull=True)

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator


@register(User)
class UserRule(Rule):
    """A person is visible to those who may see one of their memberships."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        memberships = policy.visible(actor, Membership).values("user_id")
        return qs.filter(Q(pk=actor.user_id) | Q(pk__in=memberships)).distinct()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_coordinator

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_coordinator or obj.pk == actor.user_id


@register(ApiToken)
class ApiTokenRule(OwnRule):
    """Tokens are their owner's alone; not even the coordinator lists others' tokens."""


def _recorded_models() -> list[type[Any]]:
    """The models whose changes the history shows: all with a rule but the history itself
    and API tokens."""
    return [m for m in policy.registered_models() if m is not ChangeRecord and m is not ApiToken]


@register(ChangeRecord)
class ChangeRecordRule(Rule):
    """A change is visible to whoever may see the object it changed, deleted or not."""

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if not actor.is_authenticated:
            return qs.none()
        scope = Q(pk__in=[])
        for model in _recorded_models():
            kind = Q(content_type=ContentType.objects.get_for_model(model))
            ids = policy.with_visible_history(actor, model).values("pk")
            scope |= kind & Q(object_id__in=ids, confidential=False)
            if policy.confidential_fields(model):
                secret = policy.with_confidential_history(actor, model).values("pk")
                scope |= kind & Q(object_id__in=secret, confidential=True)
        return qs.filter(scope)

    def keep_visible(self, actor: Actor, records: list[ChangeRecord]) -> list[ChangeRecord]:
        """The ones of ``records`` that ``visible`` keeps, checked by their objects' ids.

        For a handful of records this asks one indexed question per kind of object
        instead of matching every change against everything the actor may see.
        """
        if actor.is_coordinator:
            return records
        if not actor.is_authenticated:
            return []
        wanted: dict[int, set[int]] = defaultdict(set)
        for record in records:
            wanted[record.content_type_id].add(record.object_id)
        models = {ContentType.objects.get_for_model(m).pk: m for m in _recorded_models()}
        seen: set[tuple[int, int, bool]] = set()
        for type_id, ids in wanted.items():
            model = models.get(type_id)
            if model is None:
                continue
            found = policy.with_visible_history(actor, model).filter(pk__in=ids)
            seen.update((type_id, pk, False) for pk in found.values_list("pk", flat=True))
            if policy.confidential_fields(model):
                secret = policy.with_confidential_history(actor, model).filter(pk__in=ids)
                seen.update((type_id, pk, True) for pk in secret.values_list("pk", flat=True))
        return [r for r in records if (r.content_type_id, r.object_id, r.confidential) in seen]
