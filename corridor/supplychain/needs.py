"""Recording supply needs, from calls or by hand, and introducing buyers to local suppliers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.supplychain.models import (
    Capability,
    Introduction,
    IntroductionOutcome,
    NeedStatus,
    SupplyNeed,
)

CALL_INPUTS = "supply_chain.outside_inputs"
CALL_VALUE = "supply_chain.outside_inputs_value"


def _check_organisation(user: Any, organisation: Organisation) -> None:
    actor = policy.actor_for(user)
    if not policy.can_create(user, SupplyNeed):
        raise PermissionDenied("You may not record supply needs.")
    if not actor.is_coordinator and organisation.pk not in actor.editor_organisation_ids:
        raise PermissionDenied(f"You may not record needs for {organisation}.")


def record_need(
    user: Any,
    *,
    buyer: Facility,
    capability: Capability,
    organisation: Organisation,
    description: str = "",
    annual_value: int | None = None,
    annual_volume: str = "",
    sourced_from: str = "unknown",
    urgency: str = "medium",
    radius_km: int = 150,
    call: Any = None,
) -> SupplyNeed:
    _check_organisation(user, organisation)
    if annual_value is not None and annual_value < 0:
        raise ValidationError({"annual_value": "A value per year is 0 or more."})
    if not 1 <= radius_km <= 2000:
        raise ValidationError({"radius_km": "The radius is between 1 and 2,000 km."})
    need = SupplyNeed(
        buyer=buyer,
        capability=capability,
        organisation=organisation,
        description=description,
        annual_value=annual_value,
        annual_volume=annual_volume,
        sourced_from=sourced_from,
        urgency=urgency,
        radius_km=radius_km,
        call=call,
        recorded_by=user,
    )
    need.full_clean(exclude=["buyer", "capability", "organisation", "call", "recorded_by"])
    need.save()
    return need


def needs_from_call(user: Any, call: Any, answers: dict[str, Any]) -> list[SupplyNeed]:
    """Needs for the capabilities named in a call's supply-chain answer (once per capability).

    The value the company gave is the need's value when the answer names one
    capability; with several, it is left for the officer to split."""
    from corridor.supplychain.taxonomy import capabilities_in

    text = answers.get(CALL_INPUTS) or ""
    keys = capabilities_in(text) if text else []
    if not keys:
        return []
    value = answers.get(CALL_VALUE) if len(keys) == 1 else None
    created = []
    with system_scope("needs recorded from a call's answers"), transaction.atomic():
        known = set(SupplyNeed.objects.filter(call=call).values_list("capability__key", flat=True))
        for capability in Capability.objects.filter(key__in=keys).order_by("key"):
            if capability.key in known:
                continue
            created.append(
                SupplyNeed.objects.create(
                    buyer_id=call.facility_id,
                    capability=capability,
                    organisation_id=call.organisation_id,
                    description=f"Said on the call of {call.scheduled_on:%Y-%m-%d}: {text}",
                    annual_value=value,
                    call=call,
                    recorded_by=user,
                )
            )
    return created


def introduce(
    user: Any, need: SupplyNeed, supplier: Facility, on: dt.date, notes: str = ""
) -> Introduction:
    if not policy.can_create(user, Introduction):
        raise PermissionDenied("You may not record introductions.")
    policy.require_change(user, need)
    if supplier.pk == need.buyer_id:
        raise ValidationError({"supplier": "A buyer is not introduced to itself."})
    with transaction.atomic():
        with system_scope("one introduction per need and supplier"):
            if Introduction.objects.filter(need=need, supplier=supplier).exists():
                raise ValidationError({"supplier": "This supplier was already introduced."})
        introduction = Introduction.objects.create(
            need=need, supplier=supplier, introduced_on=on, introduced_by=user, notes=notes
        )
        if need.status == NeedStatus.OPEN:
            need.status = NeedStatus.INTRODUCED
            need.save()
    return introduction


def record_outcome(
    user: Any, introduction: Introduction, outcome: str, notes: str = ""
) -> Introduction:
    """The outcome of an introduction; a contract means the need is sourced locally."""
    policy.require_change(user, introduction)
    if outcome not in IntroductionOutcome.values:
        raise ValidationError({"outcome": f"Not an outcome: {outcome}."})
    with transaction.atomic():
        introduction.outcome = outcome
        if notes:
            introduction.notes = notes
        introduction.save()
        if outcome == IntroductionOutcome.CONTRACT:
            need = introduction.need
            need.status = NeedStatus.SOURCED_LOCALLY
            need.save()
    return introduction


def set_status(user: Any, need: SupplyNeed, status: str) -> SupplyNeed:
    policy.require_change(user, need)
    if status not in NeedStatus.values:
        raise ValidationError({"status": f"Not a status: {status}."})
    need.status = status
    need.save()
    return need
