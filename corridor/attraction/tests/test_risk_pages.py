"""The risk list's pages, dismissals, notices, the periodic task and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from corridor.attraction import assessment, notices_risk, risk, risk_plugins
from corridor.attraction.models import FacilityRisk, RiskDismissal
from corridor.attraction.tests.test_risk_assessment import NOW, flag, plant
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(world: Any) -> Any:
    world.red = plant("Red Windsor", world.windsor, employees=250, latitude=42.3, longitude=-83.0)
    flag(world.red, world.org_a, "red", "relocation_closure")
    world.yellow = plant("Yellow Oshawa", world.oshawa, employees=40)
    flag(world.yellow, world.org_b, "yellow", "workforce")
    world.run = assessment.assess_all(NOW)
    return world


def told(user: Any) -> list[Notification]:
    with system_scope("tests"):
        return list(Notification.objects.filter(recipient=user, kind=notices_risk.KIND))


def test_the_list_defaults_to_the_officers_municipality(listed: Any, as_user: Any) -> None:
    page = as_user("alice").get("/attraction/at-risk/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Red Windsor" in text and "Yellow Oshawa" not in text
    assert "What the company said" not in text
    assert 'id="risk-map-data"' in text and "style=" not in text
    everything = as_user("alice").get("/attraction/at-risk/?municipality=all").content.decode()
    assert "Yellow Oshawa" in everything
    carol = as_user("carol").get("/attraction/at-risk/").content.decode()
    assert "Red Windsor" in carol and "Yellow Oshawa" in carol and "Reassess now" in carol
    assert as_user("dave").get("/attraction/at-risk/").status_code == 403


def test_exports(listed: Any, as_user: Any) -> None:
    response = as_user("carol").get("/attraction/at-risk/?municipality=all&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("Rank,Facility,Municipality,Jobs,Score")
    assert "Red Windsor" in body.splitlines()[1]
    xlsx = as_user("erin").get("/attraction/at-risk/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_dismissal_hides_until_a_new_reason_and_undo(listed: Any, as_user: Any) -> None:
    alice = as_user("alice")
    refused = alice.post(f"/attraction/at-risk/{listed.red.pk}/dismiss/", {"reason": " "})
    assert refused.status_code == 302
    with system_scope("tests"):
        assert not RiskDismissal.objects.exists()
    done = alice.post(
        f"/attraction/at-risk/{listed.red.pk}/dismiss/", {"reason": "New owner keeps the site"}
    )
    assert done.status_code == 302
    assert f'id="risk-{listed.red.pk}"' not in alice.get("/attraction/at-risk/").content.decode()
    assert (
        "New owner keeps the site" in alice.get("/attraction/at-risk/dismissed/").content.decode()
    )
    # the same reasons assessed again: still dismissed; a new reason: back on the list
    assessment.assess_all(NOW + dt.timedelta(hours=1))
    assert [line.facility for line in risk.listed(listed.alice, listed.windsor)] == []
    flag(listed.red, listed.org_a, "yellow", "workforce")
    assessment.assess_all(NOW + dt.timedelta(hours=2))
    assert [line.facility for line in risk.listed(listed.alice, listed.windsor)] == [listed.red]
    # undo
    with system_scope("tests"):
        dismissal = RiskDismissal.objects.get()
    assert (
        as_user("bob").post(f"/attraction/at-risk/dismissals/{dismissal.pk}/undo/").status_code
        == 403
    )
    assert alice.post(f"/attraction/at-risk/dismissals/{dismissal.pk}/undo/").status_code == 302
    with system_scope("tests"):
        assert not RiskDismissal.objects.exists()
        assert RiskDismissal.all_objects.get().is_deleted


def test_who_may_dismiss(listed: Any, as_user: Any) -> None:
    url = f"/attraction/at-risk/{listed.red.pk}/dismiss/"
    assert as_user("erin").post(url, {"reason": "x"}).status_code == 403  # a viewer
    assert as_user("bob").post(url, {"reason": "x"}).status_code == 403  # another municipality
    assert as_user("dave").post(url, {"reason": "x"}).status_code == 403  # a partner
    assert as_user("carol").post(url, {"reason": "Checked"}).status_code == 302
    erin_page = as_user("erin").get("/attraction/at-risk/?municipality=all").content.decode()
    assert "Dismiss this item" not in erin_page


def test_weights_page_only_carol_edits(listed: Any, as_user: Any) -> None:
    assert as_user("erin").get("/attraction/at-risk/weights/").status_code == 200
    assert as_user("dave").get("/attraction/at-risk/weights/").status_code == 403
    assert as_user("alice").post("/attraction/at-risk/weights/", {}).status_code == 403
    page = as_user("carol").get("/attraction/at-risk/weights/").content.decode()
    assert 'name="weight-red_flag"' in page
    form = {
        f"weight-{k}": str(v)
        for k, v in [
            ("red_flag", 50),
            ("yellow_flag", 15),
            ("parent_elsewhere", 25),
            ("parent_cuts", 30),
            ("single_supplier", 20),
            ("lease", 20),
            ("ownership", 15),
            ("no_visit", 10),
        ]
    }
    assert as_user("carol").post("/attraction/at-risk/weights/", form).status_code == 302
    page = as_user("erin").get("/attraction/at-risk/weights/").content.decode()
    assert "40 → 50" in page or "set to 50" in page
    bad = as_user("carol").post("/attraction/at-risk/weights/", {**form, "weight-lease": "lots"})
    assert bad.status_code == 200 and "Give a whole number" in bad.content.decode()


def test_notices_for_new_and_risen_items_not_dismissed_ones(listed: Any) -> None:
    assert notices_risk.tell(listed.run) > 0
    assert any("Red Windsor" in n.title for n in told(listed.alice))
    assert any("Red Windsor" in n.title for n in told(listed.erin))
    assert any("Red Windsor" in n.title for n in told(listed.carol))
    assert not any("Red Windsor" in n.title for n in told(listed.bob))
    assert told(listed.dave) == []
    assert all("company said" not in n.body for n in told(listed.alice))
    # once only
    assert notices_risk.tell(listed.run) == 0
    # dismissed: a rise in score with the same reasons tells nobody
    with change_context(user=listed.alice, source="tests"):
        risk.dismiss(listed.alice, listed.red, "Known and handled")
    flag(listed.red, listed.org_a, "red", "downsizing", days_old=200)
    run = assessment.assess_all(NOW + dt.timedelta(days=1))
    before = len(told(listed.alice))
    notices_risk.tell(run)
    assert len(told(listed.alice)) == before
    # a new reason: told again
    flag(listed.red, listed.org_a, "yellow", "workforce")
    notices_risk.tell(assessment.assess_all(NOW + dt.timedelta(days=2)))
    assert len(told(listed.alice)) == before + 1


def test_small_rises_are_not_told(listed: Any) -> None:
    change = assessment.Change(1, 50, 60, "red_flag", "red_flag")
    assert not notices_risk.worth_telling(change, 40)
    assert notices_risk.worth_telling(assessment.Change(1, 50, 90, "red_flag", "red_flag"), 40)
    assert notices_risk.worth_telling(assessment.Change(1, None, 10, "lease", ""), 40)


def test_the_daily_task_is_registered_and_runs(listed: Any) -> None:
    from corridor.jobs import periodic
    from corridor.jobs.worker import run_queued

    found = {p.name: p for p in periodic.registered()}
    assert risk_plugins.NAME in found
    assert found[risk_plugins.NAME].at == dt.time(6, 0)
    assert found[risk_plugins.NAME].task is risk_plugins.assess_risk_task
    with system_scope("tests"):
        FacilityRisk.objects.all().delete()
    job = risk_plugins.queue_reassessment(listed.carol)
    run_queued()
    with system_scope("tests"):
        job.refresh_from_db()
        assert FacilityRisk.objects.count() == 2
    assert job.status == "succeeded" and job.result_url == "/attraction/at-risk/"


def test_reassess_button_is_the_coordinators(listed: Any, as_user: Any) -> None:
    assert as_user("alice").post("/attraction/at-risk/reassess/").status_code == 403
    response = as_user("carol").post("/attraction/at-risk/reassess/")
    assert response.status_code == 302 and response["Location"].startswith("/jobs/")


def test_command(listed: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("assess_risk", stdout=out)
    assert "2 facilities at risk" in out.getvalue()


def test_api(listed: Any, as_user: Any) -> None:
    from corridor.core.models import ApiToken

    def api(name: str) -> Any:
        user = listed.users()[name]
        with change_context(user=user, source="tests"):
            _, secret = ApiToken.issue(user, "tests")
        client = as_user("anonymous")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
        return client

    body = api("erin").get("/api/v1/at-risk", {"municipality": listed.windsor.pk}).json()
    assert body["count"] == 1 and body["items"][0]["facility"] == "Red Windsor"
    item = body["items"][0]
    assert item["reasons"][0]["reason"] == "red_flag" and item["reasons"][0]["weight"] == 40
    assert set(item) >= {"id", "facility_id", "score", "jobs", "reasons", "first_listed_at"}
    assert api("carol").get("/api/v1/at-risk", {"min_score": 50}).json()["count"] == 1
    assert api("dave").get("/api/v1/at-risk").json()["count"] == 0
    url = f"/api/v1/at-risk/{listed.red.pk}/dismiss"
    assert (
        api("erin").post(url, {"reason": "x"}, content_type="application/json").status_code == 403
    )
    assert api("alice").post(url, {}, content_type="application/json").status_code == 422
    made = api("alice").post(url, {"reason": "Handled"}, content_type="application/json")
    assert made.status_code == 201 and made.json()["reasons"] == ["no_visit", "red_flag"]
    listing = api("bob").get("/api/v1/risk-dismissals").json()
    assert listing["count"] == 1
    undo = f"/api/v1/risk-dismissals/{made.json()['id']}/undo"
    assert api("bob").post(undo).status_code == 403
    assert api("alice").post(undo).status_code == 200
    weights_body = api("erin").get("/api/v1/risk-weights").json()
    assert weights_body[0] == {
        "reason": "red_flag", "label": "Red flag on a call", "weight": 40, "default": 40,
        "explanation": weights_body[0]["explanation"], "version": None,
    }  # fmt: skip
    put = "/api/v1/risk-weights/lease"
    payload = {"weight": 25}
    assert api("alice").put(put, payload, content_type="application/json").status_code == 403
    changed = api("carol").put(put, payload, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["weight"] == 25
    stale = api("carol").put(put, {"weight": 30, "version": 7}, content_type="application/json")
    assert stale.status_code == 409
    assert (
        api("carol")
        .put("/api/v1/risk-weights/nope", payload, content_type="application/json")
        .status_code
        == 422
    )
    assert timezone.now()
