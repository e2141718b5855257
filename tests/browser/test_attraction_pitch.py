"""The pitch pack in a real browser: an officer opens a gap's pack, reads its sections,
finds the PDF and the Print button by keyboard; another municipality reads suppressed
counts; a prospect without a capability says what to do."""

import importlib
from typing import Any

from conftest import PASSWORD
from corridor.attraction.tests import pitch_world
from corridor.attraction.tests.pitch_world import KEY, prospect
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.supplychain.models import Capability
from corridor.supplychain.taxonomy import forget_taxonomy
from tests.browser.conftest import SCREENSHOTS, check_accessibility, sign_in


def build_pitch_world(world: Any) -> Any:
    """The pitch world, after the taxonomy a migration loads (a transactional test before
    this one flushed it)."""
    from django.apps import apps

    with system_scope("browser test fixtures"), change_context(source="tests"):
        if not Capability.all_objects.exists():
            migration = importlib.import_module("corridor.supplychain.migrations.0002_taxonomy")
            migration.load_taxonomy(apps, None)
    forget_taxonomy()
    return pitch_world.build_pitch_world(world)


def test_an_officer_reads_a_gaps_pitch_pack_and_finds_the_pdf(page: Any, world: Any) -> None:
    build_pitch_world(world)
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/attraction/gaps/{KEY}/pitch/")
    page.get_by_role("heading", name="Pitch pack: Battery enclosure").wait_for()
    for name in (
        "1. The buyers' unmet demand",
        "2. OEM plants exposed",
        "3. Labour and training",
        "4. Programs that would fund it",
        "5. Candidate sites",
        "6. Companies that announced expansions in it",
    ):
        assert page.get_by_role("region", name=name).is_visible()
    demand = page.get_by_role("region", name="1. The buyers' unmet demand")
    assert demand.get_by_text("$5,500,000").first.is_visible()
    assert page.get_by_role("table", name="Funding programs for this project, the eligible first")
    # the Print button shows once the page's script runs; the PDF link is reachable by Tab
    print_button = page.get_by_role("button", name="Print")
    print_button.wait_for()
    pdf = page.get_by_role("link", name="Download PDF")
    pdf.focus()
    page.keyboard.press("Tab")
    assert print_button.evaluate("b => b === document.activeElement")
    assert pdf.get_attribute("href") == f"/attraction/gaps/{KEY}/pitch.pdf"
    check_accessibility(page, "attraction-pitch-gap")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOTS / "attraction-pitch-gap-phone.png"), full_page=True)


def test_another_municipality_reads_suppressed_counts_and_a_bare_prospect(
    page: Any, world: Any
) -> None:
    build_pitch_world(world)
    bare = prospect(world, capability_key=None)
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/attraction/gaps/{KEY}/pitch/")
    demand = page.get_by_role("region", name="1. The buyers' unmet demand")
    assert demand.get_by_text("fewer than 5").first.is_visible()
    assert not page.get_by_text("Lakeshore Modules").count()
    check_accessibility(page, "attraction-pitch-gap-suppressed")
    page.context.clear_cookies()
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/attraction/prospects/{bare.pk}/pitch/")
    page.get_by_text("Set the capability first.").wait_for()
    check_accessibility(page, "attraction-pitch-no-capability")
