"""People recorded twice: the coordinator's list of likely pairs, merging, undoing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.contacts import merging
from corridor.contacts.models import Contact, ContactMerge
from corridor.core import policy

NAV = "contacts"
SHOWN_PAIRS = 100


def _require_coordinator(request: HttpRequest) -> None:
    if not policy.can_view(request.user, ContactMerge):
        raise PermissionDenied(
            "Only the coordinator looks for people recorded twice: the two records are often "
            "different municipalities' unshared people."
        )


@login_required
def contact_duplicates(request: HttpRequest) -> HttpResponse:
    _require_coordinator(request)
    pairs = merging.find_duplicates(request.user)
    merges = (
        policy.visible(request.user, ContactMerge)
        .select_related("survivor", "merged", "merged_by", "undone_by")
        .order_by("-created_at", "-pk")[:20]
    )
    return render(
        request,
        "contacts/duplicates.html",
        {
            "pairs": pairs[:SHOWN_PAIRS],
            "more_pairs": max(0, len(pairs) - SHOWN_PAIRS),
            "merges": merges,
            "nav_current": NAV,
        },
    )


def _live(request: HttpRequest, key: str) -> Contact:
    value = request.POST.get(key, "")
    if not value.isdigit():
        raise Http404("Choose the two records from the list.")
    found: Contact = get_object_or_404(policy.visible(request.user, Contact), pk=int(value))
    return found


@login_required
@require_POST
def contact_merge(request: HttpRequest) -> HttpResponse:
    _require_coordinator(request)
    survivor, merged = _live(request, "keep"), _live(request, "fold")
    try:
        merging.merge_contacts(request.user, survivor, merged)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Merged {merged.name} ({merged.owner_organisation.label}) into {survivor.name} "
            f"({survivor.owner_organisation.label}). Undo it below if that was not right.",
        )
    return redirect("company-contact-duplicates")


@login_required
@require_POST
def contact_merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    _require_coordinator(request)
    merge = get_object_or_404(policy.visible(request.user, ContactMerge), pk=pk)
    try:
        back = merging.undo_merge(request.user, merge)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{back.name} is a record of their own again.")
    return redirect("company-contact-duplicates")
