"""Access-matrix rows for corporate calls; the world they use is built in tests/matrix_calls.py.

The planning and logging pages: the fact of a call is shared with every participant,
what the company said (the call form, its autosave) only with the visiting
municipality's editors and the coordinator; partners see no call at all.
"""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row, participants


def _roles(
    alice: int, bob: int, carol: int, dave: int, erin: int, anonymous: int = 302
) -> dict[str, int]:
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin,
            "anonymous": anonymous}  # fmt: skip


# Changing one of Windsor's calls (alice's): Windsor's editor and the coordinator.
WINDSOR_EDITS = _roles(alice=302, bob=403, carol=302, dave=404, erin=403)
# Reading or writing the answers of alice's call as a form: the same people.
WINDSOR_FORM = _roles(alice=200, bob=403, carol=200, dave=404, erin=403)
# The answers of bob's call (Oshawa).
OSHAWA_FORM = _roles(alice=403, bob=200, carol=200, dave=404, erin=403)
OSHAWA_EDITS = _roles(alice=403, bob=302, carol=302, dave=404, erin=403)
# Deciding on bob's plan on the Windsor plant: the lead (Windsor's editor) or the coordinator.
DECIDERS = _roles(alice=302, bob=403, carol=302, dave=404, erin=403)


def _plan(w: Any) -> dict[str, Any]:
    return {
        "facility": w.windsor_plant.pk,
        "organisation": w.org_a.pk,
        "scheduled_on": "2026-11-03",
        "purpose": "Retention visit",
    }


def _referral(w: Any) -> dict[str, Any]:
    return {
        "category": "referral",
        "referral_to": w.apma.pk,
        "owner_organisation": w.org_a.pk,
        "owner": w.alice.pk,
        "due_on": "2026-11-20",
        "description": "Introduce to APMA's EV working group",
    }


CALL_PAGES: list[Row] = [
    Row("call-planner", lambda w: "/calls/", participants(200, 302)),
    Row(
        "call-planner",
        lambda w: (
            f"/calls/?organisation={w.org_b.pk}&status=completed&start=2026-01-01&end=2026-12-31"
        ),
        participants(200, 302),
    ),
    Row("call-planner", lambda w: "/calls/?view=calendar&month=2026-10", participants(200, 302)),
    Row(
        "call-plan",
        lambda w: f"/calls/plan/?facility={w.windsor_plant.pk}",
        _roles(alice=200, bob=200, carol=200, dave=403, erin=403),
    ),
    Row(
        "call-plan",
        lambda w: "/calls/plan/?q=matrix",
        _roles(alice=200, bob=200, carol=200, dave=403, erin=403),
    ),
    # planning for Windsor: bob may not choose Windsor (the form says so)
    Row(
        "call-plan",
        lambda w: f"/calls/plan/?facility={w.windsor_plant.pk}",
        _roles(alice=302, bob=200, carol=302, dave=403, erin=403),
        method="post",
        data=_plan,
    ),
    Row("call-conflicts", lambda w: "/calls/conflicts/", participants(200, 403)),
    Row("call-detail", lambda w: f"/calls/{w.call_a.pk}/", participants(200, 404)),
    Row("call-detail", lambda w: f"/calls/{w.pending_call.pk}/", participants(200, 404)),
    Row("call-detail", lambda w: "/calls/999999/", participants(404, 404)),
    # the call form: another municipality cannot open (or save) alice's answers by URL
    Row("call-record", lambda w: f"/calls/{w.call_a.pk}/record/", WINDSOR_FORM),
    Row("call-record", lambda w: f"/calls/{w.call_b.pk}/record/", OSHAWA_FORM),
    Row(
        "call-record",
        lambda w: f"/calls/{w.call_a.pk}/record/",
        WINDSOR_EDITS,
        method="post",
        data=lambda w: {"action": "save", "risks.relocation": "no"},
    ),
    Row(
        "call-autosave",
        lambda w: f"/calls/{w.call_a.pk}/autosave/",
        WINDSOR_FORM,
        method="post",
        data=lambda w: {"risks.relocation": "no"},
    ),
    Row(
        "call-autosave",
        lambda w: f"/calls/{w.call_b.pk}/autosave/",
        OSHAWA_FORM,
        method="post",
        data=lambda w: {"notes.notes": "typed on a tablet"},
    ),
    Row("call-autosave", lambda w: f"/calls/{w.call_a.pk}/autosave/", participants(405, 405)),
    Row(
        "call-approve",
        lambda w: f"/calls/{w.pending_call.pk}/approve/",
        DECIDERS,
        method="post",
        data=lambda w: {"note": "Go ahead"},
    ),
    Row(
        "call-decline",
        lambda w: f"/calls/{w.pending_call.pk}/decline/",
        DECIDERS,
        method="post",
        data=lambda w: {"note": "We visit them next week"},
    ),
    Row("call-cancel", lambda w: f"/calls/{w.planned_call.pk}/cancel/", WINDSOR_EDITS, "post"),
    # a completed call cannot be cancelled: its editors are told so on the call's page
    Row("call-cancel", lambda w: f"/calls/{w.call_b.pk}/cancel/", OSHAWA_EDITS, "post"),
    Row("call-consent", lambda w: f"/calls/{w.call_a.pk}/consent/", WINDSOR_FORM),
    Row(
        "call-consent",
        lambda w: f"/calls/{w.call_b.pk}/consent/",
        OSHAWA_EDITS,
        method="post",
        data=lambda w: {"consent_on": "2026-10-05", "consent_scope": ["college"]},
    ),
    Row("follow-up-add", lambda w: f"/calls/{w.call_a.pk}/follow-ups/add/", WINDSOR_FORM),
    Row(
        "follow-up-add",
        lambda w: f"/calls/{w.call_a.pk}/follow-ups/add/",
        WINDSOR_EDITS,
        method="post",
        data=_referral,
    ),
]
