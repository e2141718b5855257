"""Recording every change of a domain model, and restoring from the record.

Receivers on ``post_save``/``post_delete`` snapshot the row after a change and
record it with its "before", so a change made by a page, the API, a command or the
admin is recorded the same way. The "before" is taken once per save, explicitly:
``CorridorModel.save`` takes it from the values the object was loaded with or last
saved (``before_save``), without reading the row again; only an object that was not
loaded whole (and a ``User``, saved by Django's own code) has its row read first
(``pre_save``).

Records older than ``CORRIDOR_HISTORY_RETENTION_DAYS`` (0: kept forever) are deleted
by ``purge_history``, daily in the worker and by ``corridor purge-history``.

Who made a change and in which request comes from ``change_context`` (set by the
middleware for web and API requests and by commands for their own work).

Bulk queryset ``update()`` and ``bulk_create()`` send no signals: domain code
saves objects one by one, or records the change itself with ``record()``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from corridor.core.models import Action, ChangeRecord, CorridorModel, User
from corridor.core.scoping import system_scope

# Where a person's change came from (ChangeRecord.source); commands and the demo
# name themselves ("command:load-programs", "demo").
WEB, API, ADMIN = "web", "api", "admin"
BY_A_PERSON = (WEB, API, ADMIN)

# Change records deleted per statement by the retention purge.
PURGE_BATCH = 2000

# Fields that change on every save and say nothing about the change itself.
BOOKKEEPING = frozenset({"updated_at", "version", "created_at"})


@dataclass(frozen=True, slots=True)
class ChangeContext:
    user: Any = None
    request: Any = None  # for web and API requests: the user is read when the change is made
    request_id: str = ""
    source: str = ""

    def current_user(self) -> Any:
        user = getattr(self.request, "user", None) if self.request is not None else self.user
        return user if getattr(user, "is_authenticated", False) else None


NO_CONTEXT = ChangeContext()  # frozen, so sharing one default is safe
_context: ContextVar[ChangeContext] = ContextVar("corridor_change_context", default=NO_CONTEXT)


@contextmanager
def change_context(
    user: Any = None, source: str = "", request_id: str = "", request: Any = None
) -> Iterator[str]:
    """Attribute the changes made inside the block; yields the request id used."""
    rid = request_id or str(uuid.uuid4())
    token = _context.set(ChangeContext(user=user, request=request, request_id=rid, source=source))
    try:
        yield rid
    finally:
        _context.reset(token)


def is_recorded(model: type[models.Model]) -> bool:
    return issubclass(model, CorridorModel) or model is User


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _recorded_fields(model: type[models.Model]) -> list[tuple[str, str]]:
    """(name, attname) of the fields a snapshot of ``model`` holds, in field order."""
    excluded = getattr(model, "history_exclude", frozenset()) | BOOKKEEPING
    return [(f.name, f.attname) for f in model._meta.concrete_fields if f.name not in excluded]


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The object's own field values, as JSON-friendly data (foreign keys as ids)."""
    return {name: _plain(getattr(obj, attname)) for name, attname in _recorded_fields(type(obj))}


def before_save(instance: models.Model) -> dict[str, Any] | None:
    """The "before" of the change ``instance``'s save is about to make, taken once, at the
    start of the save (``CorridorModel.save``): the values the instance was loaded with or
    last saved (``loaded_values()``), so the save reads nothing. An instance that was not
    loaded whole (made by hand with a pk, or read with ``only()``) has its row read."""
    if instance.pk is None or instance._state.adding:
        return None
    model = type(instance)
    fields = _recorded_fields(model)
    loaded = getattr(instance, "loaded_values", lambda: None)()
    if loaded is not None and all(attname in loaded for _, attname in fields):
        return {name: _plain(loaded[attname]) for name, attname in fields}
    row = model._base_manager.filter(pk=instance.pk).first()
    return snapshot(row) if row is not None else None


def _diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    before = before or {}
    after = after or {}
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def _part(values: dict[str, Any] | None, fields: frozenset[str], keep: bool) -> Any:
    if values is None:
        return None
    return {k: v for k, v in values.items() if (k in fields) == keep}


def _said(values: dict[str, Any] | None, fields: frozenset[str]) -> bool:
    return any(v not in (None, "", [], {}) for k, v in (values or {}).items() if k in fields)


