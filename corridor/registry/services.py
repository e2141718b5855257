"""Review queue decisions, merges and un-merges of facilities, and the link export.

Every change goes through ``save()`` so the change history records it; a merge
is kept as a ``Merge`` row so that it can be undone exactly.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, MatchStatus, Merge, SourceRecord


def _move_records(record_ids: list[int], to: Facility) -> None:
    for record in SourceRecord.objects.filter(pk__in=record_ids).order_by("pk"):
        record.facility = to
        record.save()


def merge_facilities(user: Any, survivor: Facility, merged: Facility) -> Merge:
    """Fold ``merged`` into ``survivor``: its source records move, it is soft-deleted."""
    if not policy.can_create(user, Merge):
        raise PermissionDenied("Only the coordinator merges facilities.")
    if survivor.pk == merged.pk:
        raise ValidationError("A facility cannot be merged into itself.")
    if survivor.is_deleted or merged.is_deleted:
        raise ValidationError("Both facilities must be live to merge them.")
    with system_scope("merging facilities"), transaction.atomic():
        record_ids = list(SourceRecord.objects.filter(facility=merged).values_list("pk", flat=True))
        _move_records(record_ids, survivor)
        merged.merged_into = survivor
        merged.save()
        merged.delete()
        return Merge.objects.create(
            survivor=survivor, merged=merged, moved_records=record_ids, merged_by=user
        )


def unmerge(user: Any, merge: Merge) -> Facility:
    """Undo a merge: the facility comes back with exactly the records it brought."""
    if not policy.can_change(user, merge):
        raise PermissionDenied("Only the coordinator undoes merges.")
    if merge.undone_at is not None:
        raise ValidationError("This merge was already undone.")
    with system_scope("undoing a merge"), transaction.atomic():
        merged = Facility.all_objects.get(pk=merge.merged_id)
        _move_records(list(merge.moved_records), merged)
        for record in SourceRecord.objects.filter(
            pk__in=merge.moved_records, status=MatchStatus.CONFIRMED
        ):
            record.status = MatchStatus.REJECTED  # the coordinator now keeps them apart
            record.save()
        merged.merged_into = None
        merged.save()
        merged.restore()
        merge.undone_at = timezone.now()
        merge.undone_by = user
        merge.save()
        return merged


def confirm_match(user: Any, record: SourceRecord) -> Merge:
    """The record waiting for review is its candidate facility: merge them."""
    policy.require_change(user, record)
    if record.status != MatchStatus.REVIEW or record.candidate_id is None:
        raise ValidationError("This record is not waiting for review.")
    with system_scope("confirming a review item"), transaction.atomic():
        candidate = Facility.objects.filter(pk=record.candidate_id).first()
        if candidate is None:
            raise ValidationError(
                "The facility this row may be has since been merged or removed: keep the row "
                "apart, then merge it by hand if it is the same plant."
            )
        provisional = Facility.objects.get(pk=record.facility_id)
        merge = merge_facilities(user, candidate, provisional)
        for moved in SourceRecord.objects.filter(
            pk__in=merge.moved_records, status=MatchStatus.REVIEW
        ):
            moved.status = MatchStatus.CONFIRMED
            moved.save()
        return merge


def reject_match(user: Any, record: SourceRecord) -> None:
    """The record is not its candidate: it stays its own facility."""
    policy.require_change(user, record)
    if record.status != MatchStatus.REVIEW:
        raise ValidationError("This record is not waiting for review.")
    record.status = MatchStatus.REJECTED
    record.save()


def export_links(path: Path) -> int:
    """Write source,source_id,facility_id for every source record; returns the count."""
    with system_scope("export of source links"), path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "source_id", "facility_id"])
        count = 0
        for row in (
            SourceRecord.objects.order_by("source", "source_id")
            .values_list("source", "source_id", "facility_id")
            .iterator(5000)
        ):
            writer.writerow(row)
            count += 1
    return count
