"""A call's consent (date, scope, note) is read only by the visiting municipality and the
coordinator; its changes recorded before that rule lived in the call's shared history.
Each such record is split: the shared fields stay, the consent goes to a record marked
confidential beside it (same time, person and request)."""

from django.db import migrations

CONSENT = ("consent_on", "consent_scope", "consent_note")


def _part(values, keep):
    if values is None:
        return None
    return {k: v for k, v in values.items() if (k in CONSENT) == keep}


def _said(*snapshots):
    return any(
        v not in (None, "", [], {}) for s in snapshots for k, v in (s or {}).items() if k in CONSENT
    )


def split_consent_history(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ChangeRecord = apps.get_model("core", "ChangeRecord")
    kind = ContentType.objects.filter(app_label="calls", model="call").first()
    if kind is None:
        return
    for change in ChangeRecord.objects.filter(content_type=kind, confidential=False).iterator():
        said = set(change.before or {}) | set(change.after or {})
        if not said & set(CONSENT):
            continue
        secret = [f for f in change.changed_fields if f in CONSENT]
        shared = [f for f in change.changed_fields if f not in CONSENT]
        if secret if change.action == "update" else _said(change.before, change.after):
            kept = ChangeRecord.objects.create(
                user_id=change.user_id, user_name=change.user_name,
                request_id=change.request_id, source=change.source,
                content_type=kind, object_id=change.object_id,
                object_repr=change.object_repr, action=change.action,
                before=_part(change.before, True), after=_part(change.after, True),
                changed_fields=secret, confidential=True,
            )  # fmt: skip
            ChangeRecord.objects.filter(pk=kept.pk).update(time=change.time)
        if shared or change.action != "update":
            change.before = _part(change.before, False)
            change.after = _part(change.after, False)
            change.changed_fields = shared
            change.save(update_fields=["before", "after", "changed_fields"])
        else:
            change.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0004_board_indexes"),
        ("core", "0002_change_confidential"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(split_consent_history, migrations.RunPython.noop)]
