"""What every Corridor domain model has: scoped managers, versions, soft deletion."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from corridor.core.scoping import ScopedManager, system_scope


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

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            # save_versioned has already moved the row to its new version
            if not self._version_claimed:
                self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        # The row and its change record (written by the post_save receiver in
        # core/history.py) commit together: a process killed between the two leaves
        # neither. Inside a caller's transaction this adds no savepoint.
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)

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
