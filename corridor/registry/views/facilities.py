"""The registry's list of facilities, a facility's page and a company's page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from corridor.core import facility_panels, policy, timeline
from corridor.core.exports import export, export_links
from corridor.core.models import Municipality
from corridor.core.views.common import paginate, read_filters
from corridor.registry.filtersets import FacilityFilter
from corridor.registry.forms import MergeForm
from corridor.registry.models import (
    Certification,
    Company,
    Facility,
    ImportRun,
    MatchStatus,
    Merge,
    SourceRecord,
    Tier,
)
from corridor.registry.naics import naics_titles
from corridor.registry.views.common import (
    NAV,
    facility_points,
    may_see_any,
    naics_label,
    waiting_for_review,
    web_url,
)


@login_required
def facility_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    filters, problems = read_filters(request, FacilityFilter)
    facilities = policy.visible(user, Facility)
    qs = filters.filter(facilities).select_related("company", "municipality").order_by("name", "pk")
    exported = export(request, "facilities", FACILITY_HEADER, _facility_lines(qs))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    municipalities = (
        policy.visible(user, Municipality)
        .filter(pk__in=facilities.values("municipality_id"))
        .order_by("name")
    )
    sees_review = may_see_any(user, SourceRecord)
    return render(
        request,
        "registry/facility_list.html",
        {
            "page_obj": page,
            "rows": [(f, naics_label(f.naics)) for f in page],
            "querystring_without_page": keep,
            "filters": filters,
            "problems": problems,
            "municipalities": municipalities,
            "naics_codes": sorted(naics_titles().items()),
            "tiers": [(v, label) for v, label in Tier.choices if v],
            "standards": Certification.STANDARDS,
            "points": facility_points(page),
            "sees_review": sees_review,
            "review_count": waiting_for_review(user).count() if sees_review else 0,
            "can_import": policy.can_create(user, ImportRun),
            "nav_current": NAV,
            **export_links(request),
        },
    )


FACILITY_HEADER = [
    "facility_id",
    "facility",
    "company",
    "municipality",
    "naics",
    "tier",
    "employees",
]


def _facility_lines(qs: Any) -> Iterator[list[Any]]:
    """The columns of the list page, every facility the filters select."""
    for f in qs.iterator(chunk_size=2000):
        yield [
            f.pk,
            f.name,
            f.company.name,
            f.municipality.name if f.municipality_id else f.city,
            naics_label(f.naics),
            f.get_tier_display() if f.tier else "",
            f.employees,
        ]


@login_required
def facility_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    facility = get_object_or_404(
        policy.visible(user, Facility, include_deleted=True).select_related(
            "company", "municipality", "merged_into"
        ),
        pk=pk,
    )
    activity = _activity(
        request, [facility.pk], facility.company_id, [("registry", "facility", facility.pk)]
    )
    if _wants_activity_only(request):
        return render(request, "registry/activity_list.html", activity)
    records = (
        policy.visible(user, SourceRecord)
        .filter(facility=facility)
        .select_related("candidate", "import_run")
        .order_by("source", "source_id")
    )
    # merges into and out of the facility, read together (usually there are none)
    merges = list(
        policy.visible(user, Merge)
        .filter(Q(survivor=facility) | Q(merged=facility))
        .select_related("survivor", "merged", "merged_by", "undone_by")
    )
    can_merge = policy.can_create(user, Merge) and not facility.is_deleted
    return render(
        request,
        "registry/facility_detail.html",
        {
            "facility": facility,
            "naics": naics_label(facility.naics),
            "address": ", ".join(
                part
                for part in (
                    facility.street,
                    facility.city,
                    f"{facility.province} {facility.postal_code}".strip(),
                )
                if part
            ),
            "website": web_url(facility.website),
            "certifications": policy.visible(user, Certification).filter(facility=facility),
            "today": timezone.localdate(),
            "records": records,
            "waiting_as_candidate": waiting_for_review(user).filter(candidate=facility).count(),
            "review_status": MatchStatus.REVIEW,
            "merges_in": [
                (m, policy.can_change(user, m)) for m in merges if m.survivor_id == facility.pk
            ],
            "merges_out": [
                (m, policy.can_change(user, m)) for m in merges if m.merged_id == facility.pk
            ],
            "merge_form": MergeForm() if can_merge else None,
            "points": facility_points([facility]),
            "panels": facility_panels.panels_for(user, facility, request.GET),
            **activity,
            "nav_current": NAV,
        },
    )


@login_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    company = get_object_or_404(policy.visible(user, Company, include_deleted=True), pk=pk)
    plants = (
        policy.visible(user, Facility)
        .filter(company=company)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    plant_list = list(plants)
    records = [("registry", "company", company.pk)]
    records += [("registry", "facility", f.pk) for f in plant_list]
    activity = _activity(request, [f.pk for f in plant_list], company.pk, records)
    if _wants_activity_only(request):
        return render(request, "registry/activity_list.html", activity)
    return render(
        request,
        "registry/company_detail.html",
        {
            "company": company,
            "website": web_url(company.website),
            "rows": [(f, naics_label(f.naics)) for f in plant_list],
            "points": facility_points(plant_list),
            **activity,
            "nav_current": NAV,
        },
    )


ACTIVITY_TARGET = "activity-list"


def _wants_activity_only(request: HttpRequest) -> bool:
    """htmx asks for the activity list alone when the filters change or "show more"."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == ACTIVITY_TARGET
    )


def _activity(
    request: HttpRequest,
    facility_ids: list[int],
    company_id: int,
    records: list[tuple[str, str, int]],
) -> dict[str, Any]:
    """The "Activity" section: the timeline of the facilities, as the reader may see it."""
    params = request.GET
    filters = timeline.read_filters(
        params.getlist("kind"), params.get("from", ""), params.get("to", ""), params.get("show", "")
    )
    items, more = timeline.page_for(request.user, filters, facility_ids, company_id, records)
    keep = params.copy()
    keep["show"] = str(filters.limit + timeline.PAGE_LENGTH)
    return {
        "activity_items": items,
        "activity_more": more,
        "activity_more_query": keep.urlencode(),
        "activity_filters": filters,
        "activity_kinds": [(k.slug, k.label, k.slug in filters.kinds) for k in timeline.kinds()],
        "activity_labels": timeline.labels(),
        "activity_target": ACTIVITY_TARGET,
    }
