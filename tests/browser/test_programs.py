"""Funding programs in a real browser: an officer opens a facility, sees the programs it is
eligible for and why, and records a referral by keyboard; the program, project, referral
and analytics pages; every page checked with axe-core."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.calls import recording
from corridor.calls.models import CallStatus
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.catalogue import load_programs
from corridor.programs.models import FundingProgram, Referral
from corridor.programs.tests.helpers import facility, fund, project
from tests.browser.conftest import check_accessibility, sign_in


@pytest.fixture
def scene(world: Any) -> Any:
    w = world
    with change_context(source="tests"):
        load_programs()
    with system_scope("browser test fixtures"):
        w.oamp = FundingProgram.objects.get(key="o-amp")
        w.ngen = FundingProgram.objects.get(key="ngen")
    w.plant = facility("Lakeside Stamping", w.windsor, employees=120, naics="336370")
    w.partner = facility("Essex Robotics", w.windsor, employees=40, naics="333248")
    w.cell = project(
        w.oamp,
        "Robotic welding cell at Essex Robotics",
        contribution=95_000,
        total_value=240_000,
        jobs_created_expected=4,
        municipality=w.windsor,
        technology_tags=["robotics"],
        approved_on=dt.date(2024, 3, 1),
    )
    project(
        w.ngen,
        "Lightweight battery trays",
        contribution=2_500_000,
        total_value=6_000_000,
        jobs_created_expected=25,
        municipality=w.oshawa,
        technology_tags=["advanced materials"],
        approved_on=dt.date(2023, 9, 1),
    )
    return w


def test_an_officer_sees_a_facilitys_programs_and_records_a_referral(page: Any, scene: Any) -> None:
    # Windsor visited the company, which agreed to be referred to industry associations
    # (APMA delivers O-AMP): a referral to a partner needs that consent
    visited = dt.date.today() - dt.timedelta(days=7)
    with change_context(source="tests"):
        call = plan_call(scene.alice, scene.plant, scene.org_a, visited)
        recording.record_consent(scene.alice, call, visited, ["association"], "At the visit")
    lakeside = project(
        scene.oamp,
        "Robotic cell at Lakeside Stamping",
        contribution=80_000,
        municipality=scene.windsor,
        approved_on=dt.date(2024, 6, 1),
    )
    fund(lakeside, scene.plant)
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/registry/facilities/{scene.plant.pk}/")
    panel = page.get_by_role("region", name="Funding programs")
    oamp = panel.get_by_role("heading", name="Ontario Automotive Modernization Program (O-AMP)")
    assert "Eligible" in oamp.inner_text()
    assert panel.get_by_text("at most 499 employees — 120 employees").is_visible()
    check_accessibility(page, "programs-facility-panel")

    # say what the company plans: research and development is not what O-AMP funds
    panel.get_by_text("What does the company plan?").click()
    panel.get_by_label("Type of project").select_option("rd")
    panel.get_by_role("button", name="Check the programs").click()
    panel = page.get_by_role("region", name="Funding programs")
    oamp = panel.get_by_role("heading", name="Ontario Automotive Modernization Program (O-AMP)")
    assert "Not eligible" in oamp.inner_text()
    check_accessibility(page, "programs-facility-panel-with-plan")

    # record the referral by keyboard, on the referral's own page
    panel.get_by_role("link", name="Record a referral to a program").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=f"Refer {scene.plant.name} to a program").wait_for()
    page.get_by_label("Program", exact=True).focus()
    page.keyboard.type("Ontario Automotive")
    # referred by: Windsor (alice's only choice); referred on: today; follow-up: none
    page.get_by_label("Notes").focus()
    page.keyboard.type("Wants a robotic cell; send the O-AMP guide")
    page.get_by_role("button", name="Record the referral").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Referral of Lakeside Stamping to O-AMP").wait_for()
    assert page.get_by_role("definition").get_by_text("Wants a robotic cell").is_visible()
    check_accessibility(page, "programs-referral-detail")
    with system_scope("test reads"):
        referral = Referral.objects.get()
    assert (referral.program, referral.organisation) == (scene.oamp, scene.org_a)
    assert referral.referred_to is not None and referral.referred_to.short_name == "APMA"

    # the referral goes on: funded with its project (only the company's own are offered)
    page.get_by_label("Status").select_option("funded")
    funded = page.get_by_label("Funded project")
    assert scene.cell.title not in funded.inner_text()  # Essex Robotics' project
    funded.select_option(label=lakeside.title)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The referral is now: Funded (project recorded).").wait_for()

    page.goto("/programs/referrals/")
    check_accessibility(page, "programs-referral-list")
    page.goto(f"/programs/referrals/new/{scene.partner.pk}/")
    check_accessibility(page, "programs-referral-create")


def test_the_program_project_and_analytics_pages(page: Any, scene: Any) -> None:
    sign_in(page, "carol", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Funding programs"
    ).click()
    page.get_by_role("heading", name="Funding programs", level=1).wait_for()
    check_accessibility(page, "programs-list")
    page.get_by_role("link", name="Ontario Automotive Modernization Program (O-AMP)").click()
    page.get_by_role("heading", name="Who may apply").wait_for()
    assert page.get_by_text("about 613").is_visible()
    check_accessibility(page, "programs-detail")
    page.get_by_label("Campaign name").fill("O-AMP in Windsor")
    page.get_by_role("button", name="Make the campaign").click()
    page.get_by_role("button", name="Make the campaign").wait_for(state="detached")
    assert "Made the campaign O-AMP in Windsor with 1 target facility." in page.inner_text(
        "main"
    ), page.inner_text("main")[:1500]

    page.goto("/programs/projects/")
    check_accessibility(page, "programs-project-list")
    page.get_by_role("link", name="Robotic welding cell at Essex Robotics").click()
    page.get_by_text("2.53×").wait_for()  # loaded
    assert page.get_by_text("2.53×").is_visible()
    check_accessibility(page, "programs-project-detail")
    page.goto("/programs/analytics/")
    page.wait_for_selector("canvas#chart-program[data-ready]")
    check_accessibility(page, "programs-analytics")


def test_the_call_form_shows_the_facilitys_program_fit(page: Any, scene: Any) -> None:
    with change_context(source="tests"):
        call = plan_call(
            scene.alice,
            facility=scene.plant,
            organisation=scene.org_a,
            scheduled_on=dt.date.today(),
        )
    assert call.status == CallStatus.PLANNED
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/calls/{call.pk}/record/")
    page.get_by_role("heading", name="Programs that may fit Lakeside Stamping").wait_for()
    assert page.get_by_role(
        "link", name="Ontario Automotive Modernization Program (O-AMP)"
    ).is_visible()
    check_accessibility(page, "programs-call-form-fit")


def test_the_coordinator_corrects_a_programs_deadline_by_keyboard(page: Any, scene: Any) -> None:
    sign_in(page, "carol", PASSWORD)
    page.goto(f"/programs/{scene.ngen.pk}/")
    page.get_by_role("link", name="Edit the program's facts").click()
    page.get_by_role("heading", name=f"Edit {scene.ngen.label}").wait_for()
    check_accessibility(page, "programs-edit")

    page.get_by_label("Status").focus()
    page.keyboard.press("Home")  # the first choice: open to applications
    page.get_by_label("Opens on").fill("2027-01-15")
    page.get_by_label("Closes on").fill("2027-01-01")
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    page.get_by_text("The program cannot close before it opens.").wait_for()
    check_accessibility(page, "programs-edit-error")

    page.get_by_label("Closes on").fill("2027-06-30")
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    page.get_by_text(f"Saved {scene.ngen.short_name}.").wait_for()
    facts = page.get_by_role("region", name="The program")
    assert "2027-01-15 to 2027-06-30" in facts.inner_text()
    scene.ngen.refresh_from_db()
    assert (scene.ngen.status, str(scene.ngen.ends_on)) == ("open", "2027-06-30")
