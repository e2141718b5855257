"""The pitch pack's pages: for a supply gap and for a prospect (see docs/attraction.md)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path

from corridor.attraction.models import Prospect
from corridor.core import policy


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Prospect):
        raise PermissionDenied("Pitch packs are for Corridor's participants.")


@login_required
def gap_pitch(request: HttpRequest, capability: str) -> HttpResponse:
    _require_view(request)
    return HttpResponse("The pitch pack is being built.")


@login_required
def gap_pitch_pdf(request: HttpRequest, capability: str) -> HttpResponse:
    _require_view(request)
    return HttpResponse("The pitch pack is being built.")


@login_required
def prospect_pitch(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    return HttpResponse("The pitch pack is being built.")


@login_required
def prospect_pitch_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    return HttpResponse("The pitch pack is being built.")


urlpatterns: list[URLPattern] = [
    path("gaps/<slug:capability>/pitch/", gap_pitch, name="attraction-gap-pitch"),
    path("gaps/<slug:capability>/pitch.pdf", gap_pitch_pdf, name="attraction-gap-pitch-pdf"),
    path("prospects/<int:pk>/pitch/", prospect_pitch, name="attraction-prospect-pitch"),
    path(
        "prospects/<int:pk>/pitch.pdf", prospect_pitch_pdf, name="attraction-prospect-pitch-pdf"
    ),
]
