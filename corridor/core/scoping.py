"""Querysets that refuse to run until someone has decided who they are for.

Every domain model's managers return a ``ScopedQuerySet``. Evaluating one that
was not scoped by the access policy (``policy.visible``) raises
``UnscopedQueryError``, so a view, API endpoint, export or search that forgets
the policy fails loudly in the tests instead of leaking another municipality's
data. Code that legitimately works on everything (migrations, imports run by a
command, uniqueness checks, the coordinators' admin) says so with
``system_scope("why")``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

from django.db import models

_system_reason: ContextVar[str | None] = ContextVar("corridor_system_scope", default=None)

_M = TypeVar("_M", bound=models.Model)


class UnscopedQueryError(RuntimeError):
    """A domain query ran without going through the access policy."""


@contextmanager
def system_scope(reason: str) -> Iterator[None]:
    """Let queries in this block see every row; ``reason`` names who needs that and why."""
    token = _system_reason.set(reason)
    try:
        yield
    finally:
        _system_reason.reset(token)


def in_system_scope() -> bool:
    return _system_reason.get() is not None


class ScopedQuerySet(models.QuerySet[_M], Generic[_M]):
    """A queryset that must be scoped (``.scoped(label)``) before it is evaluated."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope_label: str | None = None

    def _clone(self) -> ScopedQuerySet[_M]:
        clone: ScopedQuerySet[_M] = super()._clone()  # type: ignore[misc]
        clone.scope_label = self.scope_label
        return clone

    def scoped(self, label: str) -> ScopedQuerySet[_M]:
        """Mark this queryset as decided by the access policy (only policy.py calls this)."""
        clone = self._chain()  # type: ignore[attr-defined]
        clone.scope_label = label
        return clone

    def _require_scope(self) -> None:
        if self.scope_label is None and not in_system_scope():
            raise UnscopedQueryError(
                f"{self.model.__name__} was queried without an access scope: use "
                "corridor.core.policy.visible(user, ...) or wrap system work in "
                "system_scope('reason')."
            )

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            self._require_scope()
        super()._fetch_all()

    def iterator(self, chunk_size: int | None = None) -> Iterator[_M]:
        self._require_scope()
        return super().iterator(chunk_size=chunk_size)

    def count(self) -> int:
        self._require_scope()
        return super().count()

    def exists(self) -> bool:
        self._require_scope()
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self._require_scope()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs: Any) -> int:
        self._require_scope()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        self._require_scope()
        return super().delete()


class _SoftDeleteManager(models.Manager[_M], Generic[_M]):
    def __init__(self, include_deleted: bool = False) -> None:
        super().__init__()
        self.include_deleted = include_deleted

    def get_queryset(self) -> models.QuerySet[_M]:
        qs = super().get_queryset()
        if not self.include_deleted and _has_field(self.model, "deleted_at"):
            qs = qs.filter(deleted_at__isnull=True)
        return qs


# The managers of domain models: their querysets are ScopedQuerySets, and
# soft-deleted rows are hidden unless include_deleted=True.
ScopedManager = _SoftDeleteManager.from_queryset(ScopedQuerySet)


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.concrete_fields)
