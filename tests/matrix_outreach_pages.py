"""Access-matrix rows for the outreach pages; the world is built in tests/matrix_outreach.py.

Everyone signed in reads the overview, the calendar, the visits and briefing packs, the
head offices, the messaging library, the agenda and the centre of excellence. The
stakeholder directory is for participants (dave: 403); Oshawa's meeting is not shared
(dave: 404). Windsor's engagement, endorsement and pilot are changed by Windsor's editor
(alice) and the coordinator (carol); bob gets 403 (or the form again, 200, when the
organisation he sends is not his to choose); viewers (erin, dave) get 403.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.access_rows import Row, everyone, only, participants

DAY = dt.date(2026, 10, 6)
WINDSOR_EDITS = only({"alice": 302, "carol": 302}, 403)
EDITORS_GET = only({"alice": 200, "bob": 200, "carol": 200}, 403)


def _engagement(w: Any) -> dict[str, Any]:
    return {"kind": "mpp_meeting", "title": "Meeting the MPP", "starts_on": "2026-10-20",
            "organisation": w.org_a.pk, "status": "planned", "shared": "on"}  # fmt: skip


def _pilot(w: Any) -> dict[str, Any]:
    return {"title": "Electric pickups", "organisation": w.org_a.pk,
            "technology": "battery_electric", "vehicles": "3", "status": "offered"}  # fmt: skip


OUTREACH_PAGES: list[Row] = [
    Row("outreach-home", lambda w: "/outreach/", everyone(200)),
    Row("contact-list", lambda w: "/outreach/contacts/?q=pat&decision_makers=1",
        participants(200, 403)),
    Row("contact-detail", lambda w: f"/outreach/contacts/{w.contact.pk}/", participants(200, 403)),
    Row("relationship-list", lambda w: f"/outreach/relationships/?organisation={w.org_a.pk}",
        participants(200, 403)),
    Row("head-office-map", lambda w: "/outreach/head-offices/", everyone(200)),
    Row("engagement-calendar", lambda w: "/outreach/calendar/?month=2026-10&kind=event",
        everyone(200)),
    Row("engagement-create", lambda w: "/outreach/engagements/new/", EDITORS_GET),
    Row("engagement-create", lambda w: "/outreach/engagements/new/",
        only({"alice": 302, "bob": 200, "carol": 302}, 403), method="post", data=_engagement),
    Row("engagement-detail", lambda w: f"/outreach/engagements/{w.event_a.pk}/", everyone(200)),
    Row("engagement-detail", lambda w: f"/outreach/engagements/{w.meeting_b.pk}/",
        participants(200, 404)),
    Row("engagement-edit", lambda w: f"/outreach/engagements/{w.event_a.pk}/edit/",
        only({"alice": 200, "carol": 200}, 403)),
    Row("participant-add", lambda w: f"/outreach/engagements/{w.event_a.pk}/participants/",
        WINDSOR_EDITS, method="post", data=lambda w: {"p-role": "press", "p-name": "The Star"}),
    Row("outreach-follow-up-add", lambda w: f"/outreach/engagements/{w.event_a.pk}/follow-ups/",
        WINDSOR_EDITS, method="post",
        data=lambda w: {"f-description": "Call back", "f-owner_organisation": w.org_a.pk,
                        "f-due_on": "2026-11-01"}),
    Row("outreach-follow-up-complete",
        lambda w: f"/outreach/follow-ups/{w.event_follow_up.pk}/complete/",
        only({"alice": 302, "carol": 302, "dave": 404}, 403), method="post"),
    Row("tour-list", lambda w: "/outreach/visits/", everyone(200)),
    Row("tour-detail", lambda w: f"/outreach/visits/tours/{w.tour.pk}/", everyone(200)),
    Row("visit-plan", lambda w: f"/outreach/visits/tours/{w.tour.pk}/plan/", EDITORS_GET),
    Row("visit-plan", lambda w: f"/outreach/visits/tours/{w.tour.pk}/plan/",
        only({"alice": 302, "bob": 302, "carol": 302}, 403), method="post",
        data=lambda w: {"head_office": w.gm_na.pk, "starts_on": "2026-10-20",
                        "municipalities": [w.org_a.pk]}),
    Row("visit-briefing", lambda w: f"/outreach/visits/{w.visit.pk}/briefing/", everyone(200)),
    Row("visit-briefing", lambda w: f"/outreach/visits/{w.visit.pk}/briefing/?format=pdf",
        everyone(200)),
    Row("message-list", lambda w: "/outreach/messages/", everyone(200)),
    Row("message-brief", lambda w: f"/outreach/messages/{w.message.pk}/brief/?format=pdf",
        everyone(200)),
    Row("ask-list", lambda w: "/outreach/agenda/?theme=infrastructure", everyone(200)),
    Row("ask-detail", lambda w: f"/outreach/agenda/asks/{w.ask.pk}/", everyone(200)),
    Row("ask-detail", lambda w: f"/outreach/agenda/asks/{w.ask.pk}/",
        only({"alice": 200, "bob": 302, "carol": 302}, 403), method="post",
        data=lambda w: {"organisation": w.org_b.pk, "council_resolution": "CR 9/2026",
                        "resolved_on": "2026-10-01"}),
    Row("endorsement-withdraw",
        lambda w: f"/outreach/agenda/endorsements/{w.endorsement_a.pk}/withdraw/",
        WINDSOR_EDITS, method="post"),
    Row("common-agenda", lambda w: "/outreach/agenda/common/", everyone(200)),
    Row("common-agenda", lambda w: "/outreach/agenda/common/?format=pdf", everyone(200)),
    Row("working-group-list", lambda w: "/outreach/centre/working-groups/", everyone(200)),
    Row("partnership-list", lambda w: "/outreach/centre/partnerships/?kind=smart_manufacturing",
        everyone(200)),
    Row("pilot-list", lambda w: "/outreach/pilots/?technology=battery_electric", everyone(200)),
    Row("pilot-create", lambda w: "/outreach/pilots/new/", EDITORS_GET),
    Row("pilot-create", lambda w: "/outreach/pilots/new/",
        only({"alice": 302, "bob": 200, "carol": 302}, 403), method="post", data=_pilot),
]  # fmt: skip
