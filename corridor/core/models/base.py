"""What every Corridor domain model has: scoped managers, versions, soft deletion."""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from corridor.core.scoping import ScopedManager, system_scope


def _copied(value: Any) -> Any:
    """A loaded value kept apart from the attribute: a JSON list or dict edited in place
    must still differ from what was loaded."""
    return copy.deepcopy(value) if isinstance(value, list | dict) else value


_mutable: dict[type[models.Model], frozenset[str]] = {}


def _loaded(model: type[models.Model], attnames: Any, values: Any) -> tuple[Any, Any]:
    """What ``from_db`` keeps: the loaded (attnames, values), with only the JSON fields'
    values copied (the dict is built when a save asks for it: reading a list costs little)."""
    mutable = _mutable.get(model)
    if mutable is None:
        fields = model._meta.concrete_fields
        mutable = frozenset(f.attname for f in fields if isinstance(f, models.JSONField))
        _mutable[model] = mutable
    if mutable:
        pairs = zip(attnames, values, strict=True)
        values = [copy.deepcopy(v) if n in mutable else v for n, v in pairs]
    return (attnames, values)


def _attnames(model: type[models.Model], names: Any) -> set[str]:
    """The attnames of fields given by name or attname (``update_fields``, ``fields``)."""
    out = set()
    for name in names:
        field = model._meta.get_field(name)
        out.add(getattr(field, "attname", name))
    return out


class EditConflict(Exception):
    """Someone else saved the record after this edit started."""

    def __init__(self, obj: models.Model, expected: int, current: int) -> None:
        super().__init__(
            f"{obj} was changed by someone else while you were editing "
            f"(you started from version {expected}, it is now version {current})."
        )
        self.expected = expected
        self.current = current


class CorridorModel(models.Model):
    """Base of domain models.

    * ``objects`` hides soft-deleted rows, ``all_objects`` shows them; both must be
      scoped by the access policy before they are evaluated.
    * ``version`` goes up on every save so that concurrent edits are detected
      (``save_versioned``).
    * ``delete()`` is soft and ``restore()`` undoes it; both are recorded in the
      change history like any other edit.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    objects: ClassVar[ScopedManager[Any]] = ScopedManager()
    all_objects: ClassVar[ScopedManager[Any]] = ScopedManager(include_deleted=True)

    # Fields never copied into the change history (secrets, bookkeeping).
    history_exclude: ClassVar[frozenset[str]] = frozenset()

    # Set while save_versioned saves a row it has already moved to its new version.
    _version_claimed = False
    # The row's values as this instance read or last wrote them (by attname), and, during
    # a save, the change history's "before" snapshot taken from them (core/history.py).
    _corridor_loaded: Any = None  # a dict by attname (as from_db read it: a pair of lists)
    _corridor_before: dict[str, Any] | None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        from corridor.core import history

        if not self._state.adding:
            # save_versioned has already moved the row to its new version
            if not self._version_claimed:
                self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        # The change record's "before": the values this instance was loaded with (or
        # last saved), taken once, here, without reading the row again.
        self._corridor_before = history.before_save(self)
        # The row and its change record (written by the post_save receiver in
        # core/history.py) commit together: a process killed between the two leaves
        # neither. Inside a caller's transaction this adds no savepoint.
        try:
            with transaction.atomic(savepoint=False):
                super().save(*args, **kwargs)
        finally:
            del self._corridor_before
        written = kwargs.get("update_fields")
        self._remember_saved(None if written is None else _attnames(type(self), written))

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)
        instance._corridor_loaded = _loaded(cls, field_names, values)
        return instance

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        super().refresh_from_db(*args, **kwargs)
        fields = kwargs.get("fields", args[1] if len(args) > 1 else None)
        self._remember_saved(None if fields is None else _attnames(type(self), fields))

    def loaded_values(self) -> dict[str, Any] | None:
        """The values of the row as this instance last read or wrote it, by attname
        (``None`` when it was never loaded; fields deferred by ``only()`` are missing)."""
        loaded = self.__dict__.get("_corridor_loaded")
        if isinstance(loaded, tuple):  # as from_db kept it
            loaded = self._corridor_loaded = dict(zip(*loaded, strict=True))
        return loaded

    def _remember_saved(self, attnames: set[str] | None) -> None:
        """The row now holds these fields' values (all of them when ``None``)."""
        fields = type(self)._meta.concrete_fields
        now = {
            f.attname: _copied(getattr(self, f.attname))
            for f in fields
            if (attnames is None or f.attname in attnames) and f.attname in self.__dict__
        }
        known = self.loaded_values()
        self._corridor_loaded = now if attnames is None or known is None else {**known, **now}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def save_versioned(self, expected_version: int) -> None:
        """Save only if nobody saved since ``expected_version`` was read.

        A compare-and-set at the database: ``UPDATE … SET version = version + 1
        WHERE pk = … AND version = expected_version`` claims the row (and holds its
        lock until the transaction ends), then the fields are saved at that version.
        Of edits that started from the same version exactly one matches the row;
        the others raise ``EditConflict`` and write nothing (no change record either:
        the claim is a queryset update, which sends no signal).
        """
        model = type(self)
        with transaction.atomic():
            claimed = model._base_manager.filter(pk=self.pk, version=expected_version).update(
                version=F("version") + 1
            )
            if not claimed:
                current = model._base_manager.values_list("version", flat=True).get(pk=self.pk)
                raise EditConflict(self, expected_version, current)
            loaded = self.version
            known = self.loaded_values()
            if known is not None and known.get("version") != expected_version:
                # this instance was read at another version than the one the edit
                # started from: its loaded values are not the row's, read them again
                self._corridor_loaded = None
            self.version = expected_version + 1
            self._version_claimed = True
            try:
                self.save()
            except BaseException:
                self.version = loaded
                raise
            finally:
                del self._version_claimed

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Soft delete: the row stays, hidden, and can be restored."""
        if self.deleted_at is None:
            self.deleted_at = timezone.now()
            self.save(update_fields=["deleted_at"])
        return (1, {self._meta.label: 1})

    def restore(self) -> None:
        if self.deleted_at is not None:
            self.deleted_at = None
            self.save(update_fields=["deleted_at"])

    # Uniqueness must be checked against every row, whoever is asking.
    def validate_unique(self, exclude: Any = None) -> None:
        with system_scope("uniqueness check"):
            super().validate_unique(exclude=exclude)

    def validate_constraints(self, exclude: Any = None) -> None:
        with system_scope("constraint check"):
            super().validate_constraints(exclude=exclude)
