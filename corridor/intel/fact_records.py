"""Facts in the database: storing what the extraction read, and officers' checks.

* ``store_facts(document)`` (re)reads a document. Facts an officer confirmed,
  corrected or rejected are never touched; facts still "extracted" are updated in
  place, added or removed to follow the rules' current reading.
* ``confirm``, ``correct`` and ``reject`` record an officer's check. A correction
  keeps one ``FactCorrection`` per changed field (before, after, who, why).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.intel import extraction
from corridor.intel.extraction.facts import ExtractedFact
from corridor.intel.linking import company_named, program_named, program_names
from corridor.intel.models import Document, Fact, FactCorrection, FactKind, FactStatus, TrendTag
from corridor.intel.models.fact import CORRECTABLE

POSITION_STRIDE = 10_000  # position = sentence number * stride + where the amount starts


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


def _values(found: ExtractedFact) -> dict[str, Any]:
    from corridor.intel.ingesting import jurisdiction_named

    return {
        "kind": found.kind,
        "funder": (found.funder or "")[:200],
        "recipient": (found.recipient or "")[:200],
        "program": (found.program or "")[:200],
        "amount_cad": _decimal(found.amount_cad),
        "currency": found.currency or "CAD",
        "total_value_cad": _decimal(found.total_value_cad),
        "projects": found.projects,
        "jobs": found.jobs,
        "jobs_retained": found.jobs_retained,
        "instrument": found.instrument or "",
        "date": found.date,
        "jurisdiction": jurisdiction_named(found.jurisdiction or ""),
        "sentence": found.sentence,
        "confidence": found.confidence,
    }


def trend_tags(slugs: list[str]) -> list[TrendTag]:
    with system_scope("trend tags are reference data"):
        return list(TrendTag.objects.filter(slug__in=slugs))


def store_facts(document: Document, found: list[ExtractedFact] | None = None) -> list[Fact]:
    """Read ``document`` again and bring its extracted facts up to date (``found``: what
    the extraction already read in its text, so a caller can read before it writes)."""
    if found is None:
        found = extraction.extract_facts(document.text)
    with transaction.atomic(), system_scope("re-reading a document's facts"):
        existing = {f.position: f for f in Fact.objects.filter(document=document)}
        kept_positions = {p for p, f in existing.items() if f.status != FactStatus.EXTRACTED}
        seen: set[int] = set()
        stored: list[Fact] = []
        programs = program_names()
        for item in found:
            position = item.sentence_index * POSITION_STRIDE + item.start
            seen.add(position)
            if position in kept_positions:
                stored.append(existing[position])
                continue  # an officer has checked this one: it stays as they left it
            values = _values(item)
            snapshot = item.as_json()
            fact = existing.get(position) or Fact(document=document, position=position)
            program = program_named(values["program"], values["funder"], programs)
            changed = (
                fact.pk is None
                or fact.extracted != snapshot
                or fact.funding_program_id != (program.pk if program else None)
            )
            for name, value in values.items():
                setattr(fact, name, value)
            fact.extracted = snapshot
            fact.recipient_company = company_named(fact.recipient)
            fact.funding_program = program
            if changed:
                fact.save()
                fact.trends.set(trend_tags(item.trends))
            stored.append(fact)
        for position, fact in existing.items():
            if position not in seen and fact.status == FactStatus.EXTRACTED:
                fact.delete()
    return stored


def confirm(user: Any, fact: Fact) -> Fact:
    policy.require_change(user, fact)
    fact.status = FactStatus.CONFIRMED
    fact.checked_by = user
    fact.save()
    return fact


def reject(user: Any, fact: Fact, note: str = "") -> Fact:
    policy.require_change(user, fact)
    with transaction.atomic():
        if note:
            FactCorrection.objects.create(
                fact=fact, field="status", before=fact.status, after=FactStatus.REJECTED,
                note=note[:300], corrected_by=user,
            )  # fmt: skip
        fact.status = FactStatus.REJECTED
        fact.checked_by = user
        fact.save()
    return fact


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value)
    return value


def correct(
    user: Any,
    fact: Fact,
    changes: dict[str, Any],
    expected_version: int,
    note: str = "",
    trends: list[TrendTag] | None = None,
) -> Fact:
    """Apply an officer's corrections; every changed field is kept as a FactCorrection."""
    policy.require_change(user, fact)
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationError({name: "This field cannot be corrected." for name in unknown})
    if changes.get("kind") not in (None, *FactKind.values):
        raise ValidationError({"kind": "Investment or policy."})
    with transaction.atomic(), system_scope("writing a correction the policy allowed"):
        for name, value in changes.items():
            before = getattr(fact, name)
            if _plain(before) == _plain(value) or (before in (None, "") and value in (None, "")):
                continue
            FactCorrection.objects.create(
                fact=fact, field=name, before=_plain(before), after=_plain(value),
                note=note[:300], corrected_by=user,
            )  # fmt: skip
            setattr(fact, name, value)
        if trends is not None:
            before_tags = sorted(t.slug for t in TrendTag.objects.filter(facts=fact))
            after_tags = sorted(t.slug for t in trends)
            if before_tags != after_tags:
                FactCorrection.objects.create(
                    fact=fact, field="trends", before=before_tags, after=after_tags,
                    note=note[:300], corrected_by=user,
                )  # fmt: skip
                fact.trends.set(trends)
        fact.status = FactStatus.CORRECTED
        fact.checked_by = user
        fact.recipient_company = company_named(fact.recipient)
        fact.funding_program = program_named(fact.program, fact.funder)
        fact.full_clean(exclude=["document", "extracted"])
        fact.save_versioned(expected_version)
    return fact
