"""Access-matrix rows for corporate calls; the world they use is built in tests/matrix_calls.py.

The fact of a call is for participants (the partner dave gets an empty list, or 404
for one call); what the company said is for the visiting municipality (Windsor:
alice, erin) and the coordinator (carol) only: bob gets 404 for alice's answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from corridor.calls.models import Call, CallTemplate, Campaign, Flag, FollowUp, LeadAssignment
from tests.access_rows import Row, coordinator, everyone, only, participants

DAY = dt.date(2026, 10, 5)
LATER = (DAY + dt.timedelta(days=20)).isoformat()


def _plan(organisation: str) -> Callable[[Any], dict[str, Any]]:
    return lambda w: {
        "facility_id": w.facility.pk,
        "organisation_id": getattr(w, organisation).pk,
        "scheduled_on": LATER,
        "purpose": "Matrix visit",
    }


CALL_API: list[Row] = [
    Row("GET /api/v1/calls", lambda w: "/api/v1/calls", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/calls",
        lambda w: (
            f"/api/v1/calls?facility={w.windsor_plant.pk}&organisation={w.org_a.pk}"
            f"&status=completed&from_date=2026-01-01&to_date=2026-12-31&campaign={w.campaign.pk}"
        ),
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/calls/{call_id}",
        lambda w: f"/api/v1/calls/{w.call_a.pk}",
        participants(200, 404, anonymous=401),
    ),
    # alice plans for Windsor on a Windsor facility: no approval needed
    Row(
        "POST /api/v1/calls",
        lambda w: "/api/v1/calls",
        only({"alice": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=_plan("org_a"),
    ),
    # bob plans for Oshawa on a Windsor facility: it waits for approval
    Row(
        "POST /api/v1/calls",
        lambda w: "/api/v1/calls",
        only({"bob": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=_plan("org_b"),
    ),
    # bob's plan on a Windsor plant: Windsor's editor (the lead) or the coordinator decides
    Row(
        "POST /api/v1/calls/{call_id}/approve",
        lambda w: f"/api/v1/calls/{w.pending_call.pk}/approve",
        only({"alice": 200, "carol": 200, "dave": 404}, 403, anonymous=401),
        method="post",
        data=lambda w: {"note": "Go ahead"},
    ),
    Row(
        "POST /api/v1/calls/{call_id}/decline",
        lambda w: f"/api/v1/calls/{w.pending_call.pk}/decline",
        only({"alice": 200, "carol": 200, "dave": 404}, 403, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/calls/{call_id}/cancel",
        lambda w: f"/api/v1/calls/{w.planned_call.pk}/cancel",
        only({"alice": 200, "carol": 200, "dave": 404}, 403, anonymous=401),
        method="post",
    ),
    Row(
        "GET /api/v1/calls/{call_id}/answers",
        lambda w: f"/api/v1/calls/{w.call_a.pk}/answers",
        only({"alice": 200, "erin": 200, "carol": 200}, 404, anonymous=401),
    ),
    Row(
        "GET /api/v1/calls/{call_id}/answers",
        lambda w: f"/api/v1/calls/{w.call_b.pk}/answers",
        only({"bob": 200, "carol": 200}, 404, anonymous=401),
    ),
    Row(
        "PUT /api/v1/calls/{call_id}/answers",
        lambda w: f"/api/v1/calls/{w.call_a.pk}/answers",
        only({"alice": 200, "carol": 200, "erin": 403}, 404, anonymous=401),
        method="put",
        data=lambda w: {"answers": {"snapshot.employees_now": "250"}, "complete": True},
    ),
    Row("GET /api/v1/flags", lambda w: "/api/v1/flags", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/flags",
        lambda w: (
            f"/api/v1/flags?severity=red&category=relocation_closure&status=open"
            f"&facility={w.windsor_plant.pk}&organisation={w.org_a.pk}"
        ),
        everyone(200, anonymous=401),
    ),
    Row("GET /api/v1/follow-ups", lambda w: "/api/v1/follow-ups", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/follow-ups",
        lambda w: (
            f"/api/v1/follow-ups?status=open&overdue=false&owner_organisation={w.org_a.pk}"
            f"&facility={w.windsor_plant.pk}"
        ),
        everyone(200, anonymous=401),
    ),
    # a follow-up on alice's call: Windsor's editor or the coordinator adds it
    Row(
        "POST /api/v1/follow-ups",
        lambda w: "/api/v1/follow-ups",
        only({"alice": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=lambda w: {
            "facility_id": w.windsor_plant.pk,
            "owner_organisation_id": w.org_a.pk,
            "due_on": LATER,
            "category": "information",
            "description": "Send the site-selection package",
            "call_id": w.call_a.pk,
        },
    ),
    Row(
        "POST /api/v1/follow-ups/{follow_up_id}/complete",
        lambda w: f"/api/v1/follow-ups/{w.follow_up_a.pk}/complete",
        only({"alice": 200, "carol": 200, "dave": 404}, 403, anonymous=401),
        method="post",
        data=lambda w: {"outcome": "Met the plant manager"},
    ),
    # the referral to APMA: dave sees it but, as a viewer, cannot complete it
    Row(
        "POST /api/v1/follow-ups/{follow_up_id}/complete",
        lambda w: f"/api/v1/follow-ups/{w.referral_a.pk}/complete",
        only({"alice": 200, "carol": 200}, 403, anonymous=401),
        method="post",
    ),
    Row(
        "GET /api/v1/lead-assignments",
        lambda w: "/api/v1/lead-assignments",
        everyone(200, anonymous=401),
    ),
    Row(
        "PUT /api/v1/facilities/{facility_id}/lead",
        lambda w: f"/api/v1/facilities/{w.oshawa_plant.pk}/lead",
        coordinator(200, 403, 403, anonymous=401),
        method="put",
        data=lambda w: {"organisation_id": w.org_a.pk, "reason": "Windsor knows the owner"},
    ),
    Row("GET /api/v1/campaigns", lambda w: "/api/v1/campaigns", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/campaigns/{campaign_id}",
        lambda w: f"/api/v1/campaigns/{w.campaign.pk}",
        participants(200, 404, anonymous=401),
    ),
    Row(
        "GET /api/v1/call-templates",
        lambda w: "/api/v1/call-templates",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/call-templates/{number}",
        lambda w: f"/api/v1/call-templates/{w.template.number}",
        everyone(200, anonymous=401),
    ),
]

CALL_API_LISTS: dict[str, type] = {
    "/api/v1/calls": Call,
    "/api/v1/flags": Flag,
    "/api/v1/follow-ups": FollowUp,
    "/api/v1/lead-assignments": LeadAssignment,
    "/api/v1/campaigns": Campaign,
    "/api/v1/call-templates": CallTemplate,
}
