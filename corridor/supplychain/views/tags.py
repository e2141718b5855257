"""A facility's capabilities: the panel on the registry's facility page and the page that
adds and removes tags (removing is a soft delete; the facility's history keeps it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.registry.models import Facility
from corridor.supplychain import tags as service
from corridor.supplychain.forms import TagForm
from corridor.supplychain.models import FacilityCapability, NeedStatus, SupplyNeed
from corridor.supplychain.views.common import capabilities, section


@dataclass(frozen=True, slots=True)
class FacilityPanel:
    facility: Facility
    tags: list[FacilityCapability]
    may_tag: bool
    needs: list[SupplyNeed]  # only those whose buyer the user may know
    may_record_need: bool


def _tags(user: Any, facility: Facility) -> list[FacilityCapability]:
    return list(
        policy.visible(user, FacilityCapability)
        .filter(facility=facility)
        .select_related("capability", "capability__parent", "added_by")
        .order_by("capability__label")
    )


def facility_supply_chain(user: Any, facility: Facility) -> FacilityPanel | None:
    """What the registry's facility page shows about the facility's supply chain."""
    if facility.is_deleted:
        return None
    actor = policy.actor_for(user)
    needs: list[SupplyNeed] = []
    if policy.can_view(user, SupplyNeed):
        qs = policy.visible(user, SupplyNeed).filter(buyer=facility).select_related("capability")
        if not actor.is_coordinator:  # a buyer is known only to its municipality
            qs = qs.filter(organisation_id__in=actor.organisation_ids)
        needs = list(qs.order_by("status", "-annual_value", "pk"))
    return FacilityPanel(
        facility,
        _tags(user, facility),
        policy.can_create(user, FacilityCapability),
        needs,
        policy.can_create(user, SupplyNeed),
    )


@login_required
def facility_capabilities(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    facility = get_object_or_404(
        policy.visible(user, Facility).select_related("municipality", "company"), pk=pk
    )
    policy.require_create(user, FacilityCapability)
    form = TagForm(request.POST or None, capabilities=capabilities(user))
    if request.method == "POST" and form.is_valid():
        capability = capabilities(user).get(key=form.cleaned_data["capability"])
        try:
            service.add_tag(user, facility, capability)
        except ValidationError as error:
            form.add_error("capability", " ".join(error.messages))
        else:
            messages.success(request, f"Tagged {facility.name} with {capability.label}.")
            return redirect("facility-capabilities", pk=facility.pk)
    return render(
        request,
        "supplychain/facility_capabilities.html",
        {
            "facility": facility,
            "tags": _tags(user, facility),
            "form": form,
            "open_statuses": (NeedStatus.OPEN, NeedStatus.INTRODUCED),
            **section("taxonomy"),
            "nav_current": "registry",
        },
    )


@login_required
@require_POST
def facility_capability_remove(request: HttpRequest, pk: int, tag_pk: int) -> HttpResponse:
    user = request.user
    policy.require_create(user, FacilityCapability)
    tag = get_object_or_404(
        policy.visible(user, FacilityCapability).select_related("capability", "facility"),
        pk=tag_pk,
        facility_id=pk,
    )
    service.remove_tag(user, tag)
    messages.success(
        request,
        f"Removed {tag.capability.label} from {tag.facility.name}. "
        "The facility's history keeps the tag and who removed it.",
    )
    return redirect("facility-capabilities", pk=pk)
