"""The programs API: eligibility of a facility, programs by their names, referrals."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from conftest import client_for
from corridor.calls import recording
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.models import Referral
from corridor.programs.tests.helpers import facility, fund, program, project

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    w.parts = program("oamp", delivered_by=w.apma, aliases="Automotive Modernization Program")
    w.plant = facility("Lakeside Stamping", w.windsor, employees=120, naics="336370")
    return w


def test_the_eligibility_of_a_facility_gives_each_programs_verdict_and_reasons(
    scene: Any,
) -> None:
    body = client_for(scene.dave).get(f"/api/v1/facilities/{scene.plant.pk}/eligibility").json()
    [verdict] = body
    assert (verdict["status"], verdict["label"]) == ("eligible", "Eligible")
    size = next(r for r in verdict["results"] if r["kind"] == "size")
    assert (size["passed"], size["reason"]) == (True, "120 employees")
    kind = next(r for r in verdict["results"] if r["kind"] == "project_type")
    assert (kind["passed"], kind["condition"]) == (None, True)


def test_giving_the_project_checks_its_conditions(scene: Any) -> None:
    url = f"/api/v1/facilities/{scene.plant.pk}/eligibility?project_type=rd"
    [verdict] = client_for(scene.alice).get(url).json()
    assert verdict["status"] == "not_eligible"
    assert verdict["label"].startswith("Not eligible (rule: a project of technology adoption")


def test_a_program_lists_every_name_it_goes_by(scene: Any) -> None:
    body = client_for(scene.bob).get(f"/api/v1/programs/{scene.parts.pk}").json()
    assert body["aliases"] == ["Parts Program oamp", "OAMP", "Automotive Modernization Program"]
    assert body["rules"][1] == {
        "kind": "size",
        "wording": "at most 499 employees",
        "rule": {"kind": "size", "max_employees": 499},
    }


def test_an_officer_records_a_referral_and_the_coordinator_marks_it_funded(scene: Any) -> None:
    with change_context(source="tests"):  # the company agreed on Windsor's call
        call = plan_call(scene.alice, scene.plant, scene.org_a, dt.date(2026, 1, 12))
        recording.record_consent(scene.alice, call, dt.date(2026, 1, 12), ["association"])
    payload = {
        "facility_id": scene.plant.pk,
        "program_id": scene.parts.pk,
        "organisation_id": scene.org_a.pk,
        "referred_on": "2026-01-15",
    }
    response = client_for(scene.alice).post(
        "/api/v1/referrals", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201
    created = response.json()
    assert created["referred_to_id"] == scene.apma.pk
    funded = project(scene.parts, "Robotic cell", contribution=90_000)
    fund(funded, scene.plant)
    update = {"version": created["version"], "status": "funded", "funded_project_id": funded.pk}
    response = client_for(scene.carol).post(
        f"/api/v1/referrals/{created['id']}", json.dumps(update), content_type="application/json"
    )
    assert (response.status_code, response.json()["status"]) == (200, "funded")
    stale = client_for(scene.alice).post(
        f"/api/v1/referrals/{created['id']}", json.dumps(update), content_type="application/json"
    )
    assert stale.status_code == 409


def test_a_referral_in_the_future_is_refused_with_its_field(scene: Any) -> None:
    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    payload = {
        "facility_id": scene.plant.pk,
        "program_id": scene.parts.pk,
        "organisation_id": scene.org_a.pk,
        "referred_on": later,
    }
    response = client_for(scene.alice).post(
        "/api/v1/referrals", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "referred_on"
    with system_scope("test reads"):
        assert not Referral.objects.exists()
