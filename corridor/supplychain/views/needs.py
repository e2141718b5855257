"""Supply needs: the list, a need's page (local suppliers, introductions and their outcomes)
and the form that records or edits a need.

Who the buyer is stays with the municipality that recorded the need and the
coordinator (``policy.can_read_confidential``). Everyone else reads "a facility in <place>":
no buyer name, no link to the call it came from, no details typed about it, no
distances from the buyer to suppliers (three distances would locate the plant),
and the list cannot be filtered by a buyer they may not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_conflict, show_refusal
from corridor.core.models import EditConflict, Municipality, Organisation
from corridor.core.models.organisation import PARTICIPANT_KINDS
from corridor.core.services import update_versioned
from corridor.core.views.common import EVERY, paginate, read_page_filters
from corridor.registry.models import Facility
from corridor.supplychain import needs as service
from corridor.supplychain.filtersets import NeedFilter
from corridor.supplychain.forms import (
    CapabilityFilterForm,
    IntroductionForm,
    NeedForm,
    OutcomeForm,
    StatusForm,
)
from corridor.supplychain.gap_report import buyer_label
from corridor.supplychain.gaps import SupplierMap, suppliers_for
from corridor.supplychain.models import (
    Capability,
    Introduction,
    NeedStatus,
    SupplyNeed,
)
from corridor.supplychain.views.common import (
    capabilities,
    place_of,
    require_participant,
    section,
    tag_labels,
    tier_label,
)

STATUS_FILTERS = [
    ("active", "Open or introduced"),
    (NeedStatus.OPEN.value, "Open"),
    (NeedStatus.INTRODUCED.value, "Introduced to suppliers"),
    (NeedStatus.SOURCED_LOCALLY.value, "Sourced locally"),
    (NeedStatus.DROPPED.value, "Dropped"),
    (EVERY, "Any status"),
]
FARTHER_SUPPLIERS = 100  # offered for an introduction beyond the need's radius


@dataclass(frozen=True, slots=True)
class NeedRow:
    need: SupplyNeed
    buyer: str
    sees_buyer: bool
    local_suppliers: int


@dataclass(frozen=True, slots=True)
class SupplierLine:
    facility: Facility
    distance_km: float | None  # None: hidden (it would point to the buyer)
    capabilities: list[str]
    tier: str
    introduced: bool


@login_required
def need_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require_participant(user)
    qs = policy.visible(user, SupplyNeed).select_related(
        "capability", "buyer", "buyer__municipality", "organisation"
    )
    params = {name: request.GET.get(name) or "" for name in NeedFilter.model_fields}
    if request.GET.get("whose") == "mine":  # the page's "Recorded by" menu, and older links
        params["mine"] = "true"
    filters, chosen = read_page_filters(params, NeedFilter)
    qs = filters.for_reader(user).filter(qs)
    qs = qs.order_by("-annual_value", "pk")
    suppliers = SupplierMap()
    exported = export(request, "supply-needs", NEED_HEADER, _need_lines(user, qs, suppliers))
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    rows = [
        NeedRow(
            n,
            buyer_label(user, n),
            policy.can_read_confidential(user, n),
            len(suppliers_for(n, suppliers)),
        )
        for n in page
    ]
    return render(
        request,
        "supplychain/need_list.html",
        {
            "rows": rows,
            "page_obj": page,
            "querystring_without_page": keep,
            "statuses": STATUS_FILTERS,
            "status": chosen.get("status") or filters.status,
            "filter_form": CapabilityFilterForm(
                {"capability": chosen.get("capability", "")}, capabilities=capabilities(user)
            ),
            "municipalities": policy.visible(user, Municipality)
            .filter(pk__in=policy.visible(user, SupplyNeed).values("buyer__municipality_id"))
            .order_by("name"),
            "place": chosen.get("municipality", ""),
            "whose": "mine" if filters.mine else "",
            "q": (filters.q or "").strip(),
            "buyer_filter": chosen.get("buyer", ""),
            "can_create": policy.can_create(user, SupplyNeed),
            **section("needs"),
            **export_links(request),
        },
    )


NEED_HEADER = [
    "need_id",
    "need",
    "buyer",
    "buyer_confidential",
    "value_per_year",
    "volume",
    "bought_from_today",
    "urgency",
    "status",
    "local_suppliers",
    "radius_km",
    "recorded_by",
]


def _need_lines(user: Any, qs: Any, suppliers: SupplierMap) -> Any:
    """The need list's columns; the buyer named only as the page names it to this user."""
    for n in qs.iterator(chunk_size=2000):
        yield [
            n.pk,
            n.capability.label,
            buyer_label(user, n),
            "Yes" if policy.can_read_confidential(user, n) else "",
            n.annual_value,
            n.annual_volume,
            n.get_sourced_from_display(),
            n.get_urgency_display(),
            n.get_status_display(),
            len(suppliers_for(n, suppliers)),
            n.radius_km,
            n.organisation.label,
        ]


