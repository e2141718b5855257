"""Access-matrix rows for the programs API (the same policy as the pages)."""

from __future__ import annotations

from typing import Any

from corridor.programs.models import FundedProject, FundingProgram, Referral
from tests.access_rows import Row, everyone
from tests.matrix_programs_pages import _roles

READERS = _roles(alice=200, bob=404, carol=200, dave=200, erin=200, anonymous=401)
EDITORS = _roles(alice=200, bob=404, carol=200, dave=403, erin=403, anonymous=401)
CREATORS = _roles(alice=201, bob=403, carol=201, dave=403, erin=403, anonymous=401)
# the company never agreed to be referred to APMA: refused (bob may not refer for Windsor)
NO_CONSENT = _roles(alice=422, bob=403, carol=422, dave=403, erin=403, anonymous=401)


def _referral(w: Any) -> dict[str, Any]:
    # Windsor's call on its plant (w.call_a) recorded the consent to associations (APMA)
    return {"facility_id": w.windsor_plant.pk, "program_id": w.pg_program.pk,
            "organisation_id": w.org_a.pk, "notes": "From the matrix"}  # fmt: skip


def _referral_without_consent(w: Any) -> dict[str, Any]:
    return {"facility_id": w.facility.pk, "program_id": w.pg_program.pk,
            "organisation_id": w.org_a.pk, "notes": "From the matrix"}  # fmt: skip


PROGRAM_API: list[Row] = [
    Row("GET /api/v1/programs", lambda w: "/api/v1/programs", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/programs/{program_id}",
        lambda w: f"/api/v1/programs/{w.pg_program.pk}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/programs/{program_id}/targets",
        lambda w: f"/api/v1/programs/{w.pg_program.pk}/targets",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}/eligibility",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/eligibility?project_type=rd&partners=2",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}/eligibility",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/eligibility?project_type=parties",
        everyone(422, anonymous=401),
    ),
    Row(
        "GET /api/v1/funded-projects",
        lambda w: f"/api/v1/funded-projects?program={w.pg_program.pk}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/funded-projects/{project_id}",
        lambda w: f"/api/v1/funded-projects/{w.pg_project.pk}",
        everyone(200, anonymous=401),
    ),
    Row("GET /api/v1/referrals", lambda w: "/api/v1/referrals", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/referrals/{referral_id}",
        lambda w: f"/api/v1/referrals/{w.pg_referral_a.pk}",
        READERS,
    ),
    Row(
        "POST /api/v1/referrals",
        lambda w: "/api/v1/referrals",
        CREATORS,
        method="post",
        data=_referral,
    ),
    Row(
        "POST /api/v1/referrals",
        lambda w: "/api/v1/referrals",
        NO_CONSENT,
        method="post",
        data=_referral_without_consent,
    ),
    Row(
        "POST /api/v1/referrals/{referral_id}",
        lambda w: f"/api/v1/referrals/{w.pg_referral_a.pk}",
        EDITORS,
        method="post",
        data=lambda w: {"version": w.pg_referral_a.version, "status": "applied"},
    ),
]

PROGRAM_API_LISTS = {
    "/api/v1/programs": FundingProgram,
    "/api/v1/funded-projects": FundedProject,
    "/api/v1/referrals": Referral,
}
