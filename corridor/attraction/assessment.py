"""The retention early warning's assessment: each live facility's reasons and score.

``assess_all()`` reads, in a handful of bulk queries (never one per facility):

* the open red and yellow flags of calls (``Flag``, status open): one reason per
  severity, whatever the number of flags, with their categories and ages in the detail
  (never a flag's ``detail``, which stays with the visitors). A flag open more than
  ``weights.OLD_FLAG_DAYS`` (90) days counts ``OLD_FLAG_FACTOR`` (1.5) times its weight:
  nobody closed it in three months. Open flags raised by the lease rule (a lease ending
  within 24 months of the visit) are the *lease* reason, and flags of the category
  *ownership change* the *ownership* reason, rather than yellow flags (a red flag still
  counts red as well);
* the parent company's announcements (``intel.Fact`` linked to the facility's company,
  not rejected, dated in the last 24 months): an investment in a jurisdiction other than
  Ontario (and other than the federal government, whose money may land here) is
  *parent invests elsewhere*; a sentence about cuts, layoffs or a closure is *parent
  announced cuts*;
* the supply chain's concentration risks (the most specific ones, within 150 km): a
  facility that is an OEM plant's only local supplier for a capability;
* the last completed call: *no visit in 18 months* counts only for a facility that
  already has another reason (otherwise every plant nobody has called yet would be
  listed).

The score is the sum of the reasons' weights, and ``FacilityRisk`` rows are written,
refreshed and deleted in one transaction (``first_listed_at`` kept for the facilities
already listed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from corridor.attraction.models import FacilityRisk, RiskReason
from corridor.attraction.weights import OLD_FLAG_DAYS, OLD_FLAG_FACTOR, Weight, current_weights
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility

ANNOUNCEMENT_DAYS = 730  # 24 months
NO_VISIT_DAYS = 548  # 18 months
BATCH = 2000

# "cuts", "layoffs", "laid off", "closure", "will close", "shut down", "idle", "job losses"
CUTS = re.compile(
    r"\b(cuts?|cutting|lay-?offs?|laying off|lay off|laid off|closures?|"
    r"(will|to|would) close|closing|shut(ting)? down|shutdown|idl(e|es|ed|ing)|"
    r"job losses|eliminat\w+|downsiz\w+|wind(ing)? down)\b",
    re.IGNORECASE,
)
HOME = "Ontario"


@dataclass(frozen=True, slots=True)
class Change:
    """A facility that entered the list, or whose score rose (``before`` None: new)."""

    facility_id: int
    before: int | None
    after: int
    signature: str
    before_signature: str = ""

    @property
    def new_reasons(self) -> set[str]:
        return set(self.signature.split(",")) - set(filter(None, self.before_signature.split(",")))


@dataclass(slots=True)
class AssessmentRun:
    listed: int = 0
    added: int = 0
    dropped: int = 0
    changed: int = 0
    assessed_at: dt.datetime | None = None
    risen: list[Change] = field(default_factory=list)  # entered, or rose (for the notices)

    def __str__(self) -> str:
        return (
            f"{self.listed} facilit{'y' if self.listed == 1 else 'ies'} at risk "
            f"({self.added} added, {self.dropped} dropped, {self.changed} changed)"
        )


@dataclass(slots=True)
class _Found:
    """What was found about one facility, before it is weighed."""

    reasons: dict[str, dict[str, Any]] = field(default_factory=dict)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _days(since: dt.date, today: dt.date) -> int:
    return max(0, (today - since).days)


def _money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return "an investment"
    prefix = "$" if currency in ("CAD", "") else f"{currency} "
    value = float(amount)
    if value >= 1_000_000:
        return f"{prefix}{value / 1_000_000:,.1f} million".replace(".0 million", " million")
    return f"{prefix}{value:,.0f}"


def _flag_reasons(
    found: dict[int, _Found], weights: dict[str, Weight], ids: set[int], today: dt.date
) -> None:
    from corridor.calls.models import Flag, FlagCategory, FlagStatus, Severity

    labels = dict(FlagCategory.choices)
    groups: dict[tuple[int, str], list[tuple[str, dt.date, int | None]]] = defaultdict(list)
    rows = (
        Flag.objects.filter(status=FlagStatus.OPEN, facility__deleted_at__isnull=True)
        .values_list("facility_id", "severity", "category", "rule", "created_at", "call_id")
        .order_by("created_at", "pk")
    )
    for facility_id, severity, category, rule, created, call_id in rows:
        if facility_id not in ids:
            continue
        day = timezone.localtime(created).date() if timezone.is_aware(created) else created.date()
        kinds = []
        if severity == Severity.RED:
            kinds.append(RiskReason.RED_FLAG.value)
        if rule == "lease":
            kinds.append(RiskReason.LEASE.value)
        elif category == FlagCategory.OWNERSHIP_CHANGE:
            kinds.append(RiskReason.OWNERSHIP.value)
        elif severity == Severity.YELLOW:
            kinds.append(RiskReason.YELLOW_FLAG.value)
        for kind in kinds:
            groups[(facility_id, kind)].append((str(labels.get(category, category)), day, call_id))
    for (facility_id, kind), flags in groups.items():
        oldest = min(day for _, day, _ in flags)
        age = _days(oldest, today)
        base = weights[kind].weight
        old = age > OLD_FLAG_DAYS
        weight = round(base * OLD_FLAG_FACTOR) if old else base
        parts = "; ".join(
            f"{label}, open {_plural(_days(d, today), 'day')}" for label, d, _ in flags
        )
        if kind in (RiskReason.RED_FLAG, RiskReason.YELLOW_FLAG):
            colour = "red" if kind == RiskReason.RED_FLAG else "yellow"
            detail = f"{_plural(len(flags), f'open {colour} flag')}: {parts}."
        elif kind == RiskReason.LEASE:
            detail = f"A call recorded a lease ending within 24 months ({parts})."
        else:
            detail = f"A call recorded an expected ownership change ({parts})."
        if old:
            detail += f" Open over {OLD_FLAG_DAYS} days: counts {OLD_FLAG_FACTOR:g} times."
        first_call = next((c for _, _, c in flags if c), None)
        found[facility_id].reasons[kind] = {
            "weight": weight,
            "detail": detail,
            "since": oldest.isoformat(),
            "age_days": age,
            "path": f"/calls/{first_call}/" if first_call else "/calls/flags/",
        }


def _announcement_reasons(
    found: dict[int, _Found],
    weights: dict[str, Weight],
    companies: dict[int, list[int]],
    today: dt.date,
) -> None:
    from corridor.intel.models import Fact, FactStatus

    cutoff = today - dt.timedelta(days=ANNOUNCEMENT_DAYS)
    rows = (
        Fact.objects.filter(
            recipient_company__isnull=False,
            recipient_company__deleted_at__isnull=True,
            document__deleted_at__isnull=True,
        )
        .exclude(status=FactStatus.REJECTED)
        .filter(
            Q(date__gte=cutoff, date__lte=today)
            | Q(date__isnull=True, document__date__gte=cutoff, document__date__lte=today)
        )
        .values_list(
            "recipient_company_id",
            "recipient_company__name",
            "amount_cad",
            "currency",
            "jurisdiction__name",
            "jurisdiction__kind",
            "sentence",
            "date",
            "document__date",
            "document_id",
            "document__title",
        )
        .order_by("-date", "-pk")
    )
    elsewhere: dict[int, list[tuple[str, dt.date | None, int, str]]] = defaultdict(list)
    cuts: dict[int, list[tuple[str, dt.date | None, int, str]]] = defaultdict(list)
    for (
        company_id,
        name,
        amount,
        currency,
        place,
        place_kind,
        sentence,
        date,
        doc_date,
        doc,
        title,
    ) in rows:
        if company_id not in companies:
            continue
        day = date or doc_date
        if place and place != HOME and place_kind != "federal":
            text = f"{name} announced {_money(amount, currency)} in {place}"
            elsewhere[company_id].append((text, day, doc, title))
        if sentence and CUTS.search(sentence):
            text = f"{name} announced cuts: “{sentence.strip()[:200]}”"
            cuts[company_id].append((text, day, doc, title))
    for kind, by_company in (
        (RiskReason.PARENT_ELSEWHERE.value, elsewhere),
        (RiskReason.PARENT_CUTS.value, cuts),
    ):
        for company_id, items in by_company.items():
            text, day, doc, title = items[0]  # the newest
            more = (
                f" (and {_plural(len(items) - 1, 'other announcement')})" if len(items) > 1 else ""
            )
            when = f" on {day:%Y-%m-%d}" if day else ""
            reason = {
                "weight": weights[kind].weight,
                "detail": f"{text}{when}, in “{title}”{more}.",
                "since": day.isoformat() if day else None,
                "age_days": _days(day, today) if day else None,
                "path": f"/intel/documents/{doc}/",
            }
            for facility_id in companies[company_id]:
                found[facility_id].reasons[kind] = dict(reason)


def _supplier_reasons(found: dict[int, _Found], weights: dict[str, Weight], ids: set[int]) -> None:
    from corridor.supplychain.gap_report import DEFAULT_RADIUS, most_specific
    from corridor.supplychain.gaps import concentration_risks

    risks = [r for r in most_specific(concentration_risks(DEFAULT_RADIUS)) if r.supplier_id in ids]
    if not risks:
        return
    plants = {p for r in risks for p in r.oem_plants}
    names = dict(Facility.objects.filter(pk__in=plants).values_list("pk", "name"))
    by_supplier: dict[int, list[Any]] = defaultdict(list)
    for risk in risks:
        by_supplier[risk.supplier_id].append(risk)
    kind = RiskReason.SINGLE_SUPPLIER.value
    for supplier_id, items in by_supplier.items():
        parts = []
        for risk in items[:3]:
            oems = ", ".join(sorted(names.get(p, "an OEM plant") for p in risk.oem_plants))
            parts.append(f"{risk.capability.label} for {oems}")
        more = f" and {_plural(len(items) - 3, 'other capability', 'other capabilities')}"
        detail = (
            f"The only supplier within {DEFAULT_RADIUS} km of: "
            + "; ".join(parts)
            + (more if len(items) > 3 else "")
            + "."
        )
        found[supplier_id].reasons[kind] = {
            "weight": weights[kind].weight,
            "detail": detail,
            "since": None,
            "age_days": None,
            "path": "/supply-chain/gaps/",
        }


def _visit_reasons(found: dict[int, _Found], weights: dict[str, Weight], today: dt.date) -> None:
    from corridor.calls.models import Call, CallStatus

    candidates = [pk for pk, f in found.items() if f.reasons]
    if not candidates:
        return
    cutoff = today - dt.timedelta(days=NO_VISIT_DAYS)
    last = dict(
        Call.objects.filter(status=CallStatus.COMPLETED, scheduled_on__lte=today)
        .values("facility_id")
        .annotate(last=Max("scheduled_on"))
        .values_list("facility_id", "last")
        .order_by()
    )
    kind = RiskReason.NO_VISIT.value
    for facility_id in candidates:
        day = last.get(facility_id)
        if day is not None and day >= cutoff:
            continue
        detail = (
            f"The last completed call was on {day:%Y-%m-%d}."
            if day
            else "No call on record at this facility."
        )
        found[facility_id].reasons[kind] = {
            "weight": weights[kind].weight,
            "detail": detail,
            "since": day.isoformat() if day else None,
            "age_days": _days(day, today) if day else None,
            "path": f"/registry/facilities/{facility_id}/",
        }


def weighed(reasons: dict[str, dict[str, Any]], weights: dict[str, Weight]) -> list[dict[str, Any]]:
    """The reasons as stored: the heaviest first, each with its key and label."""
    lines = [
        {"reason": key, "label": weights[key].label, **values}
        for key, values in reasons.items()
        if values["weight"] > 0
    ]
    return sorted(lines, key=lambda r: (-r["weight"], r["label"]))


def signature_of(reasons: Iterable[dict[str, Any]]) -> str:
    return ",".join(sorted(r["reason"] for r in reasons))


def find_reasons(
    now: dt.datetime | None = None,
) -> dict[int, tuple[list[dict[str, Any]], int | None]]:
    """Every live facility with at least one reason: its weighed reasons and its jobs."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    weights = current_weights()
    with system_scope("the risk assessment reads every facility's shared facts"):
        facilities = list(
            Facility.objects.filter(merged_into__isnull=True)
            .values_list("pk", "company_id", "employees")
            .order_by()
        )
        ids = {pk for pk, _, _ in facilities}
        jobs = {pk: employees for pk, _, employees in facilities}
        companies: dict[int, list[int]] = defaultdict(list)
        for pk, company_id, _ in facilities:
            companies[company_id].append(pk)
        found: dict[int, _Found] = defaultdict(_Found)
        _flag_reasons(found, weights, ids, today)
        _announcement_reasons(found, weights, companies, today)
        _supplier_reasons(found, weights, ids)
        _visit_reasons(found, weights, today)
    result = {}
    for facility_id, item in found.items():
        lines = weighed(item.reasons, weights)
        if any(line["reason"] != RiskReason.NO_VISIT for line in lines):
            result[facility_id] = (lines, jobs.get(facility_id))
    return result


