"""The change history: who changed what, when, from what to what."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from corridor.core.scoping import ScopedManager


class Action(models.TextChoices):
    CREATE = "create", "Created"
    UPDATE = "update", "Changed"
    DELETE = "delete", "Deleted"
    RESTORE = "restore", "Restored"


class ChangeRecord(models.Model):
    """One change to one object, with a snapshot before and after.

    Written by signal receivers in ``corridor.core.history`` for every save and
    delete of a recorded model, whichever page, endpoint, command or admin form
    made it. Never edited.
    """

    time = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    user_name = models.CharField(max_length=150, blank=True)
    request_id = models.CharField(max_length=36, blank=True, db_index=True)
    source = models.CharField(max_length=40, blank=True, help_text="web, api, admin, or a command")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.BigIntegerField()
    object_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    changed_fields = models.JSONField(default=list)
    confidential = models.BooleanField(
        default=False,
        help_text="The change of fields that only some readers of the object may read "
        "(the access rule's confidential_fields); shown only to them",
    )

    objects = ScopedManager()

    class Meta:
        ordering = ["-time", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-time"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr} by {self.user_name or 'system'}"

    def differences(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each changed field, for display."""
        before = self.before or {}
        after = self.after or {}
        return [(name, before.get(name), after.get(name)) for name in self.changed_fields]
