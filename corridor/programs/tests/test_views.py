"""The program pages: eligibility on the facility page, referrals and who sees them,
a program's campaign, reviewing an uncertain recipient link."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import client_for
from corridor.calls import follow_ups, recording
from corridor.calls.models import Call, Campaign
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs import referrals
from corridor.programs.models import LinkStatus, ProjectRecipient, Referral, ReferralStatus
from corridor.programs.tests.helpers import facility, fund, program, project

pytestmark = pytest.mark.django_db
YESTERDAY = dt.date.today() - dt.timedelta(days=1)


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    w.parts = program("oamp", delivered_by=w.apma)  # APMA (dave's) delivers it
    w.big = program("big", eligibility=[{"kind": "size", "min_employees": 1000}])
    w.plant = facility("Lakeside Stamping", w.windsor, employees=120, naics="336370")
    w.unknown = facility("Quiet Plastics", w.windsor)
    w.oshawa_plant = facility("Durham Trim", w.oshawa, employees=80, naics="336360")
    return w


def _consent(w: Any) -> Call:
    """Windsor's call on the plant, where the company agreed to be referred to associations."""
    with change_context(source="tests"):
        call = plan_call(w.alice, w.plant, w.org_a, YESTERDAY - dt.timedelta(days=7))
        return recording.record_consent(
            w.alice, call, YESTERDAY - dt.timedelta(days=7), ["association"], "At the visit"
        )


def _refer(w: Any) -> Referral:
    _consent(w)
    with change_context(source="tests"):
        return referrals.record_referral(
            w.alice,
            facility=w.plant,
            program=w.parts,
            organisation=w.org_a,
            referred_on=YESTERDAY,
            notes="Wants a robotic cell",
        )


def test_the_facility_page_shows_eligible_programs_with_their_reasons(scene: Any) -> None:
    page = client_for(scene.erin).get(f"/registry/facilities/{scene.plant.pk}/").content.decode()
    assert "1 eligible, 0 possibly eligible (some data missing), 1 not eligible" in page
    assert "Meets:</span> at most 499 employees — 120 employees" in page
    assert "Not eligible (rule: at least 1,000 employees)" in page
    assert "Record a referral" not in page  # erin is a viewer


def test_an_editor_is_sent_to_the_referral_page_from_the_panel(scene: Any) -> None:
    url = f"/programs/referrals/new/{scene.plant.pk}/"
    page = client_for(scene.alice).get(f"/registry/facilities/{scene.plant.pk}/").content.decode()
    assert f'<a class="button" href="{url}">Record a referral to a program</a>' in page
    form = client_for(scene.alice).get(url).content.decode()
    assert 'name="referral-program"' in form and 'name="referral-follow_up"' in form
    # alice refers for one organisation only: it is chosen for her
    assert f'<option value="{scene.org_a.pk}" selected>' in form


def test_missing_data_shows_as_possibly_eligible_naming_what_is_missing(scene: Any) -> None:
    page = client_for(scene.alice).get(f"/registry/facilities/{scene.unknown.pk}/")
    assert "Possibly eligible (missing data: employees, NAICS code)" in page.content.decode()


def test_saying_what_the_company_plans_checks_the_project_rules(scene: Any) -> None:
    url = f"/registry/facilities/{scene.plant.pk}/?project_type=rd"
    page = client_for(scene.alice).get(url).content.decode()
    assert "Fails:</span> a project of technology adoption or lean-manufacturing training" in page


def test_an_officer_records_a_referral_from_the_facility_page(scene: Any) -> None:
    _consent(scene)
    response = client_for(scene.alice).post(
        f"/programs/referrals/new/{scene.plant.pk}/",
        {
            "referral-program": scene.parts.pk,
            "referral-organisation": scene.org_a.pk,
            "referral-referred_on": YESTERDAY.isoformat(),
            "referral-notes": "Robotic cell",
        },
    )
    with system_scope("test reads"):
        referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/programs/referrals/{referral.pk}/"
    assert (referral.referred_to, referral.recorded_by) == (scene.apma, scene.alice)


def test_an_officer_may_not_refer_in_another_municipalitys_name(scene: Any) -> None:
    response = client_for(scene.bob).post(
        f"/programs/referrals/new/{scene.plant.pk}/",
        {
            "referral-program": scene.parts.pk,
            "referral-organisation": scene.org_a.pk,
            "referral-referred_on": YESTERDAY.isoformat(),
        },
    )
    assert response.status_code == 200  # the form again: Windsor is not among bob's choices
    with system_scope("test reads"):
        assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("role", "sees"),
    [("alice", True), ("erin", True), ("carol", True), ("dave", True), ("bob", False)],
)
def test_a_referral_is_seen_by_its_municipality_the_coordinator_and_the_partner(
    scene: Any, role: str, sees: bool
) -> None:
    referral = _refer(scene)
    user = scene.users()[role]
    assert client_for(user).get(f"/programs/referrals/{referral.pk}/").status_code == (
        200 if sees else 404
    )
    listing = client_for(user).get("/programs/referrals/").content.decode()
    assert ("Lakeside Stamping" in listing) is sees


