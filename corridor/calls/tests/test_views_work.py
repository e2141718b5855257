"""The pages that act on calls: follow-ups, flags, campaigns, leads, dashboards, templates."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from conftest import client_for
from corridor.calls.models import (
    Call,
    CallTemplate,
    Campaign,
    Flag,
    FlagStatus,
    FollowUp,
    FollowUpStatus,
    LeadAssignment,
)
from corridor.calls.template_versions import current_template
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from tests.matrix_calls import build_calls


@pytest.fixture
def w(world: Any) -> Any:
    build_calls(world)
    return world


def _text(response: Any) -> str:
    return response.content.decode()


def _reload(obj: Any) -> Any:
    with system_scope("tests read the stored state"):
        return type(obj).all_objects.get(pk=obj.pk)


# Follow-ups


def test_my_follow_ups_lists_mine_and_my_organisations_with_overdue_in_words(w: Any) -> None:
    page = _text(client_for(w.alice).get("/calls/follow-ups/"))
    assert "Matrix Mouldings" in page
    assert "Respond to the red flag" in page  # alice's own follow-up, readable
    assert "Introduce to APMA" in page
    # respond-by of the DAY (2026-10-05) red flag is long past today
    if timezone.localdate() > w.follow_up_a.due_on:
        assert "Overdue by" in page
    assert "Mark done" in page


def test_bob_sees_the_status_of_alices_follow_ups_but_not_their_text(w: Any) -> None:
    page = _text(client_for(w.bob).get("/calls/follow-ups/?whose=all&status=all"))
    assert "Matrix Mouldings" in page
    assert "Respond to the red flag" not in page
    assert "Introduce to APMA" not in page
    assert "confidential" in page


def test_a_partner_sees_only_the_referrals_addressed_to_it(w: Any) -> None:
    page = _text(client_for(w.dave).get("/calls/follow-ups/"))
    assert "Referrals to us" in page
    assert "Introduce to APMA" in page  # the referral's description
    assert "Windsor Economic Development" in page  # who referred
    assert "Respond to the red flag" not in page  # alice's retention follow-up
    assert "1 follow-up" in page
    assert "Mark done" not in page  # dave is a viewer


def test_completing_a_follow_up_closes_its_flag(w: Any) -> None:
    client = client_for(w.alice)
    form = client.get(f"/calls/follow-ups/{w.follow_up_a.pk}/done/")
    assert form.status_code == 200
    assert "Outcome" in _text(form)
    response = client.post(
        f"/calls/follow-ups/{w.follow_up_a.pk}/done/",
        {"outcome": "Met the plant manager; site-selection help offered."},
        follow=True,
    )
    assert "flag is now closed" in _text(response)
    assert _reload(w.follow_up_a).status == FollowUpStatus.DONE
    assert _reload(w.flag_a).status == FlagStatus.CLOSED


def test_others_may_not_complete_or_cancel_alices_follow_up(w: Any) -> None:
    for name in ("bob", "erin"):
        client = client_for(getattr(w, name))
        assert client.get(f"/calls/follow-ups/{w.follow_up_a.pk}/done/").status_code == 403
        assert client.post(f"/calls/follow-ups/{w.follow_up_a.pk}/cancel/").status_code == 403
    assert (
        client_for(w.dave).post(f"/calls/follow-ups/{w.follow_up_a.pk}/cancel/").status_code == 404
    )
    assert _reload(w.follow_up_a).status == FollowUpStatus.OPEN


def test_cancelling_a_follow_up(w: Any) -> None:
    response = client_for(w.alice).post(f"/calls/follow-ups/{w.referral_a.pk}/cancel/", follow=True)
    assert "Cancelled" in _text(response)
    assert _reload(w.referral_a).status == FollowUpStatus.CANCELLED


# Flags


def test_the_flag_board_hides_alices_flag_detail_from_bob(w: Any) -> None:
    bob_page = _text(client_for(w.bob).get("/calls/flags/"))
    assert "Relocation or closure risk" in bob_page  # the category is shared
    assert "comparing this plant with one in Ohio" not in bob_page
    assert "Confidential to Windsor Economic Development" in bob_page
    alice_page = _text(client_for(w.alice).get("/calls/flags/"))
    assert "comparing this plant with one in Ohio" in alice_page
    carol_page = _text(client_for(w.carol).get("/calls/flags/"))
    assert "comparing this plant with one in Ohio" in carol_page


def test_the_flag_board_puts_red_flags_first_and_filters(w: Any) -> None:
    page = _text(client_for(w.carol).get("/calls/flags/"))
    assert page.index("Red flags") < page.index("Yellow flags")
    filtered = _text(client_for(w.carol).get("/calls/flags/?category=expansion"))
    assert "<strong>Expansion opportunity</strong>" in filtered
    assert "<strong>Relocation or closure risk</strong>" not in filtered
    by_place = _text(client_for(w.carol).get(f"/calls/flags/?municipality={w.oshawa.pk}"))
    assert "Matrix Mouldings Oshawa" in by_place
    assert "<strong>Relocation or closure risk</strong>" not in by_place


def test_the_flag_board_is_read_a_page_at_a_time_most_urgent_first(
    w: Any, monkeypatch: Any
) -> None:
    from corridor.calls.views import flags

    with system_scope("tests read the stored state"):
        board = list(Flag.objects.filter(status=FlagStatus.OPEN).order_by("respond_by", "pk"))
    assert len(board) >= 2
    monkeypatch.setattr(flags, "PER_PAGE", 1)
    first = client_for(w.carol).get("/calls/flags/")
    last = client_for(w.carol).get(f"/calls/flags/?page={len(board)}")
    assert [r.flag for g in first.context["groups"] for r in g[2]] == board[:1]
    assert [r.flag for g in last.context["groups"] for r in g[2]] == board[-1:]
    reds = sum(1 for f in board if f.severity == "red")
    assert dict((g[0], g[3]) for g in first.context["groups"])["red"] == reds
    assert f"Page 1 of {len(board)} ({len(board)} in all)" in _text(first)
    assert "Next page" in _text(first) and "Next page" not in _text(last)


def test_the_flag_board_is_not_for_partners(w: Any) -> None:
    assert client_for(w.dave).get("/calls/flags/").status_code == 403


def test_closing_a_red_flag_without_a_done_follow_up_is_refused(w: Any) -> None:
    response = client_for(w.alice).post(f"/calls/flags/{w.flag_a.pk}/close/", follow=True)
    assert "A red flag closes when a follow-up on it is done." in _text(response)
    assert _reload(w.flag_a).status == FlagStatus.OPEN


def test_closing_a_yellow_flag(w: Any) -> None:
    assert client_for(w.alice).post(f"/calls/flags/{w.flag_b.pk}/close/").status_code == 403
    response = client_for(w.bob).post(f"/calls/flags/{w.flag_b.pk}/close/", follow=True)
    assert "Closed the yellow flag" in _text(response)
    assert _reload(w.flag_b).status == FlagStatus.CLOSED


def test_raising_a_red_flag_by_hand_creates_its_follow_up(w: Any) -> None:
    client = client_for(w.bob)
    form = client.get(f"/calls/flags/raise/?facility={w.oshawa_plant.pk}")
    assert form.status_code == 200
    assert f'value="{w.oshawa_plant.pk}" selected' in _text(form)
    assert "Windsor Economic Development" not in _text(form)  # bob raises for Oshawa only
    response = client.post(
        "/calls/flags/raise/",
        {
            "facility": w.oshawa_plant.pk,
            "organisation": w.org_b.pk,
            "severity": "red",
            "category": "downsizing",
            "detail": "Second shift to be cut in spring.",
        },
        follow=True,
    )
    assert "Raised a red flag on Matrix Mouldings Oshawa" in _text(response)
    with system_scope("tests"):
        flag = Flag.objects.get(detail="Second shift to be cut in spring.")
        assert FollowUp.objects.filter(flag=flag, owner=w.bob).exists()


def test_raising_a_flag_for_another_municipality_is_refused(w: Any) -> None:
    response = client_for(w.bob).post(
        "/calls/flags/raise/",
        {
            "facility": w.windsor_plant.pk,
            "organisation": w.org_a.pk,
            "severity": "yellow",
            "category": "other",
            "detail": "x",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in _text(response)
    assert client_for(w.erin).get("/calls/flags/raise/").status_code == 403


# Campaigns


def test_campaign_coverage_is_shown_per_lead_municipality(w: Any) -> None:
    page = _text(client_for(w.erin).get(f"/calls/campaigns/{w.campaign.pk}/"))
    # Both targets were called on DAY, inside the campaign's dates.
    assert "2 of 2 called (100%)" in page
    assert "Windsor Economic Development" in page and "Oshawa Economic Development" in page
    assert "1 of 1 called (100%)" in page
    assert "<progress" in page
    assert "Edit the campaign" not in page
    listing = _text(client_for(w.alice).get("/calls/campaigns/"))
    assert "Automotive focus" in listing and "2 of 2 called" in listing


def test_a_target_not_called_shows_as_not_called(w: Any) -> None:
    with system_scope("tests"):
        w.campaign.targets.add(w.windsor_plant_2)
    page = _text(client_for(w.carol).get(f"/calls/campaigns/{w.campaign.pk}/"))
    assert "2 of 3 called (67%)" in page
    assert "Not called yet" in page


def test_the_coordinator_creates_a_campaign_with_targets_chosen_by_filters(w: Any) -> None:
    client = client_for(w.carol)
    data = {
        "name": "Windsor parts makers",
        "focus": "Retention: ask about EV transition plans.",
        "starts_on": "2026-11-01",
        "ends_on": "2027-04-30",
        "municipalities": [str(w.windsor.pk)],
        "targets_action": "add",
    }
    preview = _text(client.post("/calls/campaigns/new/", {**data, "preview": "1"}))
    assert "2 facilities match" in preview
    with system_scope("tests"):
        assert not Campaign.objects.filter(name="Windsor parts makers").exists()
    response = client.post("/calls/campaigns/new/", {**data, "save": "1"})
    assert response.status_code == 302
    with system_scope("tests"):
        campaign = Campaign.objects.get(name="Windsor parts makers")
        assert set(campaign.targets.values_list("pk", flat=True)) == {
            w.windsor_plant.pk,
            w.windsor_plant_2.pk,
        }


def test_a_campaign_that_ends_before_it_starts_is_refused(w: Any) -> None:
    response = client_for(w.carol).post(
        f"/calls/campaigns/{w.campaign.pk}/edit/",
        {
            "name": "Automotive focus",
            "starts_on": "2026-07-01",
            "ends_on": "2026-06-01",
            "targets_action": "keep",
            "loaded_version": w.campaign.version,
            "save": "1",
        },
    )
    assert response.status_code == 200
    assert "A campaign ends after it starts." in _text(response)


def test_editing_a_campaign_removes_a_target_and_only_the_coordinator_may(w: Any) -> None:
    url = f"/calls/campaigns/{w.campaign.pk}/edit/"
    assert client_for(w.alice).get(url).status_code == 403
    response = client_for(w.carol).post(
        url,
        {
            "name": "Automotive focus",
            "starts_on": "2026-07-01",
            "ends_on": "2026-12-31",
            "targets_action": "keep",
            "remove": [str(w.oshawa_plant.pk)],
            "loaded_version": w.campaign.version,
            "save": "1",
        },
    )
    assert response.status_code == 302
    with system_scope("tests"):
        assert list(w.campaign.targets.values_list("pk", flat=True)) == [w.windsor_plant.pk]


# Leads


def test_the_lead_list_shows_assigned_and_default_leads(w: Any) -> None:
    page = _text(client_for(w.bob).get("/calls/leads/"))
    assert "Assigned by the coordinator" in page  # windsor_plant_2
    assert "The municipality it is in" in page
    assert "Change the lead" not in page  # bob is not the coordinator
    assert client_for(w.dave).get("/calls/leads/").status_code == 403


def test_the_coordinator_reassigns_a_lead(w: Any) -> None:
    client = client_for(w.carol)
    url = f"/calls/leads/{w.oshawa_plant.pk}/assign/"
    assert "Oshawa Economic Development (the municipality it is in)" in _text(client.get(url))
    response = client.post(
        url, {"organisation": w.org_a.pk, "reason": "Windsor knows the owners"}, follow=True
    )
    assert "Windsor Economic Development now leads calls on Matrix Mouldings Oshawa" in _text(
        response
    )
    with system_scope("tests"):
        lead = LeadAssignment.objects.get(facility=w.oshawa_plant)
        assert (lead.organisation, lead.reason) == (w.org_a, "Windsor knows the owners")
    assert client_for(w.bob).post(url, {"organisation": w.org_b.pk}).status_code == 403


def test_facilities_with_no_lead_yet(w: Any) -> None:
    with system_scope("tests"):
        company = Company.objects.create(name="Toronto Tooling")
        Facility.objects.create(company=company, name="Toronto Tooling", city="Toronto")
    page = _text(client_for(w.carol).get("/calls/leads/?no_lead=1"))
    assert "Toronto Tooling" in page
    assert "Matrix Mouldings" not in page


# Dashboards


def test_the_coordinator_dashboard_is_for_the_coordinator_only(w: Any) -> None:
    for name in ("alice", "bob", "dave", "erin"):
        assert client_for(getattr(w, name)).get("/calls/dashboard/").status_code == 403
    page = _text(client_for(w.carol).get("/calls/dashboard/"))
    assert 'id="coverage-map"' in page
    assert "Called in the last 12 months" in page
    assert "Conflicts waiting for a decision" in page
    assert "Matrix Mouldings" in page  # the pending plan on the Windsor plant
    assert "Open red flags by age" in page


def test_the_overview_suppresses_counts_under_five_companies(w: Any) -> None:
    page = _text(client_for(w.dave).get("/calls/overview/"))
    assert "fewer than 5" in page
    assert "a count of fewer than 5 companies is not shown" in page
    # One company was called and flagged: its count never shows as a number.
    assert '<td class="num">1</td>' not in page


# Template versions


def test_publishing_version_2_keeps_calls_on_version_1(w: Any) -> None:
    client = client_for(w.carol)
    form = client.get("/calls/templates/publish/")
    assert form.status_code == 200
    assert "snapshot" in _text(form)  # prefilled from version 1
    sections = json.loads(json.dumps(w.template.sections))
    sections[0]["questions"].append(
        {"key": "ev_plans", "label": "Plans for electric-vehicle parts?", "type": "yesno"}
    )
    response = client.post(
        "/calls/templates/publish/",
        {
            "title": "Visit template with EV questions",
            "change_note": "Adds a question on EV plans",
            "sections": json.dumps(sections),
        },
    )
    assert response.status_code == 302
    assert current_template().number == 2
    with system_scope("tests"):
        assert Call.objects.get(pk=w.call_a.pk).template.number == 1
    listing = _text(client_for(w.alice).get("/calls/templates/"))
    assert "Version 2" in listing and "Current" in listing
    v1 = _text(client_for(w.alice).get("/calls/templates/1/"))
    assert "A newer version is current" in v1
    assert "Considering relocating some or all operations?" in v1
    v2 = _text(client_for(w.alice).get("/calls/templates/2/"))
    assert "Plans for electric-vehicle parts?" in v2


def test_a_bad_template_is_refused_with_a_clear_message(w: Any) -> None:
    client = client_for(w.carol)
    broken = client.post("/calls/templates/publish/", {"title": "X", "sections": '[{"key": "a"'})
    assert "This is not valid JSON" in _text(broken)
    bad_type = client.post(
        "/calls/templates/publish/",
        {
            "title": "X",
            "sections": json.dumps(
                [{"key": "a", "title": "A", "questions": [{"key": "q", "label": "Q", "type": "x"}]}]
            ),
        },
    )
    assert "is not one of" in _text(bad_type)
    with system_scope("tests"):
        assert CallTemplate.objects.count() == 1
    assert client_for(w.alice).get("/calls/templates/publish/").status_code == 403


def test_a_call_made_on_version_1_still_displays_after_version_2(w: Any) -> None:
    client = client_for(w.carol)
    sections = [{"key": "snapshot", "title": "Snapshot", "questions": [
        {"key": "employees_now", "label": "Employees now", "type": "integer"}
    ]}]  # fmt: skip
    client.post("/calls/templates/publish/", {"title": "Short", "sections": json.dumps(sections)})
    assert current_template().number == 2
    response = client_for(w.alice).get(f"/calls/{w.call_a.pk}/")
    assert response.status_code == 200
    assert "Considering relocating" in _text(response)


def test_flag_and_follow_up_dates(w: Any) -> None:
    """Sanity: the fixture's red flag is due a week after the call day."""
    assert w.flag_a.respond_by == w.call_a.scheduled_on + dt.timedelta(days=7)
