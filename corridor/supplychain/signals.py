"""Keeping the products tags and the supplier search index current.

A facility saved with a changed ``products`` text has its "products" tags re-read
(``taxonomy.tag_from_products``); a change to a facility, its company's name, its
tags or its certifications rewrites its search row (``search_index.index_facilities``).
The work is done at once, inside the saving transaction (a rolled-back edit leaves
the index as it was), except inside ``batched_updates()``, which collects it and
does it once at the end of the block: the registry import wraps its writes in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from corridor.core.scoping import system_scope
from corridor.registry.models import Certification, Company, Facility
from corridor.supplychain.models import Capability, FacilityCapability

# Fields of a facility its search row is made of.
INDEXED_FIELDS = (
    "name",
    "company",
    "products",
    "tier",
    "employees",
    "latitude",
    "longitude",
    "deleted_at",
    "merged_into",
)


@dataclass
class _Batch:
    retag: set[int] = field(default_factory=set)
    reindex: set[int] = field(default_factory=set)


_batch: ContextVar[_Batch | None] = ContextVar("corridor_supplychain_batch", default=None)


@contextmanager
def batched_updates() -> Iterator[None]:
    """Collect the tagging and indexing work of the block; do it once when it ends well."""
    if _batch.get() is not None:  # an outer block will do it
        yield
        return
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    _flush(batch)


def _flush(batch: _Batch) -> None:
    from corridor.supplychain.search_index import index_facilities
    from corridor.supplychain.taxonomy import tag_from_products

    inner = _Batch()  # the tags written now only ask for the reindex done below
    token = _batch.set(inner)
    try:
        tag_from_products(batch.retag)
    finally:
        _batch.reset(token)
    index_facilities(batch.reindex | batch.retag | inner.reindex)


def note(facility_ids: set[int], retag: bool = False) -> None:
    """Ask for these facilities to be re-indexed (and re-tagged from their products)."""
    if not facility_ids:
        return
    batch = _batch.get()
    if batch is not None:
        batch.reindex |= facility_ids
        if retag:
            batch.retag |= facility_ids
        return
    _flush(_Batch(retag=set(facility_ids) if retag else set(), reindex=set(facility_ids)))


def _changed(instance: Any, names: tuple[str, ...]) -> set[str]:
    """Which of ``names`` changed in this save (all of them when it cannot tell)."""
    before = getattr(instance, "_corridor_before", None)  # taken by core.history
    if before is None:
        return set(names)
    out = set()
    for name in names:
        value = getattr(instance, instance._meta.get_field(name).attname)
        old = before.get(name)
        if name == "deleted_at":
            if (old is None) != (value is None):
                out.add(name)
        elif old != value:
            out.add(name)
    return out


@receiver(post_save, sender=Facility, dispatch_uid="supplychain_facility_saved")
def _facility_saved(sender: Any, instance: Facility, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    changed = set(INDEXED_FIELDS) if created else _changed(instance, INDEXED_FIELDS)
    if changed:
        retag = bool(changed & {"products", "deleted_at", "merged_into"})
        note({instance.pk}, retag=retag)


@receiver(post_save, sender=Company, dispatch_uid="supplychain_company_saved")
def _company_saved(sender: Any, instance: Company, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw") or created or not _changed(instance, ("name",)):
        return
    with system_scope("supplier search index: a company was renamed"):
        ids = set(Facility.objects.filter(company_id=instance.pk).values_list("pk", flat=True))
    note(ids)


@receiver(post_save, sender=FacilityCapability, dispatch_uid="supplychain_tag_saved")
@receiver(post_delete, sender=FacilityCapability, dispatch_uid="supplychain_tag_deleted")
@receiver(post_save, sender=Certification, dispatch_uid="supplychain_cert_saved")
@receiver(post_delete, sender=Certification, dispatch_uid="supplychain_cert_deleted")
def _facility_part_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    note({instance.facility_id})


@receiver(post_save, sender=Capability, dispatch_uid="supplychain_capability_saved")
def _capability_saved(sender: Any, instance: Capability, **kwargs: Any) -> None:
    """A renamed or moved capability: re-index the facilities tagged with it or under it.
    (What products texts name is re-read by ``corridor reindex-suppliers``.)"""
    from corridor.supplychain.taxonomy import forget_taxonomy, load_taxonomy

    forget_taxonomy()
    if kwargs.get("raw"):
        return
    with system_scope("supplier search index: the taxonomy changed"):
        keys = load_taxonomy().descendants(instance.key) | {instance.key}
        ids = set(
            FacilityCapability.objects.filter(capability__key__in=keys).values_list(
                "facility_id", flat=True
            )
        )
    note(ids)
