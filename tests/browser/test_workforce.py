"""The skills map in a real browser: open the heat map, drill into one occupation (its chart,
programs and companies asking), the gap table with its formula, the programs and a
partner college editing its own program, the facility panel; every page checked with
axe-core, the main path by keyboard."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PASSWORD
from corridor.core.models import Membership, Organisation, OrganisationKind, Role, User
from corridor.core.scoping import system_scope
from corridor.workforce.gap_report import months_back
from corridor.workforce.tests.helpers import postings, program, recorded_call, region, supply
from tests.browser.conftest import check_accessibility, sign_in


@pytest.fixture
def skills(world: Any) -> Any:
    from django.utils import timezone

    w = world
    today = timezone.localdate()
    windsor, toronto = region("Windsor–Sarnia"), region("Toronto")
    for back in range(12):
        postings(windsor, "72106", 30 + back, month=months_back(today, back))
        postings(toronto, "72106", 10, month=months_back(today, back))
        postings(windsor, "72400", 8, month=months_back(today, back))
    supply(windsor, "72106", unemployed=60)
    supply(toronto, "72106", unemployed=400)
    supply(windsor, "72400", unemployed=40)
    w.welding = program("Welding Techniques", 40, [w.windsor], ["72106"])
    program("Industrial Mechanic Millwright", 25, [w.oshawa], ["72400"])
    w.call = recorded_call(w.alice, w.org_a, w.windsor, "Welders, 5\nMaintenance planner, 1")
    with system_scope("browser test fixtures"):
        college = Organisation.objects.create(
            name="Test College", kind=OrganisationKind.COLLEGE, municipality=w.windsor
        )
        frank = User.objects.create_user("frank", "frank@example.org", PASSWORD)
        Membership.objects.create(user=frank, organisation=college, role=Role.EDITOR)
        school = w.welding.institution
        school.organisation = college
        school.save()
    return w


def test_an_officer_opens_the_heat_map_and_drills_into_one_occupation(
    page: Any, skills: Any
) -> None:
    sign_in(page, "alice", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Skills and workforce"
    ).click()
    page.get_by_role("heading", name="Skills gaps", exact=True).wait_for()
    check_accessibility(page, "workforce-gaps")
    page.get_by_role("navigation", name="Skills and workforce").get_by_role(
        "link", name="Heat map"
    ).click()
    page.get_by_role("heading", name="Skills heat map").wait_for()
    heat = page.get_by_role("table")
    assert heat.get_by_role("columnheader", name="Windsor–Sarnia").is_visible()
    assert page.get_by_role("list", name="Legend").get_by_text("4 or more").is_visible()
    check_accessibility(page, "workforce-heat-map")
    # by keyboard: focus the occupation's link and follow it
    link = heat.get_by_role("link", name="Welders and related machine operators")
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Welders and related machine operators").wait_for()
    page.wait_for_selector("canvas#occupation-chart")
    assert page.get_by_role("link", name="Welding Techniques").is_visible()
    asking = page.get_by_role("table", name="Companies asking for Welders")
    assert asking.get_by_role("row", name="Windsor–Sarnia 1 5").is_visible()
    check_accessibility(page, "workforce-occupation")
    page.get_by_label("Region", exact=True).select_option(label="Windsor–Sarnia")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("heading", name="Over time: Windsor–Sarnia").wait_for()


def test_a_partner_sees_small_counts_suppressed(page: Any, skills: Any) -> None:
    sign_in(page, "dave", PASSWORD)
    page.goto("/workforce/")
    assert page.get_by_text("calls left out").first.is_visible()
    page.goto("/workforce/occupations/72106/")
    asking = page.get_by_role("table", name="Companies asking for Welders")
    assert asking.get_by_text("fewer than 5").is_visible()
    check_accessibility(page, "workforce-occupation-partner")


def test_an_officer_maps_a_name_and_sees_the_facility_panel(page: Any, skills: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/registry/facilities/{skills.call.facility_id}/")
    panel = page.get_by_role("region", name="Skills")
    assert panel.get_by_role("link", name="Welding Techniques").is_visible()
    check_accessibility(page, "workforce-facility-panel")
    panel.get_by_role("link", name="map it").click()
    page.get_by_role("heading", name="Occupation names to map").wait_for()
    check_accessibility(page, "workforce-unmapped")
    page.get_by_label("Occupation for “Maintenance planner”").select_option("72400")
    page.get_by_role("button", name="Map").click()
    page.get_by_text("now counts as Construction millwrights").wait_for()


def test_a_partner_college_updates_its_program(page: Any, skills: Any) -> None:
    sign_in(page, "frank", PASSWORD)
    page.goto("/workforce/programs/")
    page.get_by_role("heading", name="Training programs").wait_for()
    check_accessibility(page, "workforce-programs")
    page.get_by_role("link", name="Welding Techniques").click()
    check_accessibility(page, "workforce-program")
    page.get_by_role("link", name="Edit the program").click()
    check_accessibility(page, "workforce-program-edit")
    page.get_by_label("Seats").fill("48")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved Welding Techniques.").wait_for()
    assert page.get_by_text("48 a year").is_visible()
    page.get_by_role("navigation", name="Skills and workforce").get_by_role(
        "link", name="Training programs"
    ).click()
    page.get_by_role("link", name="Add a program").click()
    page.get_by_role("heading", name="Add a program").wait_for()
    check_accessibility(page, "workforce-program-create")
    page.goto("/workforce/occupations/")
    check_accessibility(page, "workforce-occupations")
