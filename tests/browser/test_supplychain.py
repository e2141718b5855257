"""The supply chain in a real browser: search for a capability and see the suppliers on the
map, the map of plants, suppliers and gaps, the gap page, needs and introductions, the
taxonomy and tagging; every page checked with axe-core, the main paths by keyboard."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any

import pytest

from conftest import PASSWORD
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.supplychain import needs
from corridor.supplychain.models import Capability
from corridor.supplychain.taxonomy import forget_taxonomy
from corridor.supplychain.tests.helpers import capability, plant
from tests.browser.conftest import check_accessibility, sign_in


def _taxonomy() -> None:
    """The taxonomy a migration loads (a transactional test before this one flushed it)."""
    from django.apps import apps

    with system_scope("browser test fixtures"), change_context(source="tests"):
        if not Capability.all_objects.exists():
            migration = importlib.import_module("corridor.supplychain.migrations.0002_taxonomy")
            migration.load_taxonomy(apps, None)
    forget_taxonomy()


@pytest.fixture
def chain(world: Any) -> Any:
    _taxonomy()
    w = world
    w.oem = plant("Windsor Assembly", w.windsor, 42.32, -82.99, tier="oem", employees=4500)
    w.buyer = plant("Lakeside Seating", w.windsor, 42.30, -83.00, tier="tier1")
    w.caster = plant(
        "Essex Diecast", w.windsor, 42.25, -82.95, ("die-casting",), tier="tier2", employees=120,
    )  # fmt: skip
    w.caster2 = plant("Tecumseh Castings", w.windsor, 42.29, -82.87, ("die-casting",), tier="tier2")
    w.stamper = plant("Windsor Stamping", w.windsor, 42.33, -83.05, ("stamping",), tier="tier1")
    w.far_caster = plant("Durham Diecast", w.oshawa, 43.89, -78.87, ("mega-casting",), tier="tier1")
    w.enclosure = needs.record_need(
        w.alice,
        buyer=w.oem,
        capability=capability("battery-enclosure"),
        organisation=w.org_a,
        description="Die-cast aluminium battery enclosures",
        annual_value=18_000_000,
        sourced_from="mexico",
        urgency="high",
    )
    w.casting = needs.record_need(
        w.alice,
        buyer=w.buyer,
        capability=capability("die-casting"),
        organisation=w.org_a,
        annual_value=900_000,
        sourced_from="us",
    )
    needs.introduce(w.alice, w.casting, w.caster, dt.date(2026, 9, 1))
    return w


def test_an_officer_searches_for_a_capability_and_sees_it_on_the_map(page: Any, chain: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Supply chain"
    ).click()
    page.get_by_role("heading", name="Supply-chain map").wait_for()
    page.wait_for_selector("#supply-map[data-ready]")
    legend = page.get_by_role("list", name="Map legend")
    assert legend.get_by_text("OEM plants (1)").is_visible()
    assert legend.get_by_text(
        "Gaps: open needs with no supplier within their radius (1)"
    ).is_visible()
    assert page.locator("#supply-map path.leaflet-interactive").count() == 6  # 4 + 1 OEM + 1 gap
    page.get_by_text("OEM plants (1)", exact=True).last.focus()
    check_accessibility(page, "supplychain-map")

    page.get_by_role("navigation", name="Supply chain").get_by_role(
        "link", name="Find suppliers"
    ).click()
    page.get_by_role("heading", name="Find suppliers").wait_for()
    check_accessibility(page, "supplychain-search-empty")
    # by keyboard: type a capability with a typo, choose the centre, press Enter
    page.get_by_label("What are you looking for?").focus()
    page.keyboard.type("die castngs")
    page.get_by_label("Near a municipality").select_option(label="Windsor")
    page.get_by_label("Within (km)").focus()
    page.keyboard.type("100")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="2 suppliers found near Windsor").wait_for()
    page.wait_for_selector("#search-map[data-ready='3']")  # two suppliers and the centre
    assert page.locator("#search-map path.leaflet-interactive").count() == 3
    table = page.get_by_role("table", name="Suppliers, best match first, then nearest")
    assert table.get_by_role("link", name="Essex Diecast").is_visible()
    assert table.get_by_text("typed “castngs”").first.is_visible()
    assert page.get_by_role("link", name="Durham Diecast").count() == 0  # 330 km away
    check_accessibility(page, "supplychain-search")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all 2 as CSV").click()
    assert download.value.suggested_filename == "corridor-suppliers.csv"

    # several capabilities at once, ticked by keyboard: each one ticked must be done
    page.goto("/supply-chain/search/")
    page.get_by_label(re.compile(r"^\s*Die casting$")).focus()
    page.keyboard.press("Space")
    page.get_by_label("Near a municipality").select_option(label="Windsor")
    page.get_by_label("Within (km)").focus()
    page.keyboard.type("100")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="2 suppliers found near Windsor").wait_for()
    assert page.get_by_role("group", name="Capabilities (1 ticked)").is_visible()
    page.get_by_label(re.compile(r"^\s*Stamping$")).focus()
    page.keyboard.press("Space")
    page.get_by_label("Within (km)").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="0 suppliers found near Windsor").wait_for()
    assert page.get_by_label(re.compile(r"^\s*Die casting$")).is_checked()
    assert page.get_by_label(re.compile(r"^\s*Stamping$")).is_checked()
    check_accessibility(page, "supplychain-search-capabilities")


def test_the_gap_page_and_the_needs_behind_it(page: Any, chain: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto("/supply-chain/gaps/")
    page.get_by_role("heading", name="Gaps and risks").wait_for()
    targets = page.get_by_role(
        "table", name="Capabilities with unmet needs, the largest unmet value first"
    )
    assert targets.get_by_role("cell", name="$18,000,000").is_visible()
    risks = page.get_by_role(
        "table",
        name="Capabilities with a single local supplier, the most OEM plants depending on it first",
    )
    assert risks.get_by_role("link", name="Windsor Stamping").first.is_visible()
    check_accessibility(page, "supplychain-gaps")

    unmet = page.get_by_role("table", name="Open needs with no local supplier")
    assert unmet.get_by_role("link", name="Battery enclosure").is_visible()
    page.get_by_role("navigation", name="Supply chain").get_by_role(
        "link", name="Needs and introductions"
    ).click()
    check_accessibility(page, "supplychain-need-list")
    page.get_by_role("link", name="Die casting").click()
    page.get_by_role("heading", name="Need: Die casting").wait_for()
    check_accessibility(page, "supplychain-need-detail")
    # record the introduction's outcome by keyboard
    page.get_by_label("Outcome of the introduction to Essex Diecast", exact=True).focus()
    page.keyboard.press("End")  # the last outcome: no fit
    page.keyboard.press("Tab")
    page.keyboard.type("Volumes too high")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Outcome of the introduction to Essex Diecast: no fit.").wait_for()
    assert page.get_by_role("cell", name="Volumes too high").is_visible()

    page.goto("/supply-chain/needs/")
    page.get_by_role("link", name="Record a supply need").click()
    page.get_by_label("Buyer facility").select_option(label="Lakeside Seating (Windsor)")
    page.get_by_label("What it needs").select_option("painting")
    page.get_by_label("Value per year ($)").fill("250000")
    check_accessibility(page, "supplychain-need-edit")
    page.get_by_role("button", name="Record the need").click()
    page.get_by_role("heading", name="Need: Painting").wait_for()
    assert page.get_by_text("No supplier in the registry can do painting").is_visible()

    page.goto("/supply-chain/capabilities/")
    assert page.get_by_text("HPDC").first.is_visible()
    check_accessibility(page, "supplychain-taxonomy")

    page.goto(f"/registry/facilities/{chain.buyer.pk}/")
    page.get_by_role("link", name="Edit the capabilities").click()
    page.get_by_label("Capability to add").select_option("welding")
    page.get_by_role("button", name="Add the capability").click()
    page.get_by_text("Tagged Lakeside Seating with Welding.").wait_for()
    check_accessibility(page, "supplychain-facility-capabilities")
    page.get_by_role("button", name="Remove Welding").click()
    page.get_by_text("Removed Welding from Lakeside Seating.").wait_for()


def test_another_municipality_and_a_partner_never_see_the_buyer(page: Any, chain: Any) -> None:
    sign_in(page, "bob", PASSWORD)
    page.goto(f"/supply-chain/needs/{chain.enclosure.pk}/")
    page.get_by_role("heading", name="Need: Battery enclosure").wait_for()
    assert page.get_by_text("The buyer is a facility in Windsor.").is_visible()
    assert page.get_by_text("Windsor Assembly").count() == 0
    check_accessibility(page, "supplychain-need-detail-other")
    page.goto("/supply-chain/")
    page.wait_for_selector("#supply-map[data-ready]")
    assert page.get_by_text("Gaps in Windsor").count() >= 1

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "dave", PASSWORD)
    page.goto("/supply-chain/gaps/")
    page.get_by_role("heading", name="Gaps and risks").wait_for()
    assert page.get_by_text("not shown (fewer than 5 buyers)").first.is_visible()
    assert page.get_by_text("$18,000,000").count() == 0
    check_accessibility(page, "supplychain-gaps-partner")
