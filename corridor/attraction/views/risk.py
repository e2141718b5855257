"""Pages of the retention early warning: the ranked list (with its map and exports), the
dismissed items, the weights, and the coordinator's reassessment. See docs/attraction.md."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_POST

from corridor.attraction import risk, risk_plugins, weights
from corridor.attraction.assessment import last_assessed
from corridor.attraction.models import FacilityRisk, RiskDismissal, RiskReason, RiskWeight
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.history import history_of
from corridor.core.models import EditConflict, Municipality, Organisation, OrganisationKind
from corridor.core.views.common import map_point

NAV = "attraction"
ALL = "all"


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, FacilityRisk):
        raise PermissionDenied(
            "The risk list is kept by the municipalities and the coordinator office."
        )


def member_places(user: Any) -> list[Municipality]:
    """The member municipalities (those with an organisation), by name."""
    ids = (
        policy.visible(user, Organisation)
        .filter(kind=OrganisationKind.MUNICIPALITY, municipality__isnull=False)
        .values_list("municipality_id", flat=True)
    )
    return list(policy.visible(user, Municipality).filter(pk__in=list(ids)).order_by("name"))


def own_place(user: Any) -> int | None:
    """The officer's own municipality (the default filter); None for the coordinator."""
    actor = policy.actor_for(user)
    if actor.is_coordinator:
        return None
    for m in actor.memberships:
        if m.organisation_kind == "municipality" and m.municipality_id:
            return int(m.municipality_id)
    return None


def chosen_place(request: HttpRequest, places: list[Municipality]) -> Municipality | None:
    wanted = request.GET.get("municipality", "")
    if wanted == ALL:
        return None
    if wanted.isdigit():
        return next((p for p in places if p.pk == int(wanted)), None)
    mine = own_place(request.user)
    return next((p for p in places if p.pk == mine), None)


def first_message(error: ValidationError) -> str:
    """The first thing a ValidationError says, as a person reads it."""
    return next(iter(error.messages), "The value was not accepted.")


def _reasons_text(line: risk.RiskLine) -> str:
    return "; ".join(f"{r['label']} ({r['weight']}): {r['detail']}" for r in line.reasons)


def _points(lines: list[risk.RiskLine]) -> list[dict[str, Any]]:
    top = max((line.score for line in lines), default=1) or 1
    points = []
    for n, line in enumerate(lines, 1):
        f = line.facility
        if not f.has_point:
            continue
        point = map_point(
            f.latitude,
            f.longitude,
            f"{n}. {f.name}",
            reverse("facility-detail", args=[f.pk]),
            f"Score {line.score}: " + ", ".join(r["label"] for r in line.reasons),
        )
        point["colour"] = "#a61b1b" if line.score * 2 >= top else "#e0a800"
        point["radius"] = 5 + round(7 * line.score / top)
        points.append(point)
    return points


@login_required
def risk_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    places = member_places(user)
    place = chosen_place(request, places)
    lines = risk.listed(user, place)
    file = export(
        request,
        f"jobs-at-risk{'-' + place.name.lower().replace(' ', '-') if place else ''}",
        ["Rank", "Facility", "Municipality", "Jobs", "Score", "Reasons", "First listed"],
        (
            [
                n,
                line.facility.name,
                line.facility.municipality.name if line.facility.municipality is not None else "",
                line.jobs,
                line.score,
                _reasons_text(line),
                line.first_listed_at.date().isoformat() if line.first_listed_at else "",
            ]
            for n, line in enumerate(lines, 1)
        ),
    )
    if file is not None:
        return file
    top = max((line.score for line in lines), default=0)
    rows = [
        {
            "rank": n,
            "line": line,
            "percent": round(100 * line.score / top) if top else 0,
            "may_dismiss": risk.may_dismiss(user, line.facility),
        }
        for n, line in enumerate(lines, 1)
    ]
    actor = policy.actor_for(user)
    return render(
        request,
        "attraction/risk_list.html",
        {
            "rows": rows,
            "jobs": sum(line.jobs or 0 for line in lines),
            "places": places,
            "place": place,
            "own_place": own_place(user),
            "points": _points(lines),
            "assessed_at": last_assessed(user),
            "dismissed_count": risk.dismissals_for(user).count(),
            "may_reassess": actor.is_coordinator,
            "nav_current": NAV,
            **export_links(request),
        },
    )


@login_required
@require_POST
def risk_dismiss(request: HttpRequest, facility_pk: int) -> HttpResponse:
    _require_view(request)
    risk_row = get_object_or_404(
        policy.visible(request.user, FacilityRisk).select_related("facility"),
        facility_id=facility_pk,
    )
    facility = risk_row.facility
    if not risk.may_dismiss(request.user, facility):
        raise PermissionDenied(
            "Only the coordinator and the editors of the facility's municipality dismiss it."
        )
    back = request.POST.get("next", "")
    back = back if back.startswith("/attraction/at-risk/") else reverse("attraction-risk-list")
    try:
        risk.dismiss(request.user, facility, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, f"{facility.name} was not dismissed: {first_message(exc)}")
        return redirect(back)
    messages.success(
        request,
        f"Dismissed {facility.name}. It comes back on the list if a new reason appears; "
        "undo it under “Dismissed”.",
    )
    return redirect(back)


