"""The coordinator merges two facilities that are one, and undoes a merge."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.registry import services
from corridor.registry.forms import MergeForm
from corridor.registry.models import Facility, Merge


@login_required
@require_POST
def facility_merge(request: HttpRequest, pk: int) -> HttpResponse:
    survivor = get_object_or_404(policy.visible(request.user, Facility), pk=pk)
    policy.require_create(request.user, Merge)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the id (a number) of the facility to merge into this one.")
        return redirect("facility-detail", pk=survivor.pk)
    merged_id = form.cleaned_data["merged"]
    merged = policy.visible(request.user, Facility).filter(pk=merged_id).first()
    if merged is None:
        messages.error(request, f"There is no facility {merged_id} in the registry to merge.")
        return redirect("facility-detail", pk=survivor.pk)
    try:
        services.merge_facilities(request.user, survivor, merged)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Merged {merged} (facility {merged.pk}) into {survivor}. "
            "If that was a mistake, undo it below.",
        )
    return redirect("facility-detail", pk=survivor.pk)


@login_required
@require_POST
def merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    merge = get_object_or_404(policy.visible(request.user, Merge), pk=pk)
    try:
        facility = services.unmerge(request.user, merge)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("facility-detail", pk=merge.survivor_id)
    messages.success(request, f"Undid the merge: {facility} is a facility of its own again.")
    return redirect("facility-detail", pk=facility.pk)
