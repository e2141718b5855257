"""The pitch pack's pages: for a supply gap and for a prospect, as a page and a PDF.

The pack is for Corridor's participants (those who see prospects); partners are refused
and visitors sent to sign in. ``corridor/attraction/pitch.py`` builds it.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse

from corridor.attraction import pitch, pitch_pdf
from corridor.attraction.models import Prospect
from corridor.core import policy
from corridor.supplychain.models import Capability

NAV = "attraction"


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Prospect):
        raise PermissionDenied("Pitch packs are for Corridor's participating municipalities.")


def _capability(key: str) -> Capability:
    found = pitch.capability_by_key(key)
    if found is None:
        raise Http404("No capability of the taxonomy has this key.")
    return found


def _prospect(request: HttpRequest, pk: int) -> Prospect:
    found: Prospect = get_object_or_404(
        policy.visible(request.user, Prospect).select_related(
            "capability", "municipality", "organisation"
        ),
        pk=pk,
    )
    return found


def _link(name: str, *args: object) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # another part of the app may not be there yet
        return None


def _page(request: HttpRequest, pack: pitch.Pack, pdf_url: str) -> HttpResponse:
    prospect = pack.prospect.prospect if pack.prospect else None
    return render(
        request,
        "attraction/pitch.html",
        {
            "pack": pack,
            "pdf_url": pdf_url,
            "prospect_url": _link("attraction-prospect-detail", prospect.pk) if prospect else None,
            "gaps_url": _link("supply-gaps"),
            "nav_current": NAV,
        },
    )


def _pdf(pack: pitch.Pack, name: str) -> HttpResponse:
    response = HttpResponse(pitch_pdf.render(pack), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pitch-pack-{name}.pdf"'
    return response


@login_required
def gap_pitch(request: HttpRequest, capability: str) -> HttpResponse:
    _require_view(request)
    found = _capability(capability)
    pack = pitch.build(request.user, found)
    return _page(request, pack, reverse("attraction-gap-pitch-pdf", args=[found.key]))


@login_required
def gap_pitch_pdf(request: HttpRequest, capability: str) -> HttpResponse:
    _require_view(request)
    found = _capability(capability)
    return _pdf(pitch.build(request.user, found, outside=True), found.key)


def _no_capability(request: HttpRequest, prospect: Prospect) -> HttpResponse:
    return render(
        request,
        "attraction/pitch_no_capability.html",
        {
            "prospect": prospect,
            "prospect_url": _link("attraction-prospect-detail", prospect.pk),
            "edit_url": (
                _link("attraction-prospect-edit", prospect.pk)
                if policy.can_change(request.user, prospect)
                else None
            ),
            "nav_current": NAV,
        },
    )


@login_required
def prospect_pitch(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    prospect = _prospect(request, pk)
    if prospect.capability is None:
        return _no_capability(request, prospect)
    pack = pitch.build(request.user, prospect.capability, prospect)
    return _page(request, pack, reverse("attraction-prospect-pitch-pdf", args=[prospect.pk]))


@login_required
def prospect_pitch_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    prospect = _prospect(request, pk)
    if prospect.capability is None:
        return redirect("attraction-prospect-pitch", pk=prospect.pk)
    pack = pitch.build(request.user, prospect.capability, prospect, outside=True)
    return _pdf(pack, f"prospect-{prospect.pk}")


urlpatterns: list[URLPattern] = [
    path("gaps/<slug:capability>/pitch/", gap_pitch, name="attraction-gap-pitch"),
    path("gaps/<slug:capability>/pitch.pdf", gap_pitch_pdf, name="attraction-gap-pitch-pdf"),
    path("prospects/<int:pk>/pitch/", prospect_pitch, name="attraction-prospect-pitch"),
    path("prospects/<int:pk>/pitch.pdf", prospect_pitch_pdf, name="attraction-prospect-pitch-pdf"),
]
