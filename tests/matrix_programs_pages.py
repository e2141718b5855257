"""Access-matrix rows for the program pages; the world is built in tests/matrix_programs.py.

Programs, funded projects and analytics are for everyone signed in; the coordinator
makes campaigns, corrects programs and reviews recipient links; a referral is seen by the referring
municipality (Windsor: alice, erin), the coordinator and the referred partner (dave's
APMA), and changed by their editors (dave is a viewer); bob gets 404. Recording a referral
to APMA needs the company's consent on Windsor's call: the Windsor plant has it
(``w.call_a``), ``w.facility`` does not.
"""

from __future__ import annotations

from typing import Any

from tests.access_rows import Row, coordinator, everyone


def _roles(
    alice: int, bob: int, carol: int, dave: int, erin: int, anonymous: int = 302
) -> dict[str, int]:
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin,
            "anonymous": anonymous}  # fmt: skip


REFERRAL_READERS = _roles(alice=200, bob=404, carol=200, dave=200, erin=200)
REFERRAL_EDITORS = _roles(alice=302, bob=404, carol=302, dave=403, erin=403)
# Recording a referral: municipal editors and the coordinator (bob: the form again,
# since Windsor is not his to refer for).
REFERRERS = _roles(alice=200, bob=200, carol=200, dave=403, erin=403)
REFERRAL_POST = _roles(alice=302, bob=200, carol=302, dave=403, erin=403)
# without the company's consent to APMA's kind: the form again, with the refusal
REFERRAL_REFUSED = _roles(alice=200, bob=200, carol=200, dave=403, erin=403)


def _referral(w: Any) -> dict[str, Any]:
    # on the Windsor plant, whose call (w.call_a, 2026-10-05) recorded the consent
    return {"referral-program": w.pg_program.pk, "referral-organisation": w.org_a.pk,
            "referral-referred_on": "2026-10-06"}  # fmt: skip


PROGRAM_PAGES: list[Row] = [
    Row("program-list", lambda w: "/programs/", everyone(200)),
    Row("program-detail", lambda w: f"/programs/{w.pg_program.pk}/", everyone(200)),
    Row("program-edit", lambda w: f"/programs/{w.pg_program.pk}/edit/", coordinator(200, 403, 403)),
    Row(
        "program-edit",
        lambda w: f"/programs/{w.pg_program.pk}/edit/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {
            "name": "Matrix Parts Program",
            "short_name": "MPP",
            "jurisdiction": "provincial",
            "status": "open",
            "loaded_version": w.pg_program.version,
        },
    ),
    Row(
        "program-campaign",
        lambda w: f"/programs/{w.pg_program.pk}/campaign/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {"name": "Matrix push", "starts_on": "2026-11-01", "ends_on": "2026-12-01"},
    ),
    Row("funded-project-list", lambda w: "/programs/projects/", everyone(200)),
    Row(
        "funded-project-list",
        lambda w: (
            f"/programs/projects/?q=robot&program={w.pg_program.pk}"
            f"&municipality={w.windsor.pk}&review=1"
        ),
        everyone(200),
    ),
    Row("funded-project-detail", lambda w: f"/programs/projects/{w.pg_project.pk}/", everyone(200)),
    Row(
        "recipient-link",
        lambda w: f"/programs/recipients/{w.pg_recipient.pk}/link/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {"decision": "confirm"},
    ),
    Row("referral-list", lambda w: "/programs/referrals/?status=referred", everyone(200)),
    Row(
        "referral-detail", lambda w: f"/programs/referrals/{w.pg_referral_a.pk}/", REFERRAL_READERS
    ),
    Row(
        "referral-detail",
        lambda w: f"/programs/referrals/{w.pg_referral_a.pk}/",
        REFERRAL_EDITORS,
        method="post",
        data=lambda w: {"status": "applied", "loaded_version": w.pg_referral_a.version},
    ),
    Row("referral-create", lambda w: f"/programs/referrals/new/{w.facility.pk}/", REFERRERS),
    Row(
        "referral-create",
        lambda w: f"/programs/referrals/new/{w.windsor_plant.pk}/",
        REFERRAL_POST,
        method="post",
        data=_referral,
    ),
    Row(
        "referral-create",
        lambda w: f"/programs/referrals/new/{w.facility.pk}/",
        REFERRAL_REFUSED,
        method="post",
        data=_referral,
    ),
    Row("program-analytics", lambda w: "/programs/analytics/", everyone(200)),
    Row(
        "facility-detail",
        lambda w: f"/registry/facilities/{w.facility.pk}/?project_type=rd&partners=2",
        everyone(200),
    ),
]
