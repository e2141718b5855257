"""The pages that plan and log calls, as officers and the coordinator use them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import client_for
from corridor.calls.models import Approval, Call, CallAnswers, CallStatus, Flag, FollowUp
from corridor.calls.tests.helpers import facility
from corridor.core.scoping import system_scope
from tests.matrix_calls import build_calls


@pytest.fixture
def w(world: Any) -> Any:
    build_calls(world)
    return world


def _system(model: Any) -> Any:
    return model.objects.scoped("tests")


def _plan_data(w: Any, plant: Any, organisation: Any, **extra: Any) -> dict[str, Any]:
    return {
        "facility": plant.pk,
        "organisation": organisation.pk,
        "scheduled_on": "2026-11-03",
        "starts_at": "10:30",
        "purpose": "Retention visit",
        **extra,
    }


# Planning


def test_the_lead_plans_a_call_through_the_page(w: Any) -> None:
    plant = facility("Riverside Stamping", w.windsor)
    alice = client_for(w.alice)
    page = alice.get(f"/calls/plan/?facility={plant.pk}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Who leads calls on this facility" in text and "Windsor Economic Development" in text
    assert "alice@example.org" in text  # who to talk to: the lead's editors
    response = alice.post(
        f"/calls/plan/?facility={plant.pk}",
        _plan_data(w, plant, w.org_a, participants=[w.alice.pk], other_participants="Mayor"),
        follow=True,
    )
    with system_scope("tests"):
        call = Call.objects.get(facility=plant)
        assert list(call.participants.all()) == [w.alice]
    assert response.redirect_chain[-1][0] == f"/calls/{call.pk}/"
    assert call.approval == Approval.NOT_NEEDED
    assert call.starts_at == dt.time(10, 30)
    assert "waits for approval" not in response.content.decode()


def test_a_plan_on_another_municipalitys_facility_waits_and_says_so(w: Any) -> None:
    plant = facility("Riverside Stamping", w.windsor)
    bob = client_for(w.bob)
    page = bob.get(f"/calls/plan/?facility={plant.pk}")
    assert "Windsor Economic Development" in page.content.decode()
    response = bob.post(
        f"/calls/plan/?facility={plant.pk}", _plan_data(w, plant, w.org_b), follow=True
    )
    text = response.content.decode()
    assert (
        "Windsor Economic Development leads calls on this facility: your plan waits for "
        "approval by Windsor Economic Development or the coordinator"
    ) in text
    with system_scope("tests"):
        assert Call.objects.get(facility=plant).approval == Approval.PENDING


def test_planning_refuses_people_of_another_municipality_and_a_second_plan(w: Any) -> None:
    response = client_for(w.carol).post(
        f"/calls/plan/?facility={w.windsor_plant.pk}",
        _plan_data(w, w.windsor_plant, w.org_a, participants=[w.bob.pk]),
    )
    assert response.status_code == 200
    assert "Bob does not act for Windsor Economic Development" in response.content.decode()
    alice = client_for(w.alice)
    page = alice.get(f"/calls/plan/?facility={w.windsor_plant.pk}").content.decode()
    assert f'name="participants" value="{w.bob.pk}"' not in page
    # alice already has a planned call on her second plant: the service's message shows
    response = alice.post(
        f"/calls/plan/?facility={w.windsor_plant_2.pk}",
        _plan_data(w, w.windsor_plant_2, w.org_a),
    )
    assert response.status_code == 200
    assert "already has a call planned" in response.content.decode()


def test_the_plan_page_finds_a_facility_by_name(w: Any) -> None:
    response = client_for(w.bob).get("/calls/plan/?q=mouldings east")
    assert f"?facility={w.windsor_plant_2.pk}" in response.content.decode()


def test_viewers_and_partners_do_not_plan(w: Any) -> None:
    assert client_for(w.erin).get("/calls/plan/").status_code == 403
    assert client_for(w.dave).get("/calls/plan/").status_code == 403
    response = client_for(w.dave).get("/calls/")
    assert response.status_code == 302 and response["Location"] == "/calls/overview/"


# The planner


def test_the_planner_lists_filters_and_shows_a_month(w: Any) -> None:
    bob = client_for(w.bob)
    text = bob.get("/calls/").content.decode()
    assert "Matrix Mouldings East" in text and "Matrix Mouldings Oshawa" in text
    text = bob.get(f"/calls/?organisation={w.org_b.pk}&status=completed").content.decode()
    assert "Matrix Mouldings Oshawa" in text and "Matrix Mouldings East" not in text
    text = bob.get("/calls/?start=2026-10-10&end=2026-10-31").content.decode()
    assert "1 call" in text  # alice's planned call on the 14th
    text = bob.get("/calls/?view=calendar&month=2026-10").content.decode()
    assert "October 2026" in text and "Matrix Mouldings East" in text
    assert "Matrix Mouldings Oshawa" in text
    assert bob.get("/calls/?view=calendar&month=nonsense").status_code == 200
    assert bob.get("/calls/?start=not-a-date").status_code == 200


# Deconfliction decisions


def test_the_lead_and_the_coordinator_decide_others_do_not(w: Any) -> None:
    conflicts = client_for(w.alice).get("/calls/conflicts/").content.decode()
    assert f"/calls/{w.pending_call.pk}/approve/" in conflicts
    bob_view = client_for(w.bob).get("/calls/conflicts/").content.decode()
    assert f"/calls/{w.pending_call.pk}/approve/" not in bob_view
    assert "Matrix Mouldings" in bob_view  # his own plan, waiting
    assert client_for(w.bob).post(f"/calls/{w.pending_call.pk}/approve/").status_code == 403
    assert client_for(w.erin).post(f"/calls/{w.pending_call.pk}/approve/").status_code == 403
    response = client_for(w.alice).post(
        f"/calls/{w.pending_call.pk}/approve/", {"note": "Go ahead", "next": "conflicts"}
    )
    assert response.status_code == 302 and response["Location"] == "/calls/conflicts/"
    w.pending_call.refresh_from_db()
    assert (w.pending_call.approval, w.pending_call.approval_note) == (Approval.LEAD, "Go ahead")


def test_the_coordinator_declines(w: Any) -> None:
    response = client_for(w.carol).post(
        f"/calls/{w.pending_call.pk}/decline/", {"note": "Windsor visits next week"}
    )
    assert response.status_code == 302
    w.pending_call.refresh_from_db()
    assert (w.pending_call.approval, w.pending_call.status) == (
        Approval.DECLINED,
        CallStatus.CANCELLED,
    )


def test_cancelling_a_planned_call(w: Any) -> None:
    assert client_for(w.bob).post(f"/calls/{w.planned_call.pk}/cancel/").status_code == 403
    assert client_for(w.alice).post(f"/calls/{w.planned_call.pk}/cancel/").status_code == 302
    w.planned_call.refresh_from_db()
    assert w.planned_call.status == CallStatus.CANCELLED


# Confidentiality


def test_another_municipality_sees_the_fact_of_the_call_not_the_answers(w: Any) -> None:
    page = client_for(w.bob).get(f"/calls/{w.call_a.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Matrix Mouldings" in text and "Relocation or closure risk" in text
    assert (
        "What the company said is confidential to Windsor Economic Development and the coordinator"
    ) in text
    assert "Ohio" not in text  # the answers and the flag's detail
    assert "Millwright" not in text
    assert "Introduce to APMA" not in text  # the referral's description
    assert client_for(w.bob).get(f"/calls/{w.call_a.pk}/record/").status_code == 403
    response = client_for(w.bob).post(f"/calls/{w.call_a.pk}/autosave/", {"risks.relocation": "no"})
    assert response.status_code == 403
    assert _system(CallAnswers).get(call=w.call_a).draft == {}


def test_the_visiting_municipality_and_the_coordinator_read_the_answers(w: Any) -> None:
    for user in (w.alice, w.erin, w.carol):
        text = client_for(user).get(f"/calls/{w.call_a.pk}/").content.decode()
        assert "Parent company comparing this plant with one in Ohio." in text
        assert "Millwright: 4" in text
        assert "Introduce to APMA" in text
    assert client_for(w.erin).get(f"/calls/{w.call_a.pk}/record/").status_code == 403
    assert client_for(w.dave).get(f"/calls/{w.call_a.pk}/").status_code == 404


# The call form


def test_the_call_form_shows_one_input_per_question_with_the_saved_answers(w: Any) -> None:
    text = client_for(w.alice).get(f"/calls/{w.call_a.pk}/record/").content.decode()
    assert 'name="risks.relocation" value="yes" checked' in text
    assert 'for="q-snapshot-employees-now"' in text and 'value="240"' in text
    assert "Millwright, 4\nTool and die maker, 3" in text
    assert f'hx-post="/calls/{w.call_a.pk}/autosave/"' in text
    assert text.count("<details") == len(w.call_a.template.parsed)


def test_autosave_keeps_a_draft_that_the_form_shows_again(w: Any) -> None:
    alice = client_for(w.alice)
    url = f"/calls/{w.planned_call.pk}/"
    response = alice.post(
        url + "autosave/",
        {"snapshot.employees_now": "12O", "government.programs_of_interest": ["rd", "export"]},
    )
    assert response.status_code == 200 and "Draft saved at" in response.content.decode()
    answers = _system(CallAnswers).get(call=w.planned_call)
    assert answers.draft["snapshot.employees_now"] == "12O"
    assert answers.draft_saved_at is not None and answers.answers == {}
    text = alice.get(url + "record/").content.decode()
    assert 'value="12O"' in text and "The form shows the draft saved at" in text
    assert 'value="export" checked' in text
    assert alice.get(url + "autosave/").status_code == 405


def test_an_unreadable_answer_is_shown_beside_its_field_and_nothing_is_saved(w: Any) -> None:
    url = f"/calls/{w.planned_call.pk}/record/"
    response = client_for(w.alice).post(
        url,
        {
            "action": "complete",
            "snapshot.employees_now": "about forty",
            "snapshot.headquarters": "Windsor, Canada",
            "workforce.hard_to_fill": "Welders lots",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Enter a whole number." in text and 'aria-invalid="true"' in text
    assert "Line 1: write the occupation, then the number" in text
    assert 'value="Windsor, Canada"' in text and 'value="about forty"' in text
    w.planned_call.refresh_from_db()
    assert w.planned_call.status == CallStatus.PLANNED
    assert _system(CallAnswers).get(call=w.planned_call).answers == {}


def test_completing_the_call_raises_flags_and_says_which(w: Any) -> None:
    url = f"/calls/{w.planned_call.pk}/record/"
    response = client_for(w.alice).post(
        url,
        {
            "action": "complete",
            "risks.relocation": "yes",
            "ratings.permits": "2",
            "snapshot.employees_now": "1,200",
            "government.programs_of_interest": ["rd"],
        },
        follow=True,
    )
    text = response.content.decode()
    assert "Call completed" in text
    assert "Flags raised: Red: Relocation or closure risk; Yellow: Permit or infrastructure" in text
    w.planned_call.refresh_from_db()
    assert w.planned_call.status == CallStatus.COMPLETED
    answers = _system(CallAnswers).get(call=w.planned_call)
    assert answers.answers["snapshot.employees_now"] == 1200
    assert answers.draft_saved_at is None
    assert _system(Flag).filter(call=w.planned_call, severity="red").count() == 1


def test_a_plan_waiting_for_approval_is_saved_but_not_completed(w: Any) -> None:
    url = f"/calls/{w.pending_call.pk}/record/"
    bob = client_for(w.bob)
    page = bob.get(url).content.decode()
    assert "Save and mark completed" not in page
    response = bob.post(url, {"action": "complete", "risks.relocation": "no"})
    assert response.status_code == 200
    assert "This call waits for approval." in response.content.decode()
    response = bob.post(url, {"action": "save", "risks.relocation": "no"})
    assert response.status_code == 302


# Consent and referrals


def test_a_referral_needs_consent_then_goes_through(w: Any) -> None:
    alice = client_for(w.alice)
    url = f"/calls/{w.planned_call.pk}/"
    data = {
        "category": "referral",
        "referral_to": w.apma.pk,
        "owner_organisation": w.org_a.pk,
        "owner": w.alice.pk,
        "due_on": "2026-11-20",
        "description": "Introduce to APMA's EV working group",
    }
    response = alice.post(url + "follow-ups/add/", data)
    assert response.status_code == 200
    assert "has not consented to be referred to a industry association" in (
        response.content.decode()
    )
    assert alice.get(url + "consent/").status_code == 200
    response = alice.post(
        url + "consent/",
        {"consent_on": "2026-10-14", "consent_scope": ["association", "college"], "note": ""},
    )
    assert response.status_code == 302
    w.planned_call.refresh_from_db()
    assert w.planned_call.consent_scope == ["association", "college"]
    assert alice.post(url + "follow-ups/add/", data).status_code == 302
    referral = _system(FollowUp).get(call=w.planned_call, referral_to=w.apma)
    assert referral.category == "referral" and referral.owner == w.alice
    text = alice.get(url).content.decode()
    assert "Given on 2026-10-14" in text and "Introduce to APMA&#x27;s EV working group" in text


def test_consent_needs_a_scope_and_others_may_not_record_it(w: Any) -> None:
    url = f"/calls/{w.planned_call.pk}/consent/"
    response = client_for(w.alice).post(url, {"consent_on": "2026-10-14"})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert client_for(w.bob).get(url).status_code == 403
    assert client_for(w.bob).get(f"/calls/{w.planned_call.pk}/follow-ups/add/").status_code == 403


def test_a_follow_up_defaults_to_two_weeks_and_the_visiting_municipality(w: Any) -> None:
    text = client_for(w.alice).get(f"/calls/{w.call_a.pk}/follow-ups/add/").content.decode()
    due = dt.date.today() + dt.timedelta(days=14)
    assert f'value="{due:%Y-%m-%d}"' in text
    assert "Red flag: Relocation or closure risk" in text


# The registry's facility page


def test_the_facility_page_shows_who_leads_and_the_call_history(w: Any) -> None:
    text = client_for(w.bob).get(f"/registry/facilities/{w.windsor_plant.pk}/").content.decode()
    assert "Who leads calls on this facility" in text
    assert "Who to talk to before calling" in text and "alice@example.org" in text
    assert f"/calls/{w.call_a.pk}/" in text and "Relocation or closure risk" in text
    assert f"/calls/plan/?facility={w.windsor_plant.pk}" in text
    assert "Ohio" not in text
    partner = client_for(w.dave).get(f"/registry/facilities/{w.windsor_plant.pk}/")
    assert partner.status_code == 200 and "Who leads calls" not in partner.content.decode()


def test_a_call_whose_planner_left_still_shows(w: Any) -> None:
    # planned_by is kept as NULL when the person's account is removed
    with system_scope("tests"):
        Call._base_manager.filter(pk=w.call_a.pk).update(planned_by=None)
    response = client_for(w.alice).get(f"/calls/{w.call_a.pk}/")
    assert response.status_code == 200
    assert "Planned by</dt><dd>—</dd>" in response.content.decode()