@login_required
def risk_dismissed(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    dismissals = list(risk.dismissals_for(user)[:500])
    labels = dict(RiskReason.choices)
    items = [
        {
            "dismissal": d,
            "reasons": [labels.get(k, k) for k in sorted(risk.keys(d.signature))],
            "may_undo": policy.can_change(user, d),
        }
        for d in dismissals
    ]
    return render(
        request,
        "attraction/risk_dismissed.html",
        {"items": items, "nav_current": NAV},
    )


@login_required
@require_POST
def risk_undo(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    dismissal = get_object_or_404(
        policy.visible(request.user, RiskDismissal).select_related("facility"), pk=pk
    )
    risk.undo_dismissal(request.user, dismissal)
    messages.success(request, f"{dismissal.facility.name} is back on the risk list.")
    return redirect("attraction-risk-dismissed")


def _weight_history(user: Any, rows: list[weights.Weight]) -> list[dict[str, Any]]:
    """The changes of the weights, newest first, as sentences."""
    changes = []
    for w in rows:
        if w.row is None:
            continue
        for c in history_of(user, w.row)[:20]:
            before = (c.before or {}).get("weight")
            after = (c.after or {}).get("weight")
            if before is not None and after is not None and before != after:
                what = f"{before} → {after}"
            elif after is not None and before is None:
                what = f"set to {after} (the default was {w.default})"
            else:
                what = "explanation changed" if "explanation" in c.changed_fields else "saved"
            if "explanation" in c.changed_fields and "→" in what:
                what += ", explanation changed"
            changes.append(
                {
                    "label": w.label,
                    "what": what,
                    "who": c.user_name or "Corridor",
                    "when": c.time,
                }
            )
    changes.sort(key=lambda item: item["when"].isoformat(), reverse=True)  # type: ignore[attr-defined]
    return changes[:50]


@login_required
def risk_weights(request: HttpRequest) -> HttpResponse:
    if not policy.can_view(request.user, RiskWeight):
        raise PermissionDenied("The risk weights are for the municipalities and the coordinator.")
    user = request.user
    may_edit = policy.can_create(user, RiskWeight)
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied("The coordinator sets the weights.")
        saved = 0
        for w in weights.current_weights().values():
            raw = request.POST.get(f"weight-{w.reason}", "").strip()
            note = request.POST.get(f"explanation-{w.reason}", "").strip()
            version = request.POST.get(f"version-{w.reason}", "")
            if not raw.isdigit() or not 0 <= int(raw) <= weights.MAX_WEIGHT:
                errors[w.reason] = f"Give a whole number from 0 to {weights.MAX_WEIGHT}."
                continue
            same_note = note == w.explanation or (not note and w.row is None)
            if int(raw) == w.weight and same_note:
                continue
            try:
                weights.set_weight(
                    user,
                    w.reason,
                    int(raw),
                    note if not same_note else None,
                    int(version) if version.isdigit() and w.row is not None else None,
                )
                saved += 1
            except EditConflict:
                errors[w.reason] = "Someone changed this weight meanwhile: check it and save again."
            except ValidationError as exc:
                errors[w.reason] = first_message(exc)
        if not errors:
            messages.success(
                request,
                f"Saved {saved} weight{'s' if saved != 1 else ''}. The list uses them from "
                "its next assessment (early tomorrow, or reassess it now from the list).",
            )
            return redirect("attraction-risk-weights")
    rows = weights.weights_for(user)
    return render(
        request,
        "attraction/risk_weights.html",
        {
            "rows": rows,
            "may_edit": may_edit,
            "errors": errors,
            "posted": request.POST if request.method == "POST" else None,
            "history": _weight_history(user, rows),
            "max_weight": weights.MAX_WEIGHT,
            "old_days": weights.OLD_FLAG_DAYS,
            "old_factor": weights.OLD_FLAG_FACTOR,
            "nav_current": NAV,
        },
    )


@login_required
@require_POST
def risk_reassess(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    job = risk_plugins.queue_reassessment(request.user)
    messages.info(request, "The list is being reassessed in the background.")
    return redirect(job)


urlpatterns: list[URLPattern] = [
    path("at-risk/", risk_list, name="attraction-risk-list"),
    path("at-risk/<int:facility_pk>/dismiss/", risk_dismiss, name="attraction-risk-dismiss"),
    path("at-risk/dismissed/", risk_dismissed, name="attraction-risk-dismissed"),
    path("at-risk/dismissals/<int:pk>/undo/", risk_undo, name="attraction-risk-undo"),
    path("at-risk/weights/", risk_weights, name="attraction-risk-weights"),
    path("at-risk/reassess/", risk_reassess, name="attraction-risk-reassess"),
]
