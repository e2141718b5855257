"""The access policy: the one place that decides who may see and change what.

Views, API endpoints, exports, searches and commands never filter by user
themselves. They ask:

* ``visible(user, Model)`` — a queryset of what the user may see (scoped, so it
  may be evaluated; an unscoped domain query raises ``UnscopedQueryError``);
* ``can_create(user, Model)``, ``can_change(user, obj)``, ``can_delete(user, obj)``;
* ``can_read_confidential(user, obj)`` — may ``user`` read the row's confidential
  fields (what a company said, whose a need is, ...)?
* ``require(...)`` variants that raise ``PermissionDenied``.

The rules themselves live beside each capability's models, one module per
concern (``corridor/core/rules.py``, ``corridor/calls/rules.py``, ...), and are
registered here with ``@register(Model)``. A model with no registered rule
cannot be queried through the policy at all: the error says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models

from corridor.core.scoping import ScopedQuerySet

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True, slots=True)
class MembershipInfo:
    organisation_id: int
    organisation_kind: str
    role: str
    municipality_id: int | None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking, reduced to what the rules need. Anonymous visitors have no memberships."""

    user_id: int | None
    username: str
    memberships: tuple[MembershipInfo, ...] = field(default=())
    is_active: bool = True

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None and self.is_active

    @property
    def is_coordinator(self) -> bool:
        return self.is_authenticated and any(m.role == "coordinator" for m in self.memberships)

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(m.organisation_id for m in self.memberships)

    @property
    def editor_organisation_ids(self) -> frozenset[int]:
        return frozenset(
            m.organisation_id for m in self.memberships if m.role in ("editor", "coordinator")
        )

    @property
    def editor_municipality_ids(self) -> frozenset[int]:
        """The places (Municipality ids) whose data this actor edits as a municipal editor."""
        return frozenset(
            m.municipality_id
            for m in self.memberships
            if m.organisation_kind == "municipality"
            and m.role == "editor"
            and m.municipality_id is not None
        )

    @property
    def edits_municipal_work(self) -> bool:
        """An editor of a member municipality, or the coordinator: records calls, needs, tags."""
        return self.is_coordinator or any(
            m.role == "editor" and m.organisation_kind == "municipality" for m in self.memberships
        )

    @property
    def municipality_organisation_ids(self) -> frozenset[int]:
        return frozenset(
            m.organisation_id for m in self.memberships if m.organisation_kind == "municipality"
        )

    @property
    def is_participant(self) -> bool:
        """Acts for a municipality or the coordinator office (not only for a partner)."""
        return self.is_authenticated and any(
            m.organisation_kind in ("municipality", "coordinator_office") for m in self.memberships
        )

    @property
    def is_partner(self) -> bool:
        return self.is_authenticated and not self.is_participant

    def __str__(self) -> str:
        return self.username or "anonymous"


ANONYMOUS = Actor(user_id=None, username="")


def actor_for(user: Any) -> Actor:
    """The Actor for a request's user (cached on the user object for the request)."""
    if isinstance(user, Actor):
        return user
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached = getattr(user, "_corridor_actor", None)
    if cached is not None:
        return cached
    from corridor.core.models import Membership
    from corridor.core.scoping import system_scope

    with system_scope("building the actor of a signed-in user"):
        rows = (
            Membership.objects.filter(user_id=user.pk, organisation__deleted_at__isnull=True)
            .values_list(
                "organisation_id", "organisation__kind", "role", "organisation__municipality_id"
            )
            .order_by("organisation__name")
        )
        memberships = tuple(MembershipInfo(*row) for row in rows)
    actor = Actor(
        user_id=user.pk,
        username=user.get_username(),
        memberships=memberships,
        is_active=user.is_active,
    )
    user._corridor_actor = actor
    return actor


class Rule:
    """What one kind of actor may do with one model. Deny by default."""

    def can_view(self, actor: Actor) -> bool:
        """May the actor see any of this model at all (pages about it, not just rows)?"""
        return actor.is_authenticated

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs.none()

    # Fields whose values only some readers of a row may see (what a company said in
    # confidence). Their changes are recorded apart (``ChangeRecord.confidential``) and
    # shown only to those ``confidential_visible`` lets read them, as the reads do.
    confidential_fields: frozenset[str] = frozenset()

    def history_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        """Whose change history the actor may read (the changes of every field that is
        not one of ``confidential_fields``).

        By default the same rows as ``visible``; a model whose every change says what
        a company said narrows it to the people who may read that."""
        return self.visible(actor, qs)

    def confidential_visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        """The rows whose ``confidential_fields`` (and their history) the actor may read."""
        return self.history_visible(actor, qs)

    def confidential_readable(self, actor: Actor, obj: Any) -> bool:
        """May the actor read this row's ``confidential_fields`` (asked through
        ``can_read_confidential``)?

        By default: is the row among ``confidential_visible`` (one query). A rule whose
        answer can be read from the row itself overrides this with the same answer, so a
        page of rows asks no query per row; ``corridor/core/tests/
        test_confidential_readable.py`` checks that every override agrees with this."""
        if obj.pk is None:
            return False
        qs = _every_row(type(obj), f"confidential fields readable by {actor}")
        return self.confidential_visible(actor, qs).filter(pk=obj.pk).exists()

    def can_create(self, actor: Actor) -> bool:
        return False

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return False

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return self.can_change(actor, obj)


