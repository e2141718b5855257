"""Access-matrix rows for the outreach API; the world is built in tests/matrix_outreach.py.

Reads follow the pages: the directory (contacts, relationships) and engagement
follow-ups are for participants (dave: an empty list, 404 for one); Oshawa's meeting is
not shared (dave: 404). Windsor's records are changed by alice and carol (403 for bob
and the viewers); bob endorses for Oshawa; any municipal editor plans tour visits.
"""

from __future__ import annotations

from corridor.outreach.models import (
    Contact,
    Endorsement,
    Engagement,
    EngagementFollowUp,
    FleetPilot,
    HeadOffice,
    Message,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)
from tests.access_rows import Row, everyone, only, participants

READ = everyone(200, 401)
WINDSOR_CREATES = only({"alice": 201, "carol": 201}, 403, anonymous=401)
COORDINATOR_CREATES = only({"carol": 201}, 403, anonymous=401)


def _get(path: str, expect: dict[str, int] = READ) -> Row:
    return Row(f"GET /api/v1{path.split('?')[0]}", lambda w: f"/api/v1{path}", expect)


OUTREACH_API: list[Row] = [
    _get("/head-offices"),
    Row("GET /api/v1/head-offices/{office_id}",
        lambda w: f"/api/v1/head-offices/{w.ford_canada.pk}", READ),
    Row("GET /api/v1/contacts", lambda w: "/api/v1/contacts?q=pat&decision_makers=true", READ),
    Row("GET /api/v1/contacts/{contact_id}", lambda w: f"/api/v1/contacts/{w.contact.pk}",
        participants(200, 404, anonymous=401)),
    Row("POST /api/v1/contacts", lambda w: "/api/v1/contacts",
        only({"carol": 201}, 403, anonymous=401), method="post",
        data=lambda w: {"name": "Sam Example", "role": "MPP (fictional)"}),
    Row("GET /api/v1/relationships", lambda w: f"/api/v1/relationships?contact={w.contact.pk}",
        READ),
    Row("POST /api/v1/relationships", lambda w: "/api/v1/relationships", WINDSOR_CREATES,
        method="post", data=lambda w: {"contact_id": w.contact.pk, "organisation_id": w.org_a.pk}),
    Row("GET /api/v1/engagements",
        lambda w: f"/api/v1/engagements?kind=event&organisation={w.org_a.pk}"
                  "&from_date=2026-01-01&to_date=2026-12-31", READ),
    Row("GET /api/v1/engagements/{engagement_id}",
        lambda w: f"/api/v1/engagements/{w.meeting_b.pk}", participants(200, 404, anonymous=401)),
    Row("POST /api/v1/engagements", lambda w: "/api/v1/engagements", WINDSOR_CREATES,
        method="post", data=lambda w: {"kind": "event", "title": "Queen's Park day",
                                       "starts_on": "2026-11-03", "organisation_id": w.org_a.pk}),
    Row("PATCH /api/v1/engagements/{engagement_id}",
        lambda w: f"/api/v1/engagements/{w.event_a.pk}",
        only({"alice": 200, "carol": 200}, 403, anonymous=401), method="patch",
        data=lambda w: {"version": w.event_a.version, "outcomes": "Two MPPs met"}),
    Row("GET /api/v1/engagements/{engagement_id}/participants",
        lambda w: f"/api/v1/engagements/{w.event_a.pk}/participants", READ),
    Row("POST /api/v1/engagements/{engagement_id}/participants",
        lambda w: f"/api/v1/engagements/{w.event_a.pk}/participants", WINDSOR_CREATES,
        method="post", data=lambda w: {"role": "press", "name": "CBC Windsor"}),
    _get("/engagement-follow-ups?status=open"),
    Row("POST /api/v1/engagements/{engagement_id}/follow-ups",
        lambda w: f"/api/v1/engagements/{w.event_a.pk}/follow-ups", WINDSOR_CREATES,
        method="post", data=lambda w: {"owner_organisation_id": w.org_a.pk,
                                       "due_on": "2026-11-01", "description": "Send figures"}),
    Row("POST /api/v1/engagement-follow-ups/{follow_up_id}/complete",
        lambda w: f"/api/v1/engagement-follow-ups/{w.event_follow_up.pk}/complete",
        only({"alice": 200, "carol": 200, "dave": 404}, 403, anonymous=401), method="post",
        data=lambda w: {"outcome": "Sent"}),
    _get("/tours"),
    Row("POST /api/v1/tours/{tour_id}/visits", lambda w: f"/api/v1/tours/{w.tour.pk}/visits",
        only({"alice": 201, "bob": 201, "carol": 201}, 403, anonymous=401), method="post",
        data=lambda w: {"head_office_id": w.gm_na.pk, "starts_on": "2026-10-21",
                        "municipality_ids": [w.org_b.pk]}),
    Row("GET /api/v1/visits/{visit_id}/briefing-pack",
        lambda w: f"/api/v1/visits/{w.visit.pk}/briefing-pack", READ),
    _get("/messages?theme=sector_importance"),
    Row("GET /api/v1/messages/{message_id}", lambda w: f"/api/v1/messages/{w.message.pk}", READ),
    _get("/evidence"),
    _get("/policy-asks?theme=infrastructure"),
    Row("GET /api/v1/policy-asks/{ask_id}", lambda w: f"/api/v1/policy-asks/{w.ask.pk}", READ),
    _get("/common-agenda"),
    Row("GET /api/v1/endorsements", lambda w: f"/api/v1/endorsements?ask={w.ask.pk}", READ),
    Row("POST /api/v1/policy-asks/{ask_id}/endorsements",
        lambda w: f"/api/v1/policy-asks/{w.ask.pk}/endorsements",
        only({"bob": 201, "carol": 201}, 403, anonymous=401), method="post",
        data=lambda w: {"organisation_id": w.org_b.pk, "council_resolution": "CR 7/2026",
                        "resolved_on": "2026-10-01"}),
    Row("DELETE /api/v1/endorsements/{endorsement_id}",
        lambda w: f"/api/v1/endorsements/{w.endorsement_a.pk}",
        only({"alice": 204, "carol": 204}, 403, anonymous=401), method="delete"),
    _get("/working-groups"),
    _get("/partnerships"),
    _get("/fleet-pilots"),
    Row("POST /api/v1/fleet-pilots", lambda w: "/api/v1/fleet-pilots", WINDSOR_CREATES,
        method="post", data=lambda w: {"organisation_id": w.org_a.pk, "title": "E-buses",
                                       "technology": "battery_electric", "vehicles": 2}),
    # what the coordinator keeps (corridor/outreach/api_library.py)
    Row("POST /api/v1/messages", lambda w: "/api/v1/messages", COORDINATOR_CREATES,
        method="post", data=lambda w: {"theme": "trade_policy", "title": "Keep trade open",
                                       "summary": "Parts cross the border.",
                                       "talking_points": "One\nTwo",
                                       "evidence": ["registry.jobs"]}),
    Row("POST /api/v1/policy-asks", lambda w: "/api/v1/policy-asks", COORDINATOR_CREATES,
        method="post", data=lambda w: {"theme": "workforce", "title": "Train welders",
                                       "ask": "Fund welding programs.",
                                       "owner_id": w.office.pk, "status": "open"}),
    Row("PATCH /api/v1/policy-asks/{ask_id}", lambda w: f"/api/v1/policy-asks/{w.ask.pk}",
        only({"carol": 200}, 403, anonymous=401), method="patch",
        data=lambda w: {"version": w.ask.version, "status": "adopted"}),
    Row("POST /api/v1/tours", lambda w: "/api/v1/tours", COORDINATOR_CREATES, method="post",
        data=lambda w: {"name": "Spring tour", "starts_on": "2027-04-01",
                        "ends_on": "2027-05-01", "organisation_id": w.office.pk}),
    Row("POST /api/v1/working-groups", lambda w: "/api/v1/working-groups", COORDINATOR_CREATES,
        method="post", data=lambda w: {"name": "Skills", "mandate": "Training",
                                       "lead_id": w.org_b.pk, "member_ids": [w.apma.pk]}),
    Row("POST /api/v1/partnerships", lambda w: "/api/v1/partnerships", COORDINATOR_CREATES,
        method="post", data=lambda w: {"name": "A cluster", "kind": "cluster",
                                       "focus": "Batteries", "partner_ids": [w.apma.pk]}),
]  # fmt: skip

OUTREACH_API_LISTS = {
    "/api/v1/head-offices": HeadOffice,
    "/api/v1/contacts": Contact,
    "/api/v1/relationships": Relationship,
    "/api/v1/engagements": Engagement,
    "/api/v1/engagement-follow-ups": EngagementFollowUp,
    "/api/v1/tours": Tour,
    "/api/v1/messages": Message,
    "/api/v1/policy-asks": PolicyAsk,
    "/api/v1/endorsements": Endorsement,
    "/api/v1/working-groups": WorkingGroup,
    "/api/v1/partnerships": Partnership,
    "/api/v1/fleet-pilots": FleetPilot,
}
