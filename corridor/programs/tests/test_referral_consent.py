"""A referral of a company to a partner needs the company's consent, recorded on a call of
the referring municipality on that facility (the coordinator may use any municipality's);
the same rule through the API and the page (``referrals.record_referral``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from conftest import client_for
from corridor.calls import follow_ups, recording
from corridor.calls.models import Call, FollowUp
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.programs.models import LinkStatus, ProjectRecipient, Referral
from corridor.programs.tests.helpers import facility, program, project

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
VISITED = TODAY - dt.timedelta(days=10)
CONSENTED = TODAY - dt.timedelta(days=9)
REFERRED = TODAY - dt.timedelta(days=1)
MISSING_ID = 987_654


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    w.parts = program("oamp", delivered_by=w.apma)  # APMA (an association) delivers it
    w.inhouse = program("inhouse", delivered_by=None)  # nobody outside receives the referral
    w.plant = facility("Lakeside Stamping", w.windsor, employees=120, naics="336370")
    w.other_plant = facility("Quiet Plastics", w.windsor, employees=60, naics="336390")
    return w


def _call(w: Any, user: Any, organisation: Any, scope: list[str] | None, on: Any = None) -> Call:
    """A call of ``organisation`` on the plant; ``scope``: the consent recorded on it."""
    with change_context(source="tests"):
        call = plan_call(user, on or w.plant, organisation, VISITED)
        if scope is not None:
            recording.record_consent(user, call, CONSENTED, scope, "Agreed at the end")
    return call


def _follow_up(w: Any, user: Any, call: Call) -> FollowUp:
    with change_context(source="tests"):
        return follow_ups.add_follow_up(
            user,
            facility=call.facility,
            owner_organisation=call.organisation,
            due_on=TODAY + dt.timedelta(days=7),
            category="funding",
            call=call,
        )


def _referrals() -> list[Referral]:
    with system_scope("test reads"):
        return list(Referral.objects.order_by("pk"))


# the API


def _post(w: Any, user: Any, organisation: Any, **extra: Any) -> Any:
    body = {
        "facility_id": w.plant.pk,
        "program_id": w.parts.pk,
        "organisation_id": organisation.pk,
        "referred_on": REFERRED.isoformat(),
        **extra,
    }
    return client_for(user).post(
        "/api/v1/referrals", json.dumps(body), content_type="application/json"
    )


def _refused(response: Any, field: str) -> str:
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("invalid", field)
    assert not _referrals()
    return str(error["message"])


def test_api_a_referral_without_a_follow_up_or_consent_is_refused(scene: Any) -> None:
    message = _refused(_post(scene, scene.alice, scene.org_a), "program_id")
    assert "Lakeside Stamping has not agreed to be referred to an industry association" in message
    assert "record the company's consent" in message
    assert client_for(scene.dave).get("/api/v1/referrals").json()["count"] == 0


def test_api_a_call_without_consent_does_not_do(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, None)
    _refused(_post(scene, scene.alice, scene.org_a), "program_id")


def test_api_a_municipality_that_never_called_the_company_may_not_refer_it(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])  # Windsor has the consent
    message = _refused(_post(scene, scene.bob, scene.org_b), "program_id")
    assert "Oshawa Economic Development" in message


def test_api_another_municipalitys_follow_up_reads_as_one_that_is_not_there(scene: Any) -> None:
    windsor = _call(scene, scene.alice, scene.org_a, ["association"])
    theirs = _follow_up(scene, scene.alice, windsor)
    elsewhere = _follow_up(scene, scene.alice, _call(scene, scene.alice, scene.org_a, None,
                                                     on=scene.other_plant))  # fmt: skip
    _call(scene, scene.bob, scene.org_b, ["association"])  # Oshawa has its own consent too
    cited = _refused(_post(scene, scene.bob, scene.org_b, follow_up_id=theirs.pk), "follow_up_id")
    missing = _refused(
        _post(scene, scene.bob, scene.org_b, follow_up_id=MISSING_ID), "follow_up_id"
    )
    # alice's own follow-up, but about another facility
    other = _refused(
        _post(scene, scene.alice, scene.org_a, follow_up_id=elsewhere.pk), "follow_up_id"
    )
    assert cited == missing == other
    assert "Lakeside" not in cited and "Quiet" not in cited and "Windsor" not in cited


def test_api_with_consent_from_its_own_call_the_partner_sees_the_referral(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    response = _post(scene, scene.alice, scene.org_a, notes="Wants a robotic cell")
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["referred_to_id"], created["follow_up_id"]) == (scene.apma.pk, None)
    listed = client_for(scene.dave).get("/api/v1/referrals").json()["items"]
    assert [r["id"] for r in listed] == [created["id"]]
    assert client_for(scene.dave).get(f"/api/v1/referrals/{created['id']}").status_code == 200


def test_api_citing_its_own_follow_up_with_consent_is_accepted(scene: Any) -> None:
    call = _call(scene, scene.alice, scene.org_a, ["association", "college"])
    mine = _follow_up(scene, scene.alice, call)
    response = _post(scene, scene.alice, scene.org_a, follow_up_id=mine.pk)
    assert (response.status_code, response.json()["follow_up_id"]) == (201, mine.pk)


def test_api_the_coordinator_refers_on_a_municipalitys_call_with_consent(scene: Any) -> None:
    call = _call(scene, scene.alice, scene.org_a, ["association"])
    windsors = _follow_up(scene, scene.alice, call)
    response = _post(scene, scene.carol, scene.office, follow_up_id=windsors.pk)
    assert response.status_code == 201, response.content
    # and without citing the follow-up: Windsor's call holds the consent
    response = _post(scene, scene.carol, scene.office, referred_on=TODAY.isoformat())
    assert response.status_code == 201, response.content


def test_api_the_coordinator_needs_a_consent_too(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, None)
    _refused(_post(scene, scene.carol, scene.office), "program_id")


def test_api_a_consent_that_does_not_cover_the_partners_kind_is_refused(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["college", "union"])
    message = _refused(_post(scene, scene.alice, scene.org_a), "program_id")
    assert "an industry association" in message


def test_api_a_consent_given_after_the_referral_does_not_cover_it(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    before = (CONSENTED - dt.timedelta(days=1)).isoformat()
    _refused(_post(scene, scene.alice, scene.org_a, referred_on=before), "program_id")


def test_api_a_withdrawn_consent_no_longer_covers_a_referral(scene: Any) -> None:
    call = _call(scene, scene.alice, scene.org_a, ["association"])
    with change_context(source="tests"):
        recording.record_consent(scene.alice, call, None, [], "Withdrawn by phone")
    _refused(_post(scene, scene.alice, scene.org_a), "program_id")


def test_api_a_referral_to_a_program_nobody_outside_receives_needs_no_consent(
    scene: Any,
) -> None:
    response = _post(scene, scene.alice, scene.org_a, program_id=scene.inhouse.pk)
    assert response.status_code == 201, response.content
    assert response.json()["referred_to_id"] is None
    assert client_for(scene.dave).get("/api/v1/referrals").json()["count"] == 0
    assert client_for(scene.bob).get("/api/v1/referrals").json()["count"] == 0
    assert client_for(scene.carol).get("/api/v1/referrals").json()["count"] == 1


def test_api_the_same_referral_on_the_same_day_is_refused(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    assert _post(scene, scene.alice, scene.org_a).status_code == 201
    again = _post(scene, scene.alice, scene.org_a)
    assert again.status_code == 422
    assert again.json()["error"]["field"] == "program_id"
    assert "already referred" in again.json()["error"]["message"]
    assert len(_referrals()) == 1
    assert _post(scene, scene.alice, scene.org_a, referred_on=TODAY.isoformat()).status_code == 201


def test_api_a_partner_organisation_does_not_refer(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    response = _post(scene, scene.carol, scene.apma)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "organisation_id"


def test_api_a_referral_is_funded_only_by_a_project_of_its_company(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    created = _post(scene, scene.alice, scene.org_a).json()
    stranger = project(scene.parts, "Robotic cell at Quiet Plastics")
    _recipient(stranger, scene.other_plant)
    update = {"version": created["version"], "status": "funded", "funded_project_id": stranger.pk}
    response = client_for(scene.carol).post(
        f"/api/v1/referrals/{created['id']}", json.dumps(update), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "funded_project_id"


# the page


def _form(w: Any, user: Any, organisation: Any, **extra: Any) -> Any:
    data = {
        "referral-program": w.parts.pk,
        "referral-organisation": organisation.pk,
        "referral-referred_on": REFERRED.isoformat(),
        "referral-notes": "",
        **{f"referral-{k}": v for k, v in extra.items()},
    }
    return client_for(user).post(f"/programs/referrals/new/{w.plant.pk}/", data)


def _follow_up_choices(w: Any, user: Any) -> set[str]:
    page = client_for(user).get(f"/programs/referrals/new/{w.plant.pk}/").content.decode()
    select = re.search(r'<select name="referral-follow_up".*?</select>', page, re.S)
    assert select is not None
    return set(re.findall(r'<option value="(\d+)"', select.group(0)))


def _form_refused(response: Any, field: str) -> str:
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert not _referrals()
    return str(form.errors[field][0])


def test_page_a_referral_to_a_partner_before_any_consent_is_refused(scene: Any) -> None:
    response = _form(scene, scene.alice, scene.org_a)
    message = _form_refused(response, "program")
    assert "has not agreed to be referred to an industry association" in message
    assert "has not agreed to be referred" in response.content.decode()


def test_page_a_municipality_that_never_called_the_company_may_not_refer_it(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    _form_refused(_form(scene, scene.bob, scene.org_b), "program")


def test_page_another_municipalitys_follow_up_is_not_offered_nor_taken(scene: Any) -> None:
    windsor = _call(scene, scene.alice, scene.org_a, ["association"])
    theirs = _follow_up(scene, scene.alice, windsor)
    _call(scene, scene.bob, scene.org_b, ["association"])
    assert _follow_up_choices(scene, scene.bob) == set()
    assert _follow_up_choices(scene, scene.carol) == {str(theirs.pk)}
    cited = _form_refused(_form(scene, scene.bob, scene.org_b, follow_up=theirs.pk), "follow_up")
    missing = _form_refused(_form(scene, scene.bob, scene.org_b, follow_up=MISSING_ID), "follow_up")
    assert cited == missing
    # the API says the same
    api = _refused(_post(scene, scene.bob, scene.org_b, follow_up_id=theirs.pk), "follow_up_id")
    assert api == cited


def test_page_with_consent_from_its_own_call_the_partner_sees_the_referral(scene: Any) -> None:
    call = _call(scene, scene.alice, scene.org_a, ["association"])
    mine = _follow_up(scene, scene.alice, call)
    assert _follow_up_choices(scene, scene.alice) == {str(mine.pk)}
    response = _form(scene, scene.alice, scene.org_a, follow_up=mine.pk)
    assert response.status_code == 302
    [referral] = _referrals()
    assert (referral.referred_to, referral.follow_up) == (scene.apma, mine)
    assert client_for(scene.dave).get(f"/programs/referrals/{referral.pk}/").status_code == 200


def test_page_the_coordinator_refers_on_a_municipalitys_call_with_consent(scene: Any) -> None:
    call = _call(scene, scene.alice, scene.org_a, ["association"])
    windsors = _follow_up(scene, scene.alice, call)
    response = _form(scene, scene.carol, scene.office, follow_up=windsors.pk)
    assert response.status_code == 302
    assert [r.organisation for r in _referrals()] == [scene.office]


def test_page_a_consent_that_does_not_cover_the_partners_kind_is_refused(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["college"])
    message = _form_refused(_form(scene, scene.alice, scene.org_a), "program")
    assert "an industry association" in message


def test_page_the_same_referral_twice_on_one_day_is_refused(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    assert _form(scene, scene.alice, scene.org_a).status_code == 302
    again = _form(scene, scene.alice, scene.org_a, notes="Clicked twice")
    assert again.status_code == 200
    message = str(again.context["form"].errors["program"][0])
    assert message.startswith(
        f"Lakeside Stamping was already referred to OAMP on {REFERRED:%Y-%m-%d}"
    )
    assert len(_referrals()) == 1


def _recipient(funded: Any, plant: Any) -> None:
    with system_scope("test fixtures"), change_context(source="tests"):
        ProjectRecipient.objects.create(
            project=funded,
            name=plant.name,
            facility=plant,
            company=plant.company,
            link_status=LinkStatus.LINKED,
        )


def test_page_offers_only_the_companys_own_funded_projects(scene: Any) -> None:
    _call(scene, scene.alice, scene.org_a, ["association"])
    assert _form(scene, scene.alice, scene.org_a).status_code == 302
    [referral] = _referrals()
    own = project(scene.parts, "Robotic cell at Lakeside")
    _recipient(own, scene.plant)
    stranger = project(scene.parts, "Robotic cell at Quiet Plastics")
    _recipient(stranger, scene.other_plant)
    unlinked = project(scene.parts, "Robotic cell somewhere")
    url = f"/programs/referrals/{referral.pk}/"
    page = client_for(scene.carol).get(url).content.decode()
    assert "Robotic cell at Lakeside" in page
    assert "Robotic cell at Quiet Plastics" not in page and "Robotic cell somewhere" not in page
    for other in (stranger, unlinked):
        response = client_for(scene.carol).post(
            url, {"status": "funded", "funded_project": other.pk, "loaded_version": 1}
        )
        assert response.status_code == 200
        assert "funded_project" in response.context["form"].errors
    response = client_for(scene.carol).post(
        url, {"status": "funded", "funded_project": own.pk, "loaded_version": 1}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.funded_project == own


def test_a_government_partner_needs_a_government_consent(scene: Any) -> None:
    with system_scope("test fixtures"), change_context(source="tests"):
        fedgov = Organisation.objects.create(
            name="FedDev Ontario", kind=OrganisationKind.GOVERNMENT
        )
    regi = program("regi", delivered_by=fedgov)
    _call(scene, scene.alice, scene.org_a, ["association"])
    message = _refused(_post(scene, scene.alice, scene.org_a, program_id=regi.pk), "program_id")
    assert "a government" in message
