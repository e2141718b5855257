"""Helpers the registry's pages (and its API) share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse

from corridor.core import policy
from corridor.core.views.common import map_point
from corridor.registry.models import Facility, MatchStatus, SourceRecord
from corridor.registry.naics import naics_title

NAV = "registry"


def may_see_any(user: Any, model: type[models.Model]) -> bool:
    """Whether the policy lets ``user`` see ``model`` at all (a rule that refuses says none())."""
    return policy.can_view(user, model)


def require_seeing(user: Any, model: type[models.Model]) -> None:
    """Refuse (403) a page or endpoint about ``model`` to those who may see none of it."""
    if not may_see_any(user, model):
        raise PermissionDenied(
            f"{str(model._meta.verbose_name_plural).capitalize()} are for the "
            "municipalities and the coordinator office."
        )


def waiting_for_review(user: Any) -> Any:
    """The imported rows waiting for the coordinator's decision that ``user`` may see."""
    return policy.visible(user, SourceRecord).filter(status=MatchStatus.REVIEW)


def web_url(address: str) -> str:
    """A link for a web address as lists write it ("www.x.ca"); "" if it is not http(s)."""
    address = address.strip()
    if not address:
        return ""
    if "://" not in address:
        return f"https://{address}"
    return address if address.lower().startswith(("http://", "https://")) else ""


def naics_label(code: str) -> str:
    title = naics_title(code)
    return f"{code} — {title}" if code and title else code


def facility_points(facilities: Iterable[Facility]) -> list[dict[str, Any]]:
    """Map markers for the facilities that have coordinates."""
    return [
        map_point(
            f.latitude,
            f.longitude,
            f.name,
            reverse("facility-detail", args=[f.pk]),
            f.municipality.name if f.municipality_id and f.municipality else f.city,
        )
        for f in facilities
        if f.has_point
    ]


def candidate_problem(record: SourceRecord) -> str | None:
    """Why a review item cannot be confirmed as it stands (its candidate is gone), or None."""
    if record.status != MatchStatus.REVIEW:
        return "This row is not waiting for review."
    candidate = record.candidate  # the base manager: also finds a merged (deleted) candidate
    if candidate is None or candidate.is_deleted:
        return (
            "The facility this row may be has since been merged or removed. Keep the row "
            "apart, then merge it by hand on the facility's page if it is the same plant."
        )
    return None
