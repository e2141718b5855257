"""Tagging a facility with capabilities by hand, and removing a tag (soft: history kept).

Tags read from a facility's products are written by ``taxonomy.tag_from_products``;
these are the officers' own (source "officer", or "call" when heard on a call).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.supplychain.models import Capability, FacilityCapability, TagSource


def add_tag(
    user: Any, facility: Facility, capability: Capability, source: str = TagSource.OFFICER
) -> FacilityCapability:
    if not policy.can_create(user, FacilityCapability):
        raise PermissionDenied("You may not tag facilities with capabilities.")
    if facility.is_deleted:
        raise ValidationError({"facility": "This facility was merged or removed."})
    if capability.parent_id is None:
        raise ValidationError(
            {"capability": f"“{capability.label}” only groups capabilities; choose one under it."}
        )
    with transaction.atomic():
        with system_scope("one live tag per facility and capability"):
            if FacilityCapability.objects.filter(facility=facility, capability=capability).exists():
                raise ValidationError(
                    {"capability": f"{facility.name} is already tagged with {capability.label}."}
                )
        return FacilityCapability.objects.create(
            facility=facility, capability=capability, source=source, added_by=user
        )


def remove_tag(user: Any, tag: FacilityCapability) -> None:
    """Remove a tag (soft delete: its history stays on the facility's record)."""
    policy.require_change(user, tag)
    tag.delete()
