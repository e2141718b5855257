"""The documented rules that raise red and yellow flags from a call's answers.

Red flags are risks to jobs in the corridor and need a response within
``CORRIDOR_RED_FLAG_DAYS`` (7 by default); yellow flags are opportunities and
needs, with ``CORRIDOR_YELLOW_FLAG_DAYS`` (30). Each rule reads answers keyed
``section.question`` (template version 1 and later versions that keep those
keys); a question a later template drops simply never raises its flag.

Rules (key, severity, category: raised when):

* relocation, red, relocation or closure: risks.relocation is "yes";
* closure, red, downsizing: risks.closure_downsizing is "yes";
* shrinking, red, downsizing: employees expected in 3 years are at least 10%
  (and at least 5 people) fewer than now;
* expansion-away, red, relocation or closure: the expansion would go outside
  Ontario;
* ownership, yellow, ownership change: risks.ownership_change is "yes";
* lease, yellow, relocation or closure: the lease expires within 24 months of
  the call;
* expansion, yellow, expansion opportunity: expansion plans, or capital
  investment over $100,000, that stay in Ontario;
* workforce, yellow, workforce shortage: 5 or more hard-to-fill openings in all;
* suppliers, yellow, local-supplier need: inputs bought outside the region are
  named;
* permits, yellow, permit or infrastructure barrier: permits or infrastructure
  hold the company back, or permits or utilities are rated 1 or 2 of 5.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from corridor.calls.models import FlagCategory, Severity

Answers = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FlagRule:
    key: str
    severity: str
    category: str
    explain: Callable[[Answers, dt.date], str | None]  # the detail when it fires, else None


def _yes(answers: Answers, path: str) -> bool:
    return answers.get(path) == "yes"


def _relocation(a: Answers, on: dt.date) -> str | None:
    return (
        _with_notes("Considering relocating operations.", a)
        if _yes(a, "risks.relocation")
        else None
    )


def _closure(a: Answers, on: dt.date) -> str | None:
    if _yes(a, "risks.closure_downsizing"):
        return _with_notes("Closure or downsizing possible.", a)
    return None


def _shrinking(a: Answers, on: dt.date) -> str | None:
    now, later = a.get("snapshot.employees_now"), a.get("snapshot.employees_3y")
    if isinstance(now, int) and isinstance(later, int) and now - later >= max(5, now * 0.1):
        return f"Employment expected to fall from {now} to {later} in 3 years."
    return None


def _expansion_away(a: Answers, on: dt.date) -> str | None:
    if a.get("outlook.expansion_where") == "outside_ontario":
        return "The planned expansion would go outside Ontario."
    return None


def _ownership(a: Answers, on: dt.date) -> str | None:
    return "Ownership change expected." if _yes(a, "risks.ownership_change") else None


def _lease(a: Answers, on: dt.date) -> str | None:
    text = a.get("risks.lease_expiry")
    if not text:
        return None
    expiry = dt.date.fromisoformat(text)
    if on <= expiry <= on + dt.timedelta(days=730):
        return f"The lease expires on {expiry:%Y-%m-%d}."
    return None


def _expansion(a: Answers, on: dt.date) -> str | None:
    if a.get("outlook.expansion_where") == "outside_ontario":
        return None  # a risk, raised red by expansion-away
    reasons = []
    if _yes(a, "outlook.expansion_plans"):
        reasons.append("plans to expand")
    if _yes(a, "outlook.capital_investment"):
        amount = a.get("outlook.capital_investment_amount")
        reasons.append(
            f"capital investment of ${amount:,} planned" if amount else "capital investment planned"
        )
    return ("Opportunity: " + " and ".join(reasons) + ".") if reasons else None


def _workforce(a: Answers, on: dt.date) -> str | None:
    rows = a.get("workforce.hard_to_fill") or []
    total = sum(r["count"] for r in rows)
    if total >= 5:
        listed = ", ".join(f"{r['occupation']} ({r['count']})" for r in rows)
        return f"{total} hard-to-fill openings: {listed}."
    return None


def _suppliers(a: Answers, on: dt.date) -> str | None:
    inputs = a.get("supply_chain.outside_inputs")
    return f"Would buy locally: {inputs}" if inputs else None


def _permits(a: Answers, on: dt.date) -> str | None:
    reasons = []
    if _yes(a, "government.permits_barrier"):
        reasons.append("permits or approvals hold it back")
    if _yes(a, "government.infrastructure_barrier"):
        reasons.append("infrastructure holds it back")
    for key, label in (("ratings.permits", "permits"), ("ratings.utilities", "utilities")):
        rating = a.get(key)
        if isinstance(rating, int) and rating <= 2:
            reasons.append(f"{label} rated {rating} of 5")
    return ("Barrier: " + "; ".join(reasons) + ".") if reasons else None


def _with_notes(text: str, a: Answers) -> str:
    notes = a.get("risks.risk_notes")
    return f"{text} {notes}" if notes else text


RED, YELLOW = Severity.RED.value, Severity.YELLOW.value
RULES: tuple[FlagRule, ...] = (
    FlagRule("relocation", RED, FlagCategory.RELOCATION_CLOSURE.value, _relocation),
    FlagRule("closure", RED, FlagCategory.DOWNSIZING.value, _closure),
    FlagRule("shrinking", RED, FlagCategory.DOWNSIZING.value, _shrinking),
    FlagRule("expansion-away", RED, FlagCategory.RELOCATION_CLOSURE.value, _expansion_away),
    FlagRule("ownership", YELLOW, FlagCategory.OWNERSHIP_CHANGE.value, _ownership),
    FlagRule("lease", YELLOW, FlagCategory.RELOCATION_CLOSURE.value, _lease),
    FlagRule("expansion", YELLOW, FlagCategory.EXPANSION.value, _expansion),
    FlagRule("workforce", YELLOW, FlagCategory.WORKFORCE.value, _workforce),
    FlagRule("suppliers", YELLOW, FlagCategory.LOCAL_SUPPLIER.value, _suppliers),
    FlagRule("permits", YELLOW, FlagCategory.PERMITS_INFRASTRUCTURE.value, _permits),
)


@dataclass(frozen=True, slots=True)
class RaisedFlag:
    rule: str
    severity: str
    category: str
    detail: str


def evaluate(answers: Answers, on: dt.date) -> list[RaisedFlag]:
    """The flags a call's answers raise, in rule order."""
    raised = []
    for rule in RULES:
        detail = rule.explain(answers, on)
        if detail:
            raised.append(RaisedFlag(rule.key, rule.severity, rule.category, detail))
    return raised


def response_days(severity: str) -> int:
    if severity == RED:
        return int(settings.CORRIDOR_RED_FLAG_DAYS)
    return int(settings.CORRIDOR_YELLOW_FLAG_DAYS)


def respond_by(severity: str, raised_on: dt.date) -> dt.date:
    """The response deadline of a flag raised on a day."""
    return raised_on + dt.timedelta(days=response_days(severity))
