"""What a call's history shows besides the call's own changes: its follow-ups' changes
(registered with ``core.history`` from ``CallsConfig.ready()``)."""

from __future__ import annotations

from typing import Any

from django.db import models

from corridor.calls.models import Call, FollowUp
from corridor.core import history
from corridor.core.scoping import system_scope


def follow_ups_of(call: Call) -> list[tuple[type[models.Model], list[Any]]]:
    """The follow-ups of ``call``, deleted ones too; the history then shows each change
    only to whoever may see it (the access rule of change records)."""
    with system_scope("the follow-ups of a call whose history is read"):
        ids = list(FollowUp.all_objects.filter(call_id=call.pk).values_list("pk", flat=True))
    return [(FollowUp, ids)]


def register() -> None:
    history.register_related(Call, "follow-ups", follow_ups_of)
