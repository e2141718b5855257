"""The review queue: imported rows that may be a known facility, for the coordinator to decide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.views.common import paginate
from corridor.registry import services
from corridor.registry.models import SourceRecord
from corridor.registry.views.common import (
    NAV,
    candidate_problem,
    naics_label,
    require_seeing,
    waiting_for_review,
)

COMPARED = (
    ("name", "Name"),
    ("street", "Street"),
    ("city", "Town"),
    ("postal_code", "Postal code"),
    ("phone", "Phone"),
    ("website", "Website"),
    ("naics", "NAICS"),
    ("employees", "Employees"),
)


def _plain(value: Any) -> str:
    """A value as compared: case, spaces, punctuation and web prefixes do not count."""
    text = str(value if value is not None else "").strip().lower()
    text = re.sub(r"^(https?://)?(www\.)?", "", text)
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    row: str
    candidate: str
    verdict: str  # "same", "differs", "one" (only one side has a value) or "none"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    record: SourceRecord
    lines: list[Line]
    problem: str | None
    can_decide: bool


def _shown(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    return naics_label(value) if name == "naics" else str(value)


def _compare(record: SourceRecord) -> list[Line]:
    candidate = record.candidate
    lines = []
    for name, label in COMPARED:
        mine = getattr(record, name)
        theirs = getattr(candidate, name) if candidate is not None else None
        a, b = _plain(mine), _plain(theirs)
        if not a and not b:
            verdict = "none"
        else:
            verdict = "same" if a == b else "differs" if a and b else "one"
        lines.append(Line(label, _shown(name, mine), _shown(name, theirs), verdict))
    return lines


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    require_seeing(request.user, SourceRecord)
    qs = (
        waiting_for_review(request.user)
        .select_related("facility", "candidate", "candidate__municipality", "import_run")
        .order_by("pk")
    )
    page, keep = paginate(request, qs, per_page=20)
    items = [
        ReviewItem(
            record,
            _compare(record),
            candidate_problem(record),
            policy.can_change(request.user, record),
        )
        for record in page
    ]
    return render(
        request,
        "registry/review_queue.html",
        {
            "page_obj": page,
            "items": items,
            "can_decide": any(item.can_decide for item in items),
            "querystring_without_page": keep,
            "nav_current": NAV,
        },
    )


def _waiting_record(request: HttpRequest, pk: int) -> SourceRecord:
    qs = policy.visible(request.user, SourceRecord).select_related("candidate", "facility")
    return get_object_or_404(qs, pk=pk)


@login_required
@require_POST
def review_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    record = _waiting_record(request, pk)
    try:
        merge = services.confirm_match(request.user, record)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Confirmed: {record.name} ({record.source} id {record.source_id}) is "
            f"{merge.survivor}. The two are now one facility.",
        )
    return redirect("review-queue")


@login_required
@require_POST
def review_reject(request: HttpRequest, pk: int) -> HttpResponse:
    record = _waiting_record(request, pk)
    try:
        services.reject_match(request.user, record)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Kept apart: {record.name} ({record.source} id {record.source_id}) stays a "
            "facility of its own.",
        )
    return redirect("review-queue")
