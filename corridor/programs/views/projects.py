"""Funded projects: the list with its filters, a project's page, and reviewing a
recipient's uncertain link to a registry facility."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.models import Municipality
from corridor.core.views.common import paginate
from corridor.programs.analytics import referred_project_ids
from corridor.programs.models import (
    FundedProject,
    FundingProgram,
    LinkStatus,
    ProjectRecipient,
    ProjectRow,
    Referral,
)
from corridor.programs.recipients import decide_link
from corridor.programs.views.common import section


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = policy.visible(user, FundedProject).select_related("program", "municipality")
    program = request.GET.get("program") or ""
    if program.isdigit():
        qs = qs.filter(program_id=int(program))
    place = request.GET.get("municipality") or ""
    if place.isdigit():
        qs = qs.filter(municipality_id=int(place))
    review = request.GET.get("review") == "1"
    if review:
        waiting = policy.visible(user, ProjectRecipient).filter(link_status=LinkStatus.REVIEW)
        qs = qs.filter(pk__in=waiting.values("project_id"))
    q = (request.GET.get("q") or "").strip()
    if q:
        qs = qs.filter(title__icontains=q)
    qs = qs.order_by("-approved_on", "title", "pk")
    exported = export(request, "funded-projects", PROJECT_HEADER, _project_lines(qs))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    referred = referred_project_ids([p.pk for p in page])
    return render(
        request,
        "programs/project_list.html",
        {
            "page_obj": page,
            "rows": [(p, p.pk in referred) for p in page],
            "querystring_without_page": keep,
            "programs": policy.visible(user, FundingProgram).order_by("name"),
            "municipalities": policy.visible(user, Municipality)
            .filter(pk__in=policy.visible(user, FundedProject).values("municipality_id"))
            .order_by("name"),
            "program": program,
            "place": place,
            "review": review,
            "q": q,
            **section("projects"),
            **export_links(request),
        },
    )


PROJECT_HEADER = [
    "project_id",
    "project",
    "program",
    "municipality",
    "approved_on",
    "contribution",
    "total_value",
    "leverage",
    "jobs_created_expected",
    "from_a_referral",
]


def _project_lines(qs: Any) -> Iterator[list[Any]]:
    """The project list's columns, for every project the filters select."""
    projects = qs.iterator(chunk_size=2000)
    while chunk := list(islice(projects, 2000)):
        referred = referred_project_ids([p.pk for p in chunk])
        for p in chunk:
            leverage = p.leverage
            yield [
                p.pk,
                p.title,
                str(p.program),
                p.municipality.name if p.municipality_id else "",
                p.approved_on,
                p.contribution,
                p.total_value,
                round(leverage, 2) if leverage is not None else None,
                p.jobs_created_expected,
                "Yes" if p.pk in referred else "No",
            ]


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    project = get_object_or_404(
        policy.visible(user, FundedProject).select_related("program", "municipality"), pk=pk
    )
    recipients = (
        policy.visible(user, ProjectRecipient)
        .filter(project=project)
        .select_related("facility", "candidate")
    )
    return render(
        request,
        "programs/project_detail.html",
        {
            "project": project,
            "recipients": [(r, policy.can_change(user, r)) for r in recipients],
            "raw_rows": policy.visible(user, ProjectRow).filter(project=project),
            "referrals": policy.visible(user, Referral)
            .filter(funded_project=project)
            .select_related("facility", "organisation"),
            "from_referral": bool(referred_project_ids([project.pk])),
            **section("projects"),
        },
    )


@login_required
@require_POST
def recipient_link(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator confirms or rejects the facility an imported recipient may be."""
    user = request.user
    recipient = get_object_or_404(
        policy.visible(user, ProjectRecipient).select_related("candidate"), pk=pk
    )
    confirm = request.POST.get("decision") == "confirm"
    try:
        decide_link(user, recipient, confirm=confirm)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if confirm:
            messages.success(request, f"{recipient.name} is now linked to {recipient.facility}.")
        else:
            messages.success(request, f"{recipient.name} is not linked to a registry facility.")
    return redirect("funded-project-detail", pk=recipient.project_id)
