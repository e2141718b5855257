"""How much each reason of the retention early warning counts.

The defaults and their plain-language explanations are data
(``corridor/attraction/data/risk_weights.csv``, documented in docs/attraction.md); the
coordinator overrides a weight on the weights page or through the API, which writes a
``RiskWeight`` row (one per reason, every change kept in the change history).
``current_weights()`` is the defaults with those rows laid over them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from corridor.attraction.models import RiskReason, RiskWeight
from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.core.services import update_versioned

CSV_PATH = Path(__file__).parent / "data" / "risk_weights.csv"
MAX_WEIGHT = 200

# A flag open longer than this without being closed counts this many times its weight.
OLD_FLAG_DAYS = 90
OLD_FLAG_FACTOR = 1.5


@dataclass(frozen=True, slots=True)
class Default:
    reason: str
    weight: int
    explanation: str


@dataclass(frozen=True, slots=True)
class Weight:
    reason: str
    label: str
    weight: int
    explanation: str
    default: int
    row: RiskWeight | None = None  # the coordinator's override, if any

    @property
    def is_default(self) -> bool:
        return self.row is None or self.weight == self.default


@cache
def defaults() -> dict[str, Default]:
    """The CSV's weights, by reason key (every ``RiskReason``, in the CSV's order)."""
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = [
            Default(r["reason"], int(r["weight"]), r["explanation"]) for r in csv.DictReader(handle)
        ]
    found = {d.reason: d for d in rows}
    missing = set(RiskReason.values) - set(found)
    unknown = set(found) - set(RiskReason.values)
    if missing or unknown:
        raise ValueError(
            f"{CSV_PATH}: reasons missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    return found


def _merge(rows: list[RiskWeight]) -> dict[str, Weight]:
    by_reason = {r.reason: r for r in rows}
    labels = dict(RiskReason.choices)
    merged = {}
    for key, default in defaults().items():
        row = by_reason.get(key)
        merged[key] = Weight(
            reason=key,
            label=str(labels[key]),
            weight=row.weight if row is not None else default.weight,
            explanation=(row.explanation if row is not None and row.explanation else "")
            or default.explanation,
            default=default.weight,
            row=row,
        )
    return merged


def current_weights() -> dict[str, Weight]:
    """Every reason's weight now (the coordinator's where set, else the CSV's)."""
    with system_scope("the risk weights are the region's shared settings"):
        return _merge(list(RiskWeight.objects.all()))


def weights_for(user: Any) -> list[Weight]:
    """The weights as ``user`` reads them (participants), the heaviest first."""
    if not policy.can_view(user, RiskWeight):
        return []
    merged = _merge(list(policy.visible(user, RiskWeight)))
    return sorted(merged.values(), key=lambda w: (-w.weight, w.label))


def set_weight(
    user: Any,
    reason: str,
    weight: int,
    explanation: str | None = None,
    expected_version: int | None = None,
) -> RiskWeight:
    """Set one reason's weight (the coordinator); the change is kept in the history.

    ``expected_version``: the version the person read (None: whatever it is now)."""
    if reason not in RiskReason.values:
        raise ValidationError({"reason": f"Not a reason of the risk list: {reason}."})
    if not 0 <= int(weight) <= MAX_WEIGHT:
        raise ValidationError({"weight": f"Give a weight from 0 to {MAX_WEIGHT}."})
    policy.require_create(user, RiskWeight)
    with transaction.atomic():
        row = policy.visible(user, RiskWeight).select_for_update().filter(reason=reason).first()
        if row is None:
            row = RiskWeight(
                reason=reason,
                weight=int(weight),
                explanation=(explanation or "")[:400],
            )
            row.full_clean()
            row.save()
            return row
        changes: dict[str, Any] = {"weight": int(weight)}
        if explanation is not None:
            changes["explanation"] = explanation[:400]
        update_versioned(
            user, row, changes, row.version if expected_version is None else expected_version
        )
        return row