class OwnRule(Rule):
    """Records that are one person's alone (API tokens, calendar feeds, notifications and
    their settings): each person sees and changes their own, nobody else's, not even the
    coordinator. ``owner`` names the field holding the person's id."""

    owner = "user_id"

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        return qs.filter(**{self.owner: actor.user_id}) if actor.is_authenticated else qs.none()

    def can_create(self, actor: Actor) -> bool:
        return actor.is_authenticated

    def can_change(self, actor: Actor, obj: Any) -> bool:
        return actor.is_authenticated and getattr(obj, self.owner) == actor.user_id


class PolicyError(LookupError):
    """A model was asked about that has no access rule."""


_rules: dict[type[models.Model], Rule] = {}


def register(model: type[models.Model]) -> Callable[[type[Rule]], type[Rule]]:
    def decorate(rule_class: type[Rule]) -> type[Rule]:
        _rules[model] = rule_class()
        return rule_class

    return decorate


def rule_for(model: type[models.Model]) -> Rule:
    try:
        return _rules[model]
    except KeyError:
        raise PolicyError(
            f"{model.__name__} has no access rule: register one in its app's rules.py"
        ) from None


def registered_models() -> list[type[models.Model]]:
    return list(_rules)


def visible(user: Any, model: type[M], *, include_deleted: bool = False) -> ScopedQuerySet[M]:
    """Everything of ``model`` that ``user`` may see."""
    actor = actor_for(user)
    manager: Any = model._default_manager
    if include_deleted and hasattr(model, "all_objects"):
        manager = model.all_objects  # type: ignore[attr-defined]
    base = manager.get_queryset()
    if not isinstance(base, ScopedQuerySet):
        # Django's user manager is not scoped (its auth machinery needs it plain);
        # the policy still decides which users a listing shows.
        base = ScopedQuerySet(model=model, using=base.db)
    qs = base.scoped(f"visible to {actor}")
    return rule_for(model).visible(actor, qs)


def with_visible_history(user: Any, model: type[M]) -> ScopedQuerySet[M]:
    """The rows of ``model`` (deleted or not) whose change history ``user`` may read."""
    actor = actor_for(user)
    return rule_for(model).history_visible(actor, _every_row(model, f"history visible to {actor}"))


def with_confidential_history(user: Any, model: type[M]) -> ScopedQuerySet[M]:
    """The rows of ``model`` (deleted or not) whose confidential fields' history ``user``
    may read."""
    actor = actor_for(user)
    qs = _every_row(model, f"confidential history visible to {actor}")
    return rule_for(model).confidential_visible(actor, qs)


def _every_row(model: type[M], why: str) -> ScopedQuerySet[M]:
    """Every row of ``model``, deleted ones too, for a rule to narrow."""
    manager: Any = getattr(model, "all_objects", model._default_manager)
    base = manager.get_queryset()
    if not isinstance(base, ScopedQuerySet):
        base = ScopedQuerySet(model=model, using=base.db)
    return base.scoped(why)


def confidential_fields(model: type[models.Model]) -> frozenset[str]:
    """The fields of ``model`` that some of the readers of its rows may not read."""
    rule = _rules.get(model)
    return rule.confidential_fields if rule is not None else frozenset()


def can_read_confidential(user: Any, obj: models.Model) -> bool:
    """Whether ``user`` may read what ``obj`` holds in confidence (its rule's
    ``confidential_fields``: what a company said on a call, a flag's detail, a
    follow-up's text, a contact's consent note, a touch's note, a need's buyer, a
    prospect's summary and next step, a call's reported demand).

    Every page, API schema, export, notice and timeline asks this, never an app's
    rules module; the object's registered rule answers
    (``Rule.confidential_readable``)."""
    actor = actor_for(user)
    return actor.is_authenticated and rule_for(type(obj)).confidential_readable(actor, obj)


def can_view(user: Any, model: type[models.Model]) -> bool:
    """Whether the pages and endpoints about ``model`` are for ``user`` at all."""
    actor = actor_for(user)
    return actor.is_authenticated and rule_for(model).can_view(actor)


def can_create(user: Any, model: type[models.Model]) -> bool:
    actor = actor_for(user)
    return actor.is_authenticated and rule_for(model).can_create(actor)


def can_change(user: Any, obj: models.Model) -> bool:
    actor = actor_for(user)
    return actor.is_authenticated and rule_for(type(obj)).can_change(actor, obj)


def can_delete(user: Any, obj: models.Model) -> bool:
    actor = actor_for(user)
    return actor.is_authenticated and rule_for(type(obj)).can_delete(actor, obj)


def require_create(user: Any, model: type[models.Model]) -> None:
    if not can_create(user, model):
        raise PermissionDenied(f"You may not add {model._meta.verbose_name_plural}.")


def require_change(user: Any, obj: models.Model) -> None:
    if not can_change(user, obj):
        raise PermissionDenied(f"You may not change {obj}.")


def require_delete(user: Any, obj: models.Model) -> None:
    if not can_delete(user, obj):
        raise PermissionDenied(f"You may not delete {obj}.")


def can_use_admin(user: Any) -> bool:
    """Django's admin edits everything; only the coordinator office uses it."""
    return actor_for(user).is_coordinator
