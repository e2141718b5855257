"""Pages of the pipeline: the board, the list (and its exports), a prospect, adding and
editing one, moving it to another stage. See docs/attraction.md, "The pipeline"."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.attraction import services
from corridor.attraction.filtersets import ProspectFilter
from corridor.attraction.forms import ProspectForm, StageForm
from corridor.attraction.models import (
    CLOSED_STAGES,
    OPEN_STAGES,
    Prospect,
    ProspectKind,
    ProspectSource,
    Stage,
)
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import refusals_shown_on
from corridor.core.models import Municipality, Organisation, User
from corridor.core.views.common import paginate, read_filters
from corridor.registry.models import Company, Facility
from corridor.supplychain.models import Capability

NAV = "attraction"
RELATED = ("capability", "organisation", "owner", "municipality", "company", "facility")
TARGETS_SHOWN = 6


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Prospect):
        raise PermissionDenied(
            "The investment-attraction pipeline is kept by the municipalities and the coordinator."
        )


def _prospects(request: HttpRequest) -> Any:
    _require_view(request)
    return policy.visible(request.user, Prospect).select_related(*RELATED)


def _prospect(request: HttpRequest, pk: int) -> Prospect:
    found: Prospect = get_object_or_404(_prospects(request), pk=pk)
    return found


def _filter_choices(user: Any) -> dict[str, Any]:
    """What the shared filter form offers."""
    visible = policy.visible(user, Prospect)
    return {
        "stages": [("open", "Open (not yet decided)"), *Stage.choices],
        "sources": ProspectSource.choices,
        "kinds": ProspectKind.choices,
        "organisations": policy.visible(user, Organisation)
        .filter(pk__in=visible.values("organisation_id"))
        .order_by("name"),
        "municipalities": policy.visible(user, Municipality)
        .filter(pk__in=visible.values("municipality_id"))
        .order_by("name"),
        "capability_choices": policy.visible(user, Capability)
        .filter(pk__in=visible.values("capability_id"))
        .order_by("label"),
    }


# The board


@dataclass
class Card:
    prospect: Prospect
    confidential: bool  # the reader may read what the company said
    can_change: bool

    @property
    def next_stage(self) -> str:
        """The stage after this one (the move a card offers first)."""
        stages = list(OPEN_STAGES)
        at = stages.index(self.prospect.stage)
        return stages[at + 1] if at + 1 < len(stages) else Stage.WON


@dataclass
class Column:
    stage: str
    label: str
    cards: list[Card] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.cards)

    @property
    def investment(self) -> int:
        return sum(c.prospect.estimated_investment or 0 for c in self.cards)

    @property
    def jobs(self) -> int:
        return sum(c.prospect.estimated_jobs or 0 for c in self.cards)


def _targets(user: Any, limit: int = TARGETS_SHOWN) -> list[dict[str, Any]]:
    """The top unmet gaps as the supply-gaps page shows them to this reader."""
    from corridor.supplychain.gap_report import analysis_for

    analysis = analysis_for(user)
    rows = [r for r in analysis.rows if r.is_target][:limit]
    keys = [r.gap.capability.key for r in rows]
    open_counts: dict[str, int] = {}
    for key in (
        policy.visible(user, Prospect)
        .filter(capability__key__in=keys, stage__in=OPEN_STAGES)
        .values_list("capability__key", flat=True)
    ):
        open_counts[key] = open_counts.get(key, 0) + 1
    return [
        {
            "row": r,
            "key": r.gap.capability.key,
            "label": r.gap.capability.label,
            "unmet_value": r.unmet_value,
            "buyers": r.buyers,
            "open_prospects": open_counts.get(r.gap.capability.key, 0),
            "start_url": reverse("attraction-prospect-new")
            + f"?capability={r.gap.capability.key}&source=gap",
            "pitch_url": f"/attraction/gaps/{r.gap.capability.key}/pitch/",
        }
        for r in rows
    ]


@login_required
def board(request: HttpRequest) -> HttpResponse:
    user = request.user
    filters, problems = read_filters(request, ProspectFilter)
    filters.stage = None  # the board shows every stage in its columns
    qs = filters.apply(user, _prospects(request)).order_by("next_step_due", "name", "pk")
    columns = {s: Column(s, label) for s, label in Stage.choices if s in OPEN_STAGES}
    won = lost = 0
    won_jobs = 0
    won_investment = 0
    for p in qs:
        if p.stage in columns:
            columns[p.stage].cards.append(
                Card(p, policy.can_read_confidential(user, p), policy.can_change(user, p))
            )
        elif p.stage == Stage.WON:
            won += 1
            won_jobs += p.won_jobs or 0
            won_investment += p.won_investment or 0
        elif p.stage == Stage.LOST:
            lost += 1
    open_columns = list(columns.values())
    decided = won + lost
    return render(
        request,
        "attraction/board.html",
        {
            "columns": open_columns,
            "open_count": sum(c.count for c in open_columns),
            "open_investment": sum(c.investment for c in open_columns),
            "won": won,
            "lost": lost,
            "won_jobs": won_jobs,
            "won_investment": won_investment,
            "win_rate": round(100 * won / decided) if decided else None,
            "stage_choices": Stage.choices,
            "today": timezone.localdate(),
            "clear_url": reverse("attraction-board"),
            "filters": filters,
            "problems": problems,
            "targets": _targets(user),
            "may_add": policy.can_create(user, Prospect),
            "querystring": request.GET.urlencode(),
            **_filter_choices(user),
            "nav_current": NAV,
        },
    )


# The list and its exports

EXPORT_HEADER = [
    "prospect_id", "name", "kind", "stage", "stage_since", "capability", "source",
    "organisation", "owner", "municipality", "shared", "estimated_investment",
    "estimated_jobs", "competing_jurisdictions", "next_step", "next_step_due",
    "decided_on", "outcome_reason", "won_investment", "won_jobs", "company", "facility",
]  # fmt: skip


def _export_row(user: Any, p: Prospect) -> list[Any]:
    readable = policy.can_read_confidential(user, p)
    return [
        p.pk,
        p.name,
        p.get_kind_display(),
        p.get_stage_display(),
        p.stage_changed_on,
        p.capability.label if p.capability else "",
        p.get_source_display(),
        p.organisation.label,
        _person(p.owner),
        p.municipality.name if p.municipality else "",
        "yes" if p.shared else "no",
        p.estimated_investment,
        p.estimated_jobs,
        p.competing_jurisdictions if readable else "(confidential)",
        p.next_step if readable else "(confidential)",
        p.next_step_due,
        p.decided_on,
        p.get_outcome_reason_display() if p.outcome_reason else "",
        p.won_investment,
        p.won_jobs,
        p.company.name if p.company else "",
        p.facility.name if p.facility else "",
    ]


def _person(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


@login_required
def prospect_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    filters, problems = read_filters(request, ProspectFilter)
    qs = filters.apply(user, _prospects(request)).order_by("name", "pk")
    exported = export(
        request,
        "prospects",
        EXPORT_HEADER,
        (_export_row(user, p) for p in qs.iterator(chunk_size=2000)),
    )
    if exported is not None:
        return exported
    page, keep = paginate(request, qs)
    return render(
        request,
        "attraction/prospect_list.html",
        {
            "page_obj": page,
            "querystring_without_page": keep,
            "filters": filters,
            "problems": problems,
            "may_add": policy.can_create(user, Prospect),
            "today": timezone.localdate(),
            "clear_url": reverse("attraction-prospect-list"),
            **_filter_choices(user),
            **export_links(request),
            "nav_current": NAV,
        },
    )


# A prospect


@login_required
def prospect_detail(request: HttpRequest, pk: int) -> HttpResponse:
    prospect = _prospect(request, pk)
    return _render_detail(request, prospect, None)


def _render_detail(
    request: HttpRequest, prospect: Prospect, stage_form: StageForm | None, status: int = 200
) -> HttpResponse:
    user = request.user
    may_change = policy.can_change(user, prospect)
    if stage_form is None and may_change:
        stage_form = StageForm(prospect=prospect)
    fact = None
    if prospect.source_fact_id is not None:
        from corridor.intel.models import Fact

        fact = policy.visible(user, Fact).filter(pk=prospect.source_fact_id).first()
    facility = (
        policy.visible(user, Facility).filter(pk=prospect.facility_id).first()
        if prospect.facility_id
        else None
    )
    company = (
        policy.visible(user, Company).filter(pk=prospect.company_id).first()
        if prospect.company_id
        else None
    )
    return render(
        request,
        "attraction/prospect_detail.html",
        {
            "prospect": prospect,
            "confidential": policy.can_read_confidential(user, prospect),
            "can_change": may_change,
            "changes": services.history_of(user, prospect),
            "stage_form": stage_form if may_change else None,
            "fact": fact,
            "facility": facility,
            "company": company,
            "pitch_url": f"/attraction/prospects/{prospect.pk}/pitch/",
            "closed": prospect.stage in CLOSED_STAGES,
            "nav_current": NAV,
        },
        status=status,
    )


@login_required
@require_POST
def prospect_stage(request: HttpRequest, pk: int) -> HttpResponse:
    prospect = _prospect(request, pk)
    user = request.user
    policy.require_change(user, prospect)
    form = StageForm(request.POST, prospect=prospect)
    if form.is_valid():
        data = form.cleaned_data
        with refusals_shown_on(form):
            services.move_stage(
                user,
                prospect,
                data["to_stage"],
                note=data["note"],
                on=data["on"],
                outcome_reason=data["outcome_reason"],
                won_investment=data["won_investment"],
                won_jobs=data["won_jobs"],
                loaded_version=data["loaded_version"],
            )
        if not form.errors:
            messages.success(request, f"Moved {prospect.name} to {prospect.get_stage_display()}.")
            if request.POST.get("back") == "board":
                return redirect("attraction-board")
            return redirect("attraction-prospect-detail", pk=prospect.pk)
    fresh = _prospect(request, pk)
    return _render_detail(request, fresh, form)


# Adding and editing


def _form_querysets(user: Any, organisation: Organisation | None) -> dict[str, Any]:
    from corridor.core.scoping import system_scope

    org_ids = (
        [organisation.pk] if organisation else [o.pk for o in services.acting_organisations(user)]
    )
    with system_scope("the people of the prospect's organisation, as lead officers"):
        member_ids = list(
            User.objects.filter(memberships__organisation_id__in=org_ids, is_active=True)
            .values_list("pk", flat=True)
            .distinct()
        )
    member_places = (
        policy.visible(user, Organisation)
        .filter(kind="municipality", municipality__isnull=False)
        .values("municipality_id")
    )
    return {
        "capabilities": policy.visible(user, Capability).order_by("label"),
        "municipalities": policy.visible(user, Municipality)
        .filter(pk__in=member_places)
        .order_by("name"),
        "owners": policy.visible(user, User).filter(pk__in=member_ids).order_by("username"),
    }


def _place_from(request: HttpRequest, source: Any) -> tuple[Company | None, Facility | None]:
    """The company and plant a new prospect is about (``?facility=`` or ``?company=``)."""
    user = request.user
    facility_id, company_id = source.get("facility", ""), source.get("company", "")
    if facility_id.isdigit():
        found = get_object_or_404(
            policy.visible(user, Facility).select_related("company"), pk=int(facility_id)
        )
        return found.company, found
    if company_id.isdigit():
        return get_object_or_404(policy.visible(user, Company), pk=int(company_id)), None
    return None, None


def _initial(
    request: HttpRequest, facility: Facility | None, company: Company | None
) -> dict[str, Any]:
    """What ``?capability=``, ``?fact=``, ``?facility=`` and ``?source=`` fill in."""
    user = request.user
    initial: dict[str, Any] = {"owner": user.pk}
    key = request.GET.get("capability", "")
    if key:
        capability = policy.visible(user, Capability).filter(key=key).first()
        if capability is not None:
            initial["capability"] = capability.pk
            initial["source"] = ProspectSource.GAP
            initial.setdefault("name", f"Maker of {capability.label.lower()}")
    source = request.GET.get("source", "")
    if source in ProspectSource.values:
        initial["source"] = source
    if facility is not None or company is not None:
        initial["kind"] = ProspectKind.EXPANSION
        initial["name"] = (facility.name if facility else None) or (company.name if company else "")
        if facility is not None and facility.municipality_id:
            initial["municipality"] = facility.municipality_id
    return initial


def _fact_from(request: HttpRequest, source: Any) -> Any:
    from corridor.intel.models import Fact

    fact_id = source.get("fact", "")
    if not fact_id.isdigit():
        return None
    return get_object_or_404(policy.visible(request.user, Fact), pk=int(fact_id))


def _fact_initial(fact: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {"source": ProspectSource.ANNOUNCEMENT}
    if fact.recipient:
        initial["name"] = fact.recipient
    amount = fact.total_value_cad or fact.amount_cad
    if amount is not None and fact.currency == "CAD":
        initial["estimated_investment"] = int(Decimal(amount))
    if fact.jobs:
        initial["estimated_jobs"] = fact.jobs
    return initial


@login_required
def prospect_new(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    policy.require_create(user, Prospect)
    source = request.POST if request.method == "POST" else request.GET
    company, facility = _place_from(request, source)
    fact = _fact_from(request, source)
    initial = _initial(request, facility, company)
    if fact is not None:
        initial.update(_fact_initial(fact))
        if fact.recipient_company_id and company is None:
            company = policy.visible(user, Company).filter(pk=fact.recipient_company_id).first()
    form = ProspectForm(request.POST or None, initial=initial, **_form_querysets(user, None))
    for name in ("company", "facility"):
        del form.fields[name]  # carried by the page's address (hidden fields), not chosen
    if request.method == "POST" and form.is_valid():
        values = {n: form.cleaned_data[n] for n in form.fields if n != "loaded_version"}
        with refusals_shown_on(form):
            prospect = services.create_prospect(
                user, company=company, facility=facility, source_fact=fact, **values
            )
        if not form.errors:
            messages.success(request, f"Added the prospect {prospect.name}.")
            return redirect("attraction-prospect-detail", pk=prospect.pk)
    return render(
        request,
        "attraction/prospect_form.html",
        {
            "form": form,
            "company": company,
            "facility": facility,
            "fact": fact,
            "cancel_url": reverse("attraction-board"),
            "nav_current": NAV,
        },
    )


@login_required
def prospect_edit(request: HttpRequest, pk: int) -> HttpResponse:
    prospect = _prospect(request, pk)
    user = request.user
    policy.require_change(user, prospect)
    form = ProspectForm(
        request.POST or None, instance=prospect, **_form_querysets(user, prospect.organisation)
    )
    for name in ("company", "facility"):
        del form.fields[name]
    if request.method == "POST" and form.is_valid():
        changes = {n: form.cleaned_data[n] for n in form.fields if n != "loaded_version"}
        fresh = _prospect(request, pk)
        with refusals_shown_on(form):
            services.update_prospect(user, fresh, form.cleaned_data["loaded_version"], **changes)
        if not form.errors:
            messages.success(request, f"Saved {fresh.name}.")
            return redirect("attraction-prospect-detail", pk=fresh.pk)
    return render(
        request,
        "attraction/prospect_form.html",
        {
            "form": form,
            "prospect": prospect,
            "company": prospect.company,
            "facility": prospect.facility,
            "cancel_url": reverse("attraction-prospect-detail", args=[prospect.pk]),
            "nav_current": NAV,
        },
    )


urlpatterns: list[URLPattern] = [
    path("", board, name="attraction-board"),
    path("prospects/", prospect_list, name="attraction-prospect-list"),
    path("prospects/new/", prospect_new, name="attraction-prospect-new"),
    path("prospects/<int:pk>/", prospect_detail, name="attraction-prospect-detail"),
    path("prospects/<int:pk>/edit/", prospect_edit, name="attraction-prospect-edit"),
    path("prospects/<int:pk>/stage/", prospect_stage, name="attraction-prospect-stage"),
]