def assess_all(now: dt.datetime | None = None) -> AssessmentRun:
    """Assess every live facility and rewrite the list (one transaction)."""
    now = now or timezone.now()
    found = find_reasons(now)
    run = AssessmentRun(assessed_at=now)
    with system_scope("the risk assessment rewrites the list"), transaction.atomic():
        existing = {r.facility_id: r for r in FacilityRisk.objects.select_for_update().order_by()}
        new: list[FacilityRisk] = []
        changed: list[FacilityRisk] = []
        for facility_id, (lines, jobs) in found.items():
            score = sum(line["weight"] for line in lines)
            signature = signature_of(lines)[:200]
            row = existing.get(facility_id)
            if row is None:
                new.append(
                    FacilityRisk(
                        facility_id=facility_id,
                        score=score,
                        jobs=jobs,
                        reasons=lines,
                        signature=signature,
                        assessed_at=now,
                        first_listed_at=now,
                    )
                )
                run.risen.append(Change(facility_id, None, score, signature))
                continue
            if (row.score, row.jobs, row.reasons, row.signature) != (
                score,
                jobs,
                lines,
                signature,
            ):
                if score > row.score or signature != row.signature:
                    run.risen.append(
                        Change(facility_id, row.score, score, signature, row.signature)
                    )
                row.score, row.jobs, row.reasons, row.signature = score, jobs, lines, signature
                changed.append(row)
        gone = [r.pk for f, r in existing.items() if f not in found]
        for start in range(0, len(gone), BATCH):
            FacilityRisk.objects.filter(pk__in=gone[start : start + BATCH]).delete()
        FacilityRisk.objects.bulk_create(new, batch_size=BATCH)
        FacilityRisk.objects.bulk_update(
            changed, ["score", "jobs", "reasons", "signature"], batch_size=BATCH
        )
        FacilityRisk.objects.update(assessed_at=now)
        run.listed = len(found)
        run.added = len(new)
        run.dropped = len(gone)
        run.changed = len(changed)
    return run


def last_assessed(user: Any) -> dt.datetime | None:
    """When the list the user may see was last assessed (None: never, or empty)."""
    from corridor.core import policy

    if not policy.can_view(user, FacilityRisk):
        return None
    value = policy.visible(user, FacilityRisk).aggregate(last=Max("assessed_at"))["last"]
    return value if isinstance(value, dt.datetime) else None