def _suppliers(
    user: Any, need: SupplyNeed, sees_buyer: bool
) -> tuple[list[SupplierLine], list[tuple[int, str]]]:
    """The local suppliers of the need, and every supplier that could be introduced."""
    smap = SupplierMap()
    nearby = suppliers_for(need, smap)
    introduced = set(
        policy.visible(user, Introduction).filter(need=need).values_list("supplier_id", flat=True)
    )
    plants = {
        f.pk: f
        for f in policy.visible(user, Facility)
        .filter(pk__in=[n.facility_id for n in nearby])
        .select_related("municipality")
    }
    labels = tag_labels(user, plants)
    lines = [
        SupplierLine(
            plants[n.facility_id],
            n.distance_km if sees_buyer else None,
            labels.get(n.facility_id, []),
            tier_label(plants[n.facility_id].tier),
            n.facility_id in introduced,
        )
        for n in nearby
        if n.facility_id in plants
    ]
    if not sees_buyer:
        lines.sort(key=lambda line: (line.facility.name.lower(), line.facility.pk))
        return lines, []
    # for an introduction: the local ones, then farther ones that can do it, nearest first
    centre = smap.points.get(need.buyer_id)
    farther = (
        smap.near(need.capability.key, centre, 20_000, exclude=[need.buyer_id])
        if centre is not None
        else []
    )
    local = {n.facility_id for n in nearby}
    farther = [n for n in farther if n.facility_id not in local][:FARTHER_SUPPLIERS]
    names = dict(
        policy.visible(user, Facility)
        .filter(pk__in=[n.facility_id for n in farther])
        .values_list("pk", "name")
    )
    choices = [
        (line.facility.pk, f"{line.facility.name} ({line.distance_km:.0f} km)")
        for line in lines
        if not line.introduced
    ] + [
        (n.facility_id, f"{names[n.facility_id]} ({n.distance_km:.0f} km, beyond the radius)")
        for n in farther
        if n.facility_id in names and n.facility_id not in introduced
    ]
    return lines, choices


@login_required
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    require_participant(user)
    need = get_object_or_404(
        policy.visible(user, SupplyNeed).select_related(
            "capability", "buyer", "buyer__municipality", "organisation", "recorded_by", "call"
        ),
        pk=pk,
    )
    sees_buyer = policy.can_read_confidential(user, need)
    may_change = policy.can_change(user, need)
    lines, choices = _suppliers(user, need, sees_buyer)
    introductions = (
        list(
            policy.visible(user, Introduction)
            .filter(need=need)
            .select_related("supplier", "supplier__municipality", "introduced_by")
        )
        if sees_buyer
        else []
    )
    return render(
        request,
        "supplychain/need_detail.html",
        {
            "need": need,
            "sees_buyer": sees_buyer,
            "buyer": buyer_label(user, need),
            "place": place_of(need.buyer),
            "suppliers": lines,
            "introductions": [
                (
                    i,
                    policy.can_change(user, i),
                    OutcomeForm(initial={"outcome": i.outcome}, prefix=f"i{i.pk}"),
                )
                for i in introductions
            ],
            "can_change": may_change,
            "introduce_form": IntroductionForm(suppliers=choices)
            if may_change and choices
            else None,
            "status_form": StatusForm(initial={"status": need.status}) if may_change else None,
            **section("needs"),
        },
    )


def _forms_querysets(user: Any, need: SupplyNeed | None, buyer_id: str | None) -> dict[str, Any]:
    actor = policy.actor_for(user)
    facilities = policy.visible(user, Facility).select_related("municipality")
    if actor.is_coordinator:
        buyers = facilities
        organisations = policy.visible(user, Organisation).filter(kind__in=PARTICIPANT_KINDS)
    else:
        wanted = Q(municipality_id__in=actor.editor_municipality_ids)
        if need is not None:
            wanted |= Q(pk=need.buyer_id)
        if buyer_id and buyer_id.isdigit():
            wanted |= Q(pk=int(buyer_id))
        buyers = facilities.filter(wanted)
        organisations = policy.visible(user, Organisation).filter(
            pk__in=actor.editor_organisation_ids, kind__in=PARTICIPANT_KINDS
        )
    return {
        "buyers": buyers.order_by("municipality__name", "name", "pk"),
        "capabilities": capabilities(user),
        "organisations": organisations.order_by("name"),
    }


