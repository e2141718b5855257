"""What a participant should know about a facility before calling on it.

Who leads calls there, whom to talk to first (the lead municipality's editors),
and the calls any participant may see (the fact of each call, never its answers).
Used by the registry's facility page and by the page that plans a call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corridor.calls.leads import Lead, lead_for
from corridor.calls.models import Call, Flag
from corridor.calls.planning import holding_calls
from corridor.core import policy
from corridor.core.models import Membership, Role
from corridor.registry.models import Facility

HISTORY_LENGTH = 10


@dataclass(frozen=True, slots=True)
class CallLine:
    call: Call
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FacilityCalls:
    facility: Facility
    lead: Lead
    contacts: list[Membership]  # the lead municipality's editors
    history: list[CallLine]
    holding: list[Call]  # planned calls that hold the facility now
    may_plan: bool


def flags_by_call(user: Any, calls: list[Call]) -> dict[int, list[Flag]]:
    """The flags (categories and status are shared) of each call, by call id."""
    found: dict[int, list[Flag]] = {}
    flags = policy.visible(user, Flag).filter(call__in=[c.pk for c in calls])
    for flag in flags.order_by("severity", "category"):
        found.setdefault(flag.call_id or 0, []).append(flag)
    return found


def lead_contacts(user: Any, lead: Lead) -> list[Membership]:
    if lead.organisation is None:
        return []
    memberships = policy.visible(user, Membership).filter(
        organisation=lead.organisation, role=Role.EDITOR, user__is_active=True
    )
    return list(memberships.select_related("user").order_by("user__last_name", "user__username"))


def facility_calls(user: Any, facility: Facility) -> FacilityCalls | None:
    """The calls panel of a facility, or None for those who see no calls (partners)."""
    if not policy.can_view(user, Call) or facility.is_deleted:
        return None
    lead = lead_for(facility)
    calls = list(
        policy.visible(user, Call)
        .filter(facility=facility)
        .select_related("organisation")
        .order_by("-scheduled_on", "-pk")[:HISTORY_LENGTH]
    )
    flags = flags_by_call(user, calls)
    return FacilityCalls(
        facility=facility,
        lead=lead,
        contacts=lead_contacts(user, lead),
        history=[CallLine(c, flags.get(c.pk, [])) for c in calls],
        holding=holding_calls(facility),
        may_plan=policy.can_create(user, Call),
    )
