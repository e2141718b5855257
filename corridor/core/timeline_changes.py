"""The changes to the records a timeline is about (a facility's, its company's).

``change``: what the change history (``corridor/core/history.py``) holds of the records
``TimelineQuery.records`` names, as far as the history may be shown: the records are read
newest first and kept by the history's own rule (``ChangeRecordRule.keep_visible``, the
same decision as the history page and the change log). Core knows no capability: the page
asking names the records. Two queries, and one more per kind of record kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse

from corridor.core import policy
from corridor.core.models import ChangeRecord
from corridor.core.models.history import Action
from corridor.core.rules import ChangeRecordRule
from corridor.core.scoping import system_scope
from corridor.core.timeline import TimelineItem, TimelineQuery, time_range

VERBS: dict[str, str] = {
    Action.CREATE: "added",
    Action.UPDATE: "changed",
    Action.DELETE: "removed",
    Action.RESTORE: "restored",
}
MOST_FIELDS = 6


def changes_on(user: Any, query: TimelineQuery) -> Iterable[TimelineItem]:
    actor = policy.actor_for(user)
    if not actor.is_authenticated or not query.records:
        return []
    types: dict[int, ContentType] = {}
    wanted = Q(pk__in=[])
    for app_label, model, pk in query.records:
        kind = ContentType.objects.get_by_natural_key(app_label, model)  # cached
        types[kind.pk] = kind
        wanted |= Q(content_type=kind, object_id=pk)
    with system_scope("a record's changes, each kept only if the history's rule shows it"):
        records = list(
            ChangeRecord.objects.filter(wanted, **time_range(query, "time")).order_by(
                "-time", "-id"
            )[: query.limit]
        )
    rule = policy.rule_for(ChangeRecord)
    assert isinstance(rule, ChangeRecordRule)
    items = []
    for record in rule.keep_visible(actor, records):
        kind = types[record.content_type_id]
        fields = ", ".join(f.replace("_", " ") for f in record.changed_fields[:MOST_FIELDS])
        if len(record.changed_fields) > MOST_FIELDS:
            fields += ", …"
        what = str(kind.name).capitalize()
        items.append(
            TimelineItem(
                when=record.time,
                kind="change",
                title=f"{what} record {VERBS.get(record.action, record.action)}",
                detail=f"{record.object_repr}: {fields}" if fields else record.object_repr,
                url=reverse("object-history", args=[kind.app_label, kind.model, record.object_id]),
                who=record.user_name or "Corridor",
            )
        )
    return items


def register_sources() -> None:
    from corridor.core import timeline

    timeline.register("change", "Changes to the record", changes_on)
