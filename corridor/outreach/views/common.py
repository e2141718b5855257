"""What the outreach pages share: navigation, the choices of organisations a user may act
for, form errors from the services, and documents as HTML and PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.models.organisation import PARTICIPANT_KINDS
from corridor.outreach import pdf
from corridor.outreach.documents import Document

NAV = "outreach"


def section(name: str) -> dict[str, Any]:
    return {"nav_current": NAV, "outreach_section": name}


def own_organisations(user: Any, *, municipalities_only: bool = False) -> Any:
    """The organisations ``user`` may act for here: all (coordinator) or their own."""
    actor = policy.actor_for(user)
    kinds = [OrganisationKind.MUNICIPALITY] if municipalities_only else list(PARTICIPANT_KINDS)
    qs = policy.visible(user, Organisation).filter(kind__in=kinds, deleted_at__isnull=True)
    if not actor.is_coordinator:
        qs = qs.filter(pk__in=actor.editor_organisation_ids)
    return qs.order_by("name")


def municipalities(user: Any) -> Any:
    return policy.visible(user, Organisation).filter(
        kind=OrganisationKind.MUNICIPALITY, deleted_at__isnull=True
    )


def document_response(
    request: HttpRequest, document: Document, back: tuple[str, str], section_name: str
) -> HttpResponse:
    """The document as a page, or as a PDF download with ``?format=pdf``."""
    if request.GET.get("format") == "pdf":
        response = HttpResponse(pdf.render(document), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{document.filename}.pdf"'
        return response
    return render(
        request,
        "outreach/document.html",
        {"document": document, "back_url": back[0], "back_label": back[1], **section(section_name)},
    )


def acting_organisation(user: Any) -> Organisation | None:
    """The organisation ``user`` plans for: the coordinator office for the coordinator,
    else their first municipality."""
    actor = policy.actor_for(user)
    ranked = sorted(
        (m for m in actor.memberships
         if m.role in ("coordinator", "editor") and m.organisation_kind in PARTICIPANT_KINDS),
        key=lambda m: (m.role != "coordinator", m.organisation_id),
    )  # fmt: skip
    if not ranked:
        return None
    found: Organisation | None = (
        policy.visible(user, Organisation).filter(pk=ranked[0].organisation_id).first()
    )
    return found