@login_required
def need_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    need: SupplyNeed | None = None
    if pk is not None:
        require_participant(user)
        need = get_object_or_404(policy.visible(user, SupplyNeed), pk=pk)
        policy.require_change(user, need)
    else:
        policy.require_create(user, SupplyNeed)
    buyer_param = request.GET.get("buyer")
    initial: dict[str, Any] = {}
    if need is not None:
        initial = {
            "buyer": need.buyer_id,
            "capability": need.capability.key,
            "description": need.description,
            "annual_value": need.annual_value,
            "annual_volume": need.annual_volume,
            "sourced_from": need.sourced_from,
            "urgency": need.urgency,
            "radius_km": need.radius_km,
            "organisation": need.organisation_id,
            "loaded_version": need.version,
        }
    else:
        actor = policy.actor_for(user)
        own = sorted(actor.editor_organisation_ids)
        if buyer_param and buyer_param.isdigit():
            initial["buyer"] = int(buyer_param)
        if own:
            initial["organisation"] = own[0]
        initial["capability"] = request.GET.get("capability") or ""
    form = NeedForm(
        request.POST or None, initial=initial, **_forms_querysets(user, need, buyer_param)
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, need)
        if saved is not None:
            return redirect("need-detail", pk=saved.pk)
    return render(
        request,
        "supplychain/need_edit.html",
        {"form": form, "need": need, **section("needs")},
    )


def _save(request: HttpRequest, form: NeedForm, need: SupplyNeed | None) -> SupplyNeed | None:
    user = request.user
    data = form.cleaned_data
    fields = {
        "buyer": data["buyer"],
        "capability": policy.visible(user, Capability).get(key=data["capability"]),
        "organisation": data["organisation"],
        "description": data["description"],
        "annual_value": data["annual_value"],
        "annual_volume": data["annual_volume"],
        "sourced_from": data["sourced_from"],
        "urgency": data["urgency"],
        "radius_km": data["radius_km"],
    }
    try:
        if need is None:
            need = service.record_need(user, **fields)
            messages.success(request, f"Recorded the need for {need.capability.label}.")
        else:
            expected = data.get("loaded_version") or need.version
            update_versioned(user, need, fields, expected)
            messages.success(request, f"Saved the need for {need.capability.label}.")
    except EditConflict as conflict:
        show_conflict(form, conflict)
        return None
    except PermissionDenied as denied:
        form.add_error("organisation", str(denied))
        return None
    except ValidationError as error:
        show_refusal(form, error)
        return None
    return need


def _changeable_need(request: HttpRequest, pk: int) -> SupplyNeed:
    require_participant(request.user)
    need: SupplyNeed = get_object_or_404(
        policy.visible(request.user, SupplyNeed).select_related("capability", "buyer"), pk=pk
    )
    policy.require_change(request.user, need)
    return need


def _problems(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def need_introduce(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    need = _changeable_need(request, pk)
    _, choices = _suppliers(user, need, True)
    form = IntroductionForm(request.POST, suppliers=choices)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(m) for m in e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, f"The introduction was not recorded. {problems}")
        return redirect("need-detail", pk=need.pk)
    supplier = get_object_or_404(policy.visible(user, Facility), pk=form.cleaned_data["supplier"])
    try:
        service.introduce(
            user, need, supplier, form.cleaned_data["introduced_on"], form.cleaned_data["notes"]
        )
    except ValidationError as error:
        messages.error(request, f"The introduction was not recorded: {_problems(error)}")
    else:
        messages.success(request, f"Recorded the introduction to {supplier.name}.")
    return redirect("need-detail", pk=need.pk)


@login_required
@require_POST
def need_status(request: HttpRequest, pk: int) -> HttpResponse:
    need = _changeable_need(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        service.set_status(request.user, need, form.cleaned_data["status"])
        messages.success(request, f"The need is now: {need.get_status_display().lower()}.")
    else:
        messages.error(request, "Choose one of the statuses.")
    return redirect("need-detail", pk=need.pk)


@login_required
@require_POST
def introduction_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    require_participant(user)
    introduction = get_object_or_404(
        policy.visible(user, Introduction).select_related("need", "supplier"), pk=pk
    )
    policy.require_change(user, introduction)
    form = OutcomeForm(request.POST, prefix=f"i{introduction.pk}")
    if not form.is_valid():
        form = OutcomeForm(request.POST)  # without the page's prefix (the API-like form)
    if form.is_valid():
        service.record_outcome(
            user, introduction, form.cleaned_data["outcome"], form.cleaned_data["notes"]
        )
        messages.success(
            request,
            f"Outcome of the introduction to {introduction.supplier.name}: "
            f"{introduction.get_outcome_display().lower()}.",
        )
    else:
        messages.error(request, "Choose one of the outcomes.")
    return redirect("need-detail", pk=introduction.need_id)
