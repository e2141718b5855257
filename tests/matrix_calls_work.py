"""Access-matrix rows for corporate calls; the world they use is built in tests/matrix_calls.py.

These rows cover the pages that act on calls: follow-ups, flags, campaigns, leads,
the dashboards and the template versions.
"""

from __future__ import annotations

import json
from typing import Any

from tests.access_rows import Row, coordinator, everyone, only, participants


def _raise_flag(w: Any) -> dict[str, Any]:
    return {
        "facility": w.windsor_plant.pk,
        "organisation": w.org_a.pk,
        "severity": "yellow",
        "category": "other",
        "detail": "Heard at the chamber breakfast",
    }


def _campaign(w: Any) -> dict[str, Any]:
    return {
        "name": "Matrix campaign",
        "focus": "",
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-30",
        "targets_action": "keep",
        "loaded_version": w.campaign.version,
        "save": "1",
    }


def _template(w: Any) -> dict[str, Any]:
    return {
        "title": "Matrix template",
        "change_note": "tests",
        "sections": json.dumps(w.template.sections),
    }


# alice (Windsor) owns follow_up_a and flag_a; bob (Oshawa) flag_b; dave's APMA gets referral_a.
ALICE_OR_CAROL = {"alice": 302, "carol": 302}

WORK_PAGES: list[Row] = [
    # follow-ups
    Row("follow-up-list", lambda w: "/calls/follow-ups/", everyone(200)),
    Row(
        "follow-up-list",
        lambda w: f"/calls/follow-ups/?whose={w.org_a.pk}&status=all&overdue=1",
        everyone(200),
    ),
    Row("follow-up-list", lambda w: "/calls/follow-ups/?whose=all&status=x", everyone(200)),
    Row(
        "follow-up-complete",
        lambda w: f"/calls/follow-ups/{w.follow_up_a.pk}/done/",
        only({"alice": 200, "carol": 200, "dave": 404}, 403),
    ),
    Row(
        "follow-up-complete",
        lambda w: f"/calls/follow-ups/{w.referral_a.pk}/done/",
        only({"alice": 200, "carol": 200}, 403),
    ),
    Row(
        "follow-up-complete",
        lambda w: f"/calls/follow-ups/{w.follow_up_a.pk}/done/",
        only({**ALICE_OR_CAROL, "dave": 404}, 403),
        method="post",
        data=lambda w: {"outcome": "Met the owners"},
    ),
    Row(
        "follow-up-complete",
        lambda w: f"/calls/follow-ups/{w.referral_a.pk}/done/",
        only(ALICE_OR_CAROL, 403),
        method="post",
        data=lambda w: {"outcome": "APMA called them"},
    ),
    Row(
        "follow-up-cancel", lambda w: f"/calls/follow-ups/{w.follow_up_a.pk}/cancel/", everyone(405)
    ),
    Row(
        "follow-up-cancel",
        lambda w: f"/calls/follow-ups/{w.follow_up_a.pk}/cancel/",
        only({**ALICE_OR_CAROL, "dave": 404}, 403),
        method="post",
    ),
    Row(
        "follow-up-cancel",
        lambda w: f"/calls/follow-ups/{w.referral_a.pk}/cancel/",
        only(ALICE_OR_CAROL, 403),
        method="post",
    ),
    # flags
    Row("flag-board", lambda w: "/calls/flags/", participants(200, partner=403)),
    Row(
        "flag-board",
        lambda w: f"/calls/flags/?status=all&category=expansion&municipality={w.oshawa.pk}",
        participants(200, partner=403),
    ),
    Row(
        "flag-raise",
        lambda w: f"/calls/flags/raise/?facility={w.windsor_plant.pk}",
        only({"alice": 200, "bob": 200, "carol": 200}, 403),
    ),
    Row(
        "flag-raise",
        lambda w: "/calls/flags/raise/",
        # bob may raise flags, but not for Windsor: the form says so (200)
        only({**ALICE_OR_CAROL, "bob": 200}, 403),
        method="post",
        data=_raise_flag,
    ),
    Row("flag-close", lambda w: f"/calls/flags/{w.flag_a.pk}/close/", everyone(405)),
    Row(
        "flag-close",
        lambda w: f"/calls/flags/{w.flag_a.pk}/close/",
        # alice and carol are told that a red flag closes once a follow-up is done (302)
        only({**ALICE_OR_CAROL, "dave": 404}, 403),
        method="post",
    ),
    Row(
        "flag-close",
        lambda w: f"/calls/flags/{w.flag_b.pk}/close/",
        only({"bob": 302, "carol": 302, "dave": 404}, 403),
        method="post",
    ),
    # campaigns
    Row("campaign-list", lambda w: "/calls/campaigns/", participants(200, partner=403)),
    Row("campaign-create", lambda w: "/calls/campaigns/new/", coordinator(200, 403, 403)),
    Row(
        "campaign-create",
        lambda w: "/calls/campaigns/new/",
        coordinator(302, 403, 403),
        method="post",
        data=_campaign,
    ),
    Row(
        "campaign-detail",
        lambda w: f"/calls/campaigns/{w.campaign.pk}/",
        participants(200, partner=403),
    ),
    Row(
        "campaign-edit",
        lambda w: f"/calls/campaigns/{w.campaign.pk}/edit/",
        coordinator(200, 403, 403),
    ),
    Row(
        "campaign-edit",
        lambda w: f"/calls/campaigns/{w.campaign.pk}/edit/",
        coordinator(302, 403, 403),
        method="post",
        data=_campaign,
    ),
    # leads
    Row("lead-list", lambda w: "/calls/leads/", participants(200, partner=403)),
    Row(
        "lead-list",
        lambda w: f"/calls/leads/?municipality={w.windsor.pk}&no_lead=1&q=matrix",
        participants(200, partner=403),
    ),
    Row(
        "lead-assign",
        lambda w: f"/calls/leads/{w.oshawa_plant.pk}/assign/",
        coordinator(200, 403, 403),
    ),
    Row(
        "lead-assign",
        lambda w: f"/calls/leads/{w.oshawa_plant.pk}/assign/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {"organisation": w.org_a.pk, "reason": "tests"},
    ),
    # dashboards
    Row("calls-dashboard", lambda w: "/calls/dashboard/", coordinator(200, 403, 403)),
    Row("calls-overview", lambda w: "/calls/overview/", everyone(200)),
    # template versions
    Row("template-list", lambda w: "/calls/templates/", everyone(200)),
    Row("template-detail", lambda w: "/calls/templates/1/", everyone(200)),
    Row("template-detail", lambda w: "/calls/templates/99/", everyone(404)),
    Row("template-publish", lambda w: "/calls/templates/publish/", coordinator(200, 403, 403)),
    Row(
        "template-publish",
        lambda w: "/calls/templates/publish/",
        coordinator(302, 403, 403),
        method="post",
        data=_template,
    ),
]