def record(
    obj: models.Model, action: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> ChangeRecord | None:
    """Record one change of ``obj``; returns the record of its shared fields (or, when only
    confidential fields changed, the confidential one).

    The fields the access rule calls confidential are recorded apart, in a record marked
    ``confidential`` that only their readers see: the history shows no reader more than
    the object's own page and API do."""
    from corridor.core import policy

    changed = _diff(before, after)
    if action == Action.UPDATE and not changed:
        return None
    secret = policy.confidential_fields(type(obj))
    if not secret:
        return _write(obj, action, before, after, changed, confidential=False)
    shared = [f for f in changed if f not in secret]
    hidden = [f for f in changed if f in secret]
    written = None
    if shared or action != Action.UPDATE:
        written = _write(
            obj, action, _part(before, secret, False), _part(after, secret, False), shared, False
        )
    if hidden if action == Action.UPDATE else (_said(before, secret) or _said(after, secret)):
        kept = _write(
            obj,
            action,
            _part(before, secret, True),
            _part(after, secret, True),
            hidden,
            True,
        )
        written = written or kept
    return written


def _write(
    obj: models.Model,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    changed: list[str],
    confidential: bool,
) -> ChangeRecord:
    ctx = _context.get()
    user = ctx.current_user()
    return ChangeRecord.objects.create(
        user=user,
        user_name=user.get_username() if user else "",
        request_id=ctx.request_id,
        source=ctx.source,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        object_repr=str(obj)[:200],
        action=action,
        before=before,
        after=after,
        changed_fields=changed,
        confidential=confidential,
    )


@receiver(pre_save)
def _remember_before(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """The "before" of a user's save (a CorridorModel's own save has taken it already)."""
    if not is_recorded(sender) or kwargs.get("raw"):
        return
    if isinstance(instance, CorridorModel) and "_corridor_before" in instance.__dict__:
        return
    instance._corridor_before = before_save(instance)  # type: ignore[attr-defined]


@receiver(post_save)
def _record_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if not is_recorded(sender) or kwargs.get("raw"):
        return
    before = None if created else getattr(instance, "_corridor_before", None)
    after = snapshot(instance)
    action = Action.CREATE if created else Action.UPDATE
    if before is not None and "deleted_at" in after:
        if before.get("deleted_at") is None and after["deleted_at"] is not None:
            action = Action.DELETE
        elif before.get("deleted_at") is not None and after["deleted_at"] is None:
            action = Action.RESTORE
    record(instance, action, before, after)


@receiver(post_delete)
def _record_hard_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if is_recorded(sender):
        record(instance, Action.DELETE, snapshot(instance), None)


# What else an object's history shows: the changes of the records that belong to it
# (a call's follow-ups). Each app registers its own from its AppConfig.ready(); core
# knows none of them. ``parts(obj)`` gives (model, ids) of the records that belong.
Parts = Callable[[Any], Iterable[tuple[type[models.Model], Iterable[int]]]]
_related: dict[type[models.Model], dict[str, Parts]] = {}


def register_related(model: type[models.Model], name: str, parts: Parts) -> None:
    """Show the changes of the records ``parts(obj)`` names on the history of ``obj``
    (of ``model``); registering ``name`` again replaces it."""
    _related.setdefault(model, {})[name] = parts


def related_names(model: type[models.Model]) -> list[str]:
    """The names of what else ``model``'s history shows ("follow-ups"), for its page."""
    return list(_related.get(model, {}))


def history_of(user: Any, obj: models.Model) -> models.QuerySet[ChangeRecord]:
    """The changes of one object, and of the records registered as belonging to it, that
    ``user`` may see (newest first): each change is shown as the access rule of change
    records decides (its own object's readers; confidential fields apart)."""
    from corridor.core import policy

    scope = Q(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)
    for parts in _related.get(type(obj), {}).values():
        for model, ids in parts(obj):
            wanted = list(ids)
            if wanted:
                kind = ContentType.objects.get_for_model(model)
                scope |= Q(content_type=kind, object_id__in=wanted)
    return policy.visible(user, ChangeRecord).filter(scope)


def purge_history(days: int | None = None, now: dt.datetime | None = None) -> int:
    """Delete the change records older than ``days`` (``CORRIDOR_HISTORY_RETENTION_DAYS``
    unless given; 0 keeps every record) and return how many went. Deleted in batches, each
    its own statement, so a long history does not hold one large transaction."""
    days = settings.CORRIDOR_HISTORY_RETENTION_DAYS if days is None else days
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    deleted = 0
    with system_scope(f"history retention: change records older than {days} days"):
        old = ChangeRecord.objects.filter(time__lt=cutoff).order_by()
        while ids := list(old.values_list("pk", flat=True)[:PURGE_BATCH]):
            deleted += ChangeRecord.objects.filter(pk__in=ids).delete()[0]
    return deleted


def newest_visible(user: Any, limit: int, batch: int = 100, most: int = 2000) -> list[ChangeRecord]:
    """The newest ``limit`` changes ``user`` may see, as ``policy.visible`` orders them.

    Reads the newest changes in batches (``batch`` first, each next one twice as
    large) and keeps the ones the access rule lets the user see, so the home page
    does not match the whole history against every row the user may see. After
    ``most`` records without enough it asks the exact question instead.
    """
    from corridor.core import policy
    from corridor.core.rules import ChangeRecordRule

    actor = policy.actor_for(user)

    def exact() -> list[ChangeRecord]:  # built only when needed: the rule's query is large
        qs = policy.visible(user, ChangeRecord).select_related("content_type")
        return list(qs[:limit])

    if actor.is_coordinator or not actor.is_authenticated:
        return exact()
    rule = policy.rule_for(ChangeRecord)
    assert isinstance(rule, ChangeRecordRule)
    kept: list[ChangeRecord] = []
    # the scan reads only what the rule decides on; the kept records are read whole
    newest = ChangeRecord.objects.only(
        "id", "time", "content_type_id", "object_id", "confidential"
    ).order_by("-time", "-id")
    read = 0
    with system_scope("the newest changes, each kept only if the access rule shows it"):
        page = list(newest[:batch])
        while page:
            kept.extend(rule.keep_visible(actor, page))
            read += len(page)
            if len(kept) >= limit or len(page) < batch:
                return _whole([r.pk for r in kept[:limit]])
            if read >= most:
                break
            last = page[-1]
            batch = min(2 * batch, most - read)
            page = list(
                newest.filter(
                    models.Q(time__lt=last.time) | models.Q(time=last.time, id__lt=last.pk)
                )[:batch]
            )
    return exact()


def _whole(ids: list[int]) -> list[ChangeRecord]:
    """The change records ``ids`` (already found visible), whole, newest first."""
    if not ids:
        return []
    with system_scope("change records the access rule has shown"):
        found = ChangeRecord.objects.select_related("content_type").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