def test_the_partner_records_that_the_referral_was_funded(scene: Any) -> None:
    referral = _refer(scene)
    funded = project(scene.parts, "Robotic cell at Lakeside", contribution=100_000)
    fund(funded, scene.plant)
    response = client_for(scene.dave).get(f"/programs/referrals/{referral.pk}/")
    assert "What came of it" not in response.content.decode()  # dave is a viewer
    response = client_for(scene.carol).post(
        f"/programs/referrals/{referral.pk}/",
        {
            "status": "funded",
            "application_ref": "OAMP-7",
            "funded_project": funded.pk,
            "notes": "",
            "loaded_version": referral.version,
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.funded_project) == (ReferralStatus.FUNDED, funded)
    page = client_for(scene.bob).get(f"/programs/projects/{funded.pk}/").content.decode()
    assert "From a Corridor referral</dt><dd>Yes" in page


def test_a_funded_referral_names_its_project(scene: Any) -> None:
    referral = _refer(scene)
    response = client_for(scene.alice).post(
        f"/programs/referrals/{referral.pk}/",
        {"status": "funded", "loaded_version": referral.version},
    )
    assert "A funded referral names its funded project." in response.content.decode()


def test_the_coordinator_turns_a_programs_target_list_into_a_campaign(scene: Any) -> None:
    page = client_for(scene.carol).get(f"/programs/{scene.parts.pk}/").content.decode()
    assert "Facilities it should reach (3)" in page
    assert "2 of them eligible, the others possibly eligible" in page  # Quiet: no data
    response = client_for(scene.carol).post(
        f"/programs/{scene.parts.pk}/campaign/",
        {"name": "O-AMP push", "focus": "", "starts_on": "2026-01-05", "ends_on": "2026-03-31"},
    )
    with system_scope("test reads"):
        campaign = Campaign.objects.get(name="O-AMP push")
        targets = set(campaign.targets.values_list("name", flat=True))
    assert response["Location"] == f"/calls/campaigns/{campaign.pk}/"
    assert targets == {"Lakeside Stamping", "Durham Trim"}


def test_a_refused_campaign_is_announced_on_the_programs_page(
    scene: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ValidationError("No campaign can start in a closed quarter.")

    monkeypatch.setattr(referrals, "make_campaign", refuse)
    response = client_for(scene.carol).post(
        f"/programs/{scene.parts.pk}/campaign/",
        {"name": "Late", "focus": "", "starts_on": "2026-01-05", "ends_on": "2026-03-31"},
    )
    assert response.status_code == 200
    refusal = "No campaign can start in a closed quarter."
    announced = f'<ul class="errorlist" role="alert"><li>{refusal}</li></ul>'
    assert announced in response.content.decode()


def test_the_target_list_is_read_page_by_page(scene: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from corridor.programs.views import programs

    monkeypatch.setattr(programs, "TARGET_ROWS", 2)
    carol = client_for(scene.carol)
    first = carol.get(f"/programs/{scene.parts.pk}/").content.decode()
    second = carol.get(f"/programs/{scene.parts.pk}/?page=2").content.decode()
    # eligible first, by name: Durham Trim, Lakeside Stamping; then Quiet Plastics
    assert "Durham Trim" in first and "Quiet Plastics" not in first
    assert "Page 1 of 2 (3 in all)" in first and '<a href="?page=2">Next page</a>' in first
    assert "Quiet Plastics" in second and "Durham Trim" not in second
    assert "2 are listed a page; a campaign takes all 3." in first


def test_the_target_list_counts_possibly_eligible_facilities_when_asked(scene: Any) -> None:
    client_for(scene.carol).post(
        f"/programs/{scene.parts.pk}/campaign/",
        {
            "name": "All",
            "starts_on": "2026-01-05",
            "ends_on": "2026-03-31",
            "include_possible": "on",
        },
    )
    with system_scope("test reads"):
        assert Campaign.objects.get(name="All").targets.count() == 3


def test_the_coordinator_confirms_an_uncertain_recipient_link(scene: Any) -> None:
    funded = project(scene.parts, "Imported")
    with system_scope("test fixtures"), change_context(source="tests"):
        recipient = ProjectRecipient.objects.create(
            project=funded,
            name="LAKESIDE STAMPING LTD",
            link_status=LinkStatus.REVIEW,
            candidate=scene.plant,
        )
    url = f"/programs/recipients/{recipient.pk}/link/"
    assert client_for(scene.alice).post(url, {"decision": "confirm"}).status_code == 403
    client_for(scene.carol).post(url, {"decision": "confirm"})
    recipient.refresh_from_db()
    assert (recipient.link_status, recipient.facility) == (LinkStatus.LINKED, scene.plant)


def test_the_analytics_page_shows_the_figures_in_a_table(scene: Any) -> None:
    project(scene.parts, "A", contribution=100_000, total_value=250_000, jobs_created_expected=3)
    page = client_for(scene.dave).get("/programs/analytics/").content.decode()
    assert "<strong>2.50×</strong> <span>leverage</span>" in page
    assert "<strong>3</strong> <span>jobs expected (30.0 per $1M)</span>" in page


def test_a_referral_from_a_call_needs_the_companys_consent(scene: Any) -> None:
    with change_context(source="tests"):
        call = plan_call(scene.alice, scene.plant, scene.org_a, YESTERDAY)
        follow_up = follow_ups.add_follow_up(
            scene.alice,
            facility=scene.plant,
            owner_organisation=scene.org_a,
            due_on=dt.date.today(),
            category="funding",
            call=call,
        )
        with pytest.raises(ValidationError, match="has not agreed to be referred"):
            referrals.record_referral(
                scene.alice,
                facility=scene.plant,
                program=scene.parts,
                organisation=scene.org_a,
                referred_on=YESTERDAY,
                follow_up=follow_up,
            )
        recording.record_consent(scene.alice, call, YESTERDAY, ["association"])
        referral = referrals.record_referral(
            scene.alice,
            facility=scene.plant,
            program=scene.parts,
            organisation=scene.org_a,
            referred_on=YESTERDAY,
            follow_up=follow_up,
        )
    assert (referral.referred_to, referral.follow_up) == (scene.apma, follow_up)
