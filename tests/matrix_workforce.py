"""The skills-map part of the access-matrix world and its rows (see tests/test_access_matrix.py).

Built on ``world`` after ``build_calls``: alice's call ``w.call_a`` (Windsor) named
"Millwright, 4" and "Tool and die maker, 3" as hard to fill, so the call-recorded signal
made two call demand rows for Windsor; ``w.wf_unmapped`` is a name said on that call that
matches no occupation. ``w.wf_program`` is a program of Matrix College (Windsor campus),
an institution no role keeps: only the coordinator edits it. Reference data, supply,
postings, programs and the gap analysis are for everyone signed in; a call's demand rows
stay with the visiting municipality (alice, erin) and the coordinator.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.workforce.models import (
    Campus,
    Demand,
    DemandKind,
    Institution,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)
from tests.access_rows import Row, everyone, only

MONTH = dt.date(2026, 10, 1)


def build_workforce(w: Any) -> None:
    with system_scope("access matrix fixtures"), change_context(user=w.carol, source="tests"):
        millwrights = Occupation.objects.get(noc_code="72400")
        region = Region.objects.get(name="Windsor–Sarnia")
        w.wf_region = region
        LabourSupply.objects.create(
            region=region, occupation=millwrights, period=dt.date(2025, 1, 1),
            employed=2400, unemployed=60, source="matrix",
        )  # fmt: skip
        Demand.objects.create(
            kind=DemandKind.POSTINGS, region=region, occupation=millwrights, month=MONTH,
            count=40, source="matrix",
        )  # fmt: skip
        w.wf_unmapped = Demand.objects.create(
            kind=DemandKind.CALL, stated_occupation="Maintenance planner", region=region,
            month=MONTH, count=2, source="corporate call", call=w.call_a,
            facility=w.windsor_plant, organisation=w.org_a,
        )  # fmt: skip
        college = Institution.objects.create(name="Matrix College")
        campus = Campus.objects.create(institution=college, name="Windsor", municipality=w.windsor)
        w.wf_campus = campus
        w.wf_program = TrainingProgram.objects.create(
            institution=college, code="MX-1", name="Matrix Millwright", credential="diploma",
            length_months=24, seats=30, graduates_per_year=20,
        )  # fmt: skip
        w.wf_program.campuses.set([campus])
        w.wf_program.occupations.set([millwrights])


def _program(w: Any) -> dict[str, Any]:
    return {
        "name": "Matrix Millwright",
        "code": "MX-1",
        "credential": "diploma",
        "length_months": "24",
        "delivery_mode": "in_person",
        "seats": "32",
        "graduates_per_year": "21",
        "campuses": [w.wf_campus.pk],
        "occupations": [Occupation.objects.scoped("matrix").get(noc_code="72400").pk],
        "source": "",
        "loaded_version": w.wf_program.version,
    }


COORDINATOR_ONLY = only({"carol": 200}, 403)

WORKFORCE_PAGES: list[Row] = [
    Row("workforce-gaps", lambda w: "/workforce/", everyone(200)),
    Row(
        "workforce-gaps",
        lambda w: f"/workforce/?region={w.wf_region.pk}&teer=2&q=mill&on=2026-10-31",
        everyone(200),
    ),
    Row("workforce-gaps-csv", lambda w: "/workforce/export.csv?on=2026-10-31", everyone(200)),
    Row("workforce-gaps-xlsx", lambda w: "/workforce/export.xlsx", everyone(200)),
    Row("workforce-heat-map", lambda w: "/workforce/heat-map/?on=2026-10-31", everyone(200)),
    Row("occupation-list", lambda w: "/workforce/occupations/", everyone(200)),
    Row("occupation-detail", lambda w: "/workforce/occupations/72400/", everyone(200)),
    Row(
        "occupation-detail",
        lambda w: f"/workforce/occupations/72400/?region={w.wf_region.pk}",
        everyone(200),
    ),
    Row("occupation-detail", lambda w: "/workforce/occupations/99999/", everyone(404)),
    Row("unmapped-occupations", lambda w: "/workforce/occupations/unmapped/", everyone(200)),
    # bob and dave cannot even see the row (404); erin sees it but may not map it
    Row(
        "map-occupation",
        lambda w: f"/workforce/occupations/unmapped/{w.wf_unmapped.pk}/map/",
        only({"alice": 302, "carol": 302, "erin": 403}, 404),
        method="post",
        data=lambda w: {"noc": "72400"},
    ),
    Row("training-program-list", lambda w: "/workforce/programs/", everyone(200)),
    Row(
        "training-program-list",
        lambda w: (
            f"/workforce/programs/?occupation=72400&region={w.wf_region.pk}&credential=diploma"
        ),
        everyone(200),
    ),
    Row(
        "training-program-detail",
        lambda w: f"/workforce/programs/{w.wf_program.pk}/",
        everyone(200),
    ),
    Row(
        "training-program-edit",
        lambda w: f"/workforce/programs/{w.wf_program.pk}/edit/",
        COORDINATOR_ONLY,
    ),
    Row(
        "training-program-edit",
        lambda w: f"/workforce/programs/{w.wf_program.pk}/edit/",
        only({"carol": 302}, 403),
        method="post",
        data=_program,
    ),
    Row("training-program-create", lambda w: "/workforce/programs/new/", COORDINATOR_ONLY),
    Row(
        "training-program-create",
        lambda w: "/workforce/programs/new/",
        only({"carol": 302}, 403),
        method="post",
        data=lambda w: {
            **_program(w),
            "code": "MX-2",
            "institution": w.wf_campus.institution_id,
            "loaded_version": "",
        },
    ),
]

SIGNED_IN_API = everyone(200, anonymous=401)
WORKFORCE_API: list[Row] = [
    Row(
        "GET /api/v1/workforce/occupations",
        lambda w: "/api/v1/workforce/occupations",
        SIGNED_IN_API,
    ),
    Row(
        "GET /api/v1/workforce/occupations/{noc_code}",
        lambda w: "/api/v1/workforce/occupations/72400",
        SIGNED_IN_API,
    ),
    Row("GET /api/v1/workforce/regions", lambda w: "/api/v1/workforce/regions", SIGNED_IN_API),
    Row(
        "GET /api/v1/workforce/supply",
        lambda w: f"/api/v1/workforce/supply?region={w.wf_region.pk}&occupation=72400",
        SIGNED_IN_API,
    ),
    Row(
        "GET /api/v1/workforce/demand",
        lambda w: "/api/v1/workforce/demand?kind=call",
        SIGNED_IN_API,
    ),
    Row(
        "GET /api/v1/workforce/programs",
        lambda w: "/api/v1/workforce/programs?occupation=72400",
        SIGNED_IN_API,
    ),
    Row(
        "GET /api/v1/workforce/programs/{program_id}",
        lambda w: f"/api/v1/workforce/programs/{w.wf_program.pk}",
        SIGNED_IN_API,
    ),
    Row(
        "PATCH /api/v1/workforce/programs/{program_id}",
        lambda w: f"/api/v1/workforce/programs/{w.wf_program.pk}",
        only({"carol": 200}, 403, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.wf_program.version, "seats": 35},
    ),
    Row(
        "GET /api/v1/workforce/gaps",
        lambda w: "/api/v1/workforce/gaps?on=2026-10-31",
        SIGNED_IN_API,
    ),
]

WORKFORCE_API_LISTS = {
    "/api/v1/workforce/occupations": Occupation,
    "/api/v1/workforce/regions": Region,
    "/api/v1/workforce/supply": LabourSupply,
    "/api/v1/workforce/demand": Demand,
    "/api/v1/workforce/programs": TrainingProgram,
}
