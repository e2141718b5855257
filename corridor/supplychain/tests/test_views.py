"""The supply-chain pages: the buyer's confidentiality on pages and exports, supplier search
and its export, the gap ranking and its suppression for partners, and tagging."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.supplychain import needs
from corridor.supplychain.models import FacilityCapability, Introduction, NeedStatus, SupplyNeed
from corridor.supplychain.tests.helpers import capability, plant, recorded_need

WINDSOR = (42.3149, -83.0364)


@pytest.fixture
def region(world: Any) -> Any:
    w = world
    w.oem = plant("Corridor Assembly", w.windsor, *WINDSOR, tier="oem", employees=4000)
    w.buyer = plant("Lakeside Seating", w.windsor, 42.30, -83.00, tier="tier1")
    w.caster = plant(
        "Essex Diecast", w.windsor, 42.25, -82.95, ("die-casting",), tier="tier2", employees=120
    )
    w.stamper = plant("Windsor Stamping", w.windsor, 42.33, -83.05, ("stamping",), tier="tier1")
    w.stamper2 = plant("Tecumseh Stamping", w.windsor, 42.31, -82.88, ("stamping",), tier="tier2")
    w.far_caster = plant("Durham Diecast", w.oshawa, 43.8971, -78.8658, ("mega-casting",))
    w.oshawa_buyer = plant("Durham Trim", w.oshawa, 43.90, -78.86, tier="tier1")
    w.enclosure = needs.record_need(
        w.alice,
        buyer=w.buyer,
        capability=capability("battery-enclosure"),
        organisation=w.org_a,
        description="Aluminium battery trays for the 2027 program",
        annual_value=4_000_000,
        sourced_from="mexico",
    )
    w.casting = needs.record_need(
        w.alice,
        buyer=w.buyer,
        capability=capability("die-casting"),
        organisation=w.org_a,
        annual_value=900_000,
    )
    w.mega = needs.record_need(
        w.bob,
        buyer=w.oshawa_buyer,
        capability=capability("stamping"),
        organisation=w.org_b,
        annual_value=2_000_000,
    )
    w.introduction = needs.introduce(w.alice, w.casting, w.caster, dt.date(2026, 5, 1))
    return w


def _text(response: Any) -> str:
    return response.content.decode()


# --- the buyer stays with the recording municipality -----------------------------------
def test_the_recording_municipality_sees_the_buyer_others_see_only_where(region: Any) -> None:
    w = region
    page = _text(client_for(w.alice).get(f"/supply-chain/needs/{w.enclosure.pk}/"))
    assert "Lakeside Seating" in page and "Aluminium battery trays" in page
    for name in ("bob", "carol"):
        assert (
            client_for(getattr(w, name)).get(f"/supply-chain/needs/{w.enclosure.pk}/").status_code
            == 200
        )
    page = _text(client_for(w.bob).get(f"/supply-chain/needs/{w.enclosure.pk}/"))
    assert "Lakeside Seating" not in page
    assert "Aluminium battery trays" not in page  # the details name the program
    assert "A facility in Windsor" in page or "a facility in Windsor" in page
    assert "Lakeside Seating" in _text(
        client_for(w.carol).get(f"/supply-chain/needs/{w.enclosure.pk}/")
    )


def test_other_municipalities_get_no_distances_and_no_introductions(region: Any) -> None:
    w = region
    page = _text(client_for(w.bob).get(f"/supply-chain/needs/{w.casting.pk}/"))
    assert "Essex Diecast" in page  # the local supplier (a shared registry fact)
    assert " km</td>" not in page  # distances from the buyer would locate it
    assert "Record an introduction" not in page and "intro-heading" not in page
    alice = _text(client_for(w.alice).get(f"/supply-chain/needs/{w.casting.pk}/"))
    assert " km</td>" in alice and "Record the outcome" in alice


def test_the_need_list_never_names_or_filters_by_a_buyer_one_may_not_know(region: Any) -> None:
    w = region
    bob = client_for(w.bob)
    page = _text(bob.get("/supply-chain/needs/"))
    assert "Lakeside Seating" not in page and "A facility in Windsor" in page
    assert "Battery enclosure" in page and "Durham Trim" in page  # his own buyer
    by_buyer = _text(bob.get(f"/supply-chain/needs/?buyer={w.buyer.pk}"))
    assert "0 needs" in by_buyer  # the filter cannot confirm that a plant has needs
    assert "2 needs" in _text(client_for(w.alice).get(f"/supply-chain/needs/?buyer={w.buyer.pk}"))
    assert client_for(w.dave).get("/supply-chain/needs/").status_code == 403
    assert client_for(w.dave).get(f"/supply-chain/needs/{w.casting.pk}/").status_code == 403


def test_the_facility_page_lists_needs_only_to_those_who_know_the_buyer(region: Any) -> None:
    w = region
    url = f"/registry/facilities/{w.buyer.pk}/"
    assert "Its supply needs" in _text(client_for(w.alice).get(url))
    bob_page = _text(client_for(w.bob).get(url))
    assert "Its supply needs" not in bob_page and "Battery enclosure" not in bob_page
    assert "Supply chain" in bob_page


def test_map_shows_gaps_at_the_buyer_or_at_the_municipality(region: Any) -> None:
    w = region
    alice = _text(client_for(w.alice).get("/supply-chain/"))
    assert "Gap: Lakeside Seating" in alice
    bob = _text(client_for(w.bob).get("/supply-chain/"))
    assert "Gaps in Windsor" in bob and "Lakeside Seating" not in bob
    assert "Gap: Durham Trim" in bob  # his own need: no stamper within 150 km of Oshawa
    dave = _text(client_for(w.dave).get("/supply-chain/"))
    assert "Gaps in" not in dave and "Gap:" not in dave and "Corridor Assembly" in dave
    # filtered by capability: only the die casters, and OEM plants
    filtered = _text(client_for(w.dave).get("/supply-chain/?capability=casting"))
    assert "Essex Diecast" in filtered and "Windsor Stamping" not in filtered


def test_gap_exports_name_no_buyer_to_other_municipalities(region: Any) -> None:
    w = region
    book = load_workbook(
        io.BytesIO(client_for(w.bob).get("/supply-chain/gaps/export.xlsx").content)
    )
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Lakeside Seating" not in cells
    assert "A facility in Windsor" in cells
    book = load_workbook(
        io.BytesIO(client_for(w.alice).get("/supply-chain/gaps/export.xlsx").content)
    )
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Lakeside Seating (Windsor)" in cells


# --- the gap page -------------------------------------------------------------------------
def _gap_rows(client: Any, query: str = "") -> list[dict[str, str]]:
    body = client.get(f"/supply-chain/gaps/export.csv{query}").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_gaps_are_ranked_by_unmet_value(region: Any) -> None:
    rows = _gap_rows(client_for(region.alice))
    assert [r["capability_key"] for r in rows] == ["battery-enclosure", "stamping", "die-casting"]
    assert rows[0]["unmet_value_per_year"] == "4000000"
    assert rows[1]["unmet_value_per_year"] == "2000000"  # Oshawa: no stamper within 150 km
    assert rows[2]["needs_short_of_k"] == "0" and rows[2]["unmet_value_per_year"] == "0"
    page = _text(client_for(region.alice).get("/supply-chain/gaps/"))
    assert page.index("Battery enclosure") < page.index("Stamping")
    # k=2: one die caster near the buyer is no longer enough
    rows = _gap_rows(client_for(region.alice), "?k=2")
    assert {r["capability_key"]: r["needs_short_of_k"] for r in rows}["die-casting"] == "1"


def test_partners_see_gaps_without_values_or_small_buyer_counts(region: Any) -> None:
    w = region
    rows = _gap_rows(client_for(w.dave))
    assert [r["capability_key"] for r in rows] == ["battery-enclosure", "stamping", "die-casting"]
    assert all(r["buyers"] == "fewer than 5" for r in rows)
    assert all(r["unmet_value_per_year"].startswith("suppressed") for r in rows)
    assert all(r["open_needs"].startswith("suppressed") for r in rows)
    page = _text(client_for(w.dave).get("/supply-chain/gaps/"))
    assert "4,000,000" not in page and "Unmet needs" not in page
    assert "fewer than 5" in page
    participant = _text(client_for(w.bob).get("/supply-chain/gaps/"))
    assert "$4,000,000" in participant


def test_partners_see_values_behind_five_buyers(region: Any) -> None:
    w = region
    for i in range(5):
        buyer = plant(f"Remote Buyer {i}", w.oshawa, 45.0 + i / 10, -75.0)
        recorded_need(w, buyer, "glass", 1_000_000)
    rows = {r["capability_key"]: r for r in _gap_rows(client_for(w.dave))}
    assert rows["glass"]["buyers"] == "5"
    assert rows["glass"]["unmet_value_per_year"] == "5000000"
    assert rows["battery-enclosure"]["unmet_value_per_year"].startswith("suppressed")


def test_concentration_risk_names_the_single_supplier(region: Any) -> None:
    page = _text(client_for(region.dave).get("/supply-chain/gaps/?radius=150"))
    section = page[page.index("Concentration risk") :]
    assert "Essex Diecast" in section and "Corridor Assembly" in section
    assert "Windsor Stamping" not in section  # two stampers near the OEM plant


# --- supplier search ------------------------------------------------------------------------
def test_search_finds_suppliers_by_synonym_and_distance(region: Any) -> None:
    w = region
    client = client_for(w.dave)
    page = _text(client.get("/supply-chain/search/?q=die+castings"))
    assert "Essex Diecast" in page and "Durham Diecast" in page and "Windsor Stamping" not in page
    near = _text(
        client.get(f"/supply-chain/search/?q=die+castings&municipality={w.windsor.pk}&radius=100")
    )
    assert "Essex Diecast" in near and "Durham Diecast" not in near
    assert "1 supplier found near Windsor" in near


def test_search_with_several_capabilities_finds_plants_doing_them_all(region: Any) -> None:
    w = region
    both = plant("Riverside Press and Cast", w.windsor, 42.3, -83.0, ("stamping", "die-casting"))
    client = client_for(w.erin)
    response = client.get("/supply-chain/search/?capability=stamping&capability=die-casting")
    page = _text(response)
    assert "1 supplier found" in page
    assert both.name in page and "Windsor Stamping" not in page and "Essex Diecast" not in page
    assert "Capabilities (2 ticked)" in page
    html = response.content.decode()
    for key in ("stamping", "die-casting"):
        assert re.search(rf'<input[^>]*value="{key}"[^>]*checked', html)
    either = _text(client.get("/supply-chain/search/?capability=stamping"))
    assert "3 suppliers found" in either


def test_search_export_is_the_same_query(region: Any) -> None:
    w = region
    client = client_for(w.erin)
    response = client.get(
        "/supply-chain/search/export.csv?capability=stamping&lat=42.32&lon=-83.04&radius=50"
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["facility"] for r in rows] == ["Windsor Stamping", "Tecumseh Stamping"]
    assert float(rows[0]["distance_km"]) < float(rows[1]["distance_km"])
    assert "Stamping" in rows[0]["capabilities"]


def test_search_explains_bad_input(region: Any) -> None:
    client = client_for(region.alice)
    page = _text(client.get("/supply-chain/search/?q=stamping&radius=20"))
    assert "A distance needs a centre" in page
    assert client.get("/supply-chain/search/export.csv").status_code == 400
    page = _text(
        client.get(f"/supply-chain/search/?q=x&municipality={region.windsor.pk}&lat=1&lon=2")
    )
    assert "Choose one centre" in page


# --- tagging ------------------------------------------------------------------------------
def _tags(facility: Any) -> set[str]:
    with system_scope("test"):
        return set(
            FacilityCapability.objects.filter(facility=facility).values_list(
                "capability__key", flat=True
            )
        )


def test_editors_add_and_remove_tags_and_history_is_kept(region: Any) -> None:
    w = region
    url = f"/supply-chain/facilities/{w.buyer.pk}/capabilities/"
    alice = client_for(w.alice)
    assert alice.post(url, {"capability": "painting"}).status_code == 302
    assert _tags(w.buyer) == {"painting"}
    again = alice.post(url, {"capability": "painting"})
    assert "already tagged" in _text(again)
    with system_scope("test"):
        tag = FacilityCapability.objects.get(facility=w.buyer)
    assert alice.post(f"{url}{tag.pk}/remove/").status_code == 302
    assert _tags(w.buyer) == set()
    with system_scope("test"):
        assert FacilityCapability.all_objects.filter(pk=tag.pk, deleted_at__isnull=False).exists()
    history = _text(alice.get(f"/history/supplychain/facilitycapability/{tag.pk}/"))
    assert "Painting" in history or "painting" in history.lower()
    # viewers and partners may not tag
    assert client_for(w.erin).get(url).status_code == 403
    assert client_for(w.dave).post(url, {"capability": "painting"}).status_code == 403
    # a root of the taxonomy only groups
    assert "only groups" not in _text(alice.get(url))
    assert alice.post(url, {"capability": "processes"}).status_code == 200


# --- needs: record, introduce, outcome ------------------------------------------------------
def test_an_officer_records_a_need_and_its_introduction_outcome(region: Any) -> None:
    w = region
    alice = client_for(w.alice)
    response = alice.post(
        "/supply-chain/needs/new/",
        {
            "buyer": w.oem.pk,
            "capability": "stamping",
            "annual_value": "750000",
            "annual_volume": "200,000 brackets",
            "sourced_from": "us",
            "urgency": "high",
            "radius_km": "100",
            "organisation": w.org_a.pk,
        },
    )
    assert response.status_code == 302
    with system_scope("test"):
        need = SupplyNeed.objects.get(buyer=w.oem)
    assert (need.annual_value, need.sourced_from, need.radius_km) == (750_000, "us", 100)
    page = _text(alice.get(f"/supply-chain/needs/{need.pk}/"))
    assert "Windsor Stamping" in page and "Tecumseh Stamping" in page
    response = alice.post(
        f"/supply-chain/needs/{need.pk}/introduce/",
        {"supplier": w.stamper.pk, "introduced_on": "2026-06-01", "notes": "Met at the plant"},
    )
    assert response.status_code == 302
    with system_scope("test"):
        introduction = Introduction.objects.get(need=need)
        assert SupplyNeed.objects.get(pk=need.pk).status == NeedStatus.INTRODUCED
    response = alice.post(
        f"/supply-chain/introductions/{introduction.pk}/outcome/",
        {f"i{introduction.pk}-outcome": "contract", f"i{introduction.pk}-notes": "PO signed"},
    )
    assert response.status_code == 302
    with system_scope("test"):
        assert SupplyNeed.objects.get(pk=need.pk).status == NeedStatus.SOURCED_LOCALLY
        assert Introduction.objects.get(pk=introduction.pk).notes == "PO signed"


def test_bob_may_not_record_for_windsor_or_touch_its_needs(region: Any) -> None:
    w = region
    bob = client_for(w.bob)
    response = bob.post(
        "/supply-chain/needs/new/",
        {
            "buyer": w.oshawa_buyer.pk,
            "capability": "stamping",
            "sourced_from": "us",
            "urgency": "low",
            "radius_km": "150",
            "organisation": w.org_a.pk,
        },
    )
    assert response.status_code == 200 and "Select a valid choice" in _text(response)
    assert bob.get(f"/supply-chain/needs/{w.casting.pk}/edit/").status_code == 403
    assert (
        bob.post(f"/supply-chain/needs/{w.casting.pk}/status/", {"status": "dropped"}).status_code
        == 403
    )
    assert (
        bob.post(
            f"/supply-chain/introductions/{w.introduction.pk}/outcome/", {"outcome": "no_fit"}
        ).status_code
        == 404
    )
    assert (
        client_for(w.erin)
        .post(f"/supply-chain/introductions/{w.introduction.pk}/outcome/", {"outcome": "no_fit"})
        .status_code
        == 403
    )


def test_an_edit_started_before_another_is_refused(region: Any) -> None:
    w = region
    alice = client_for(w.alice)
    old = w.enclosure.version
    needs.set_status(w.carol, w.enclosure, NeedStatus.OPEN)
    response = alice.post(
        f"/supply-chain/needs/{w.enclosure.pk}/edit/",
        {
            "buyer": w.buyer.pk,
            "capability": "battery-enclosure",
            "sourced_from": "mexico",
            "urgency": "high",
            "radius_km": "150",
            "organisation": w.org_a.pk,
            "loaded_version": old,
        },
    )
    assert response.status_code == 200 and "changed by someone else" in _text(response)


def test_taxonomy_page_shows_the_tree_with_synonyms(region: Any) -> None:
    page = _text(client_for(region.dave).get("/supply-chain/capabilities/"))
    assert "Die casting" in page and "HPDC" in page and "gigacasting" in page
    assert (
        page.index("Casting")
        < page.index("Die casting")
        < page.index("Large structural die casting")
    )


def test_a_completed_call_with_a_supply_chain_answer_records_a_need(region: Any) -> None:
    from corridor.calls import recording
    from corridor.calls.planning import plan_call

    w = region
    with system_scope("test"):
        from corridor.calls.models import CallTemplate

        assert CallTemplate.objects.exists(), "the migrations publish the first call template"
    call = plan_call(w.alice, w.stamper, w.org_a, dt.date(2026, 10, 5))
    answers = {
        "supply_chain.outside_inputs": "Heat treating sent to Michigan",
        "supply_chain.outside_inputs_value": "250000",
    }
    assert not recording.save_answers(
        w.alice, call, answers, complete=True, today=dt.date(2026, 10, 5)
    )
    with system_scope("test"):
        need = SupplyNeed.objects.get(call=call)
    assert need.capability.key == "heat-treating" and need.annual_value == 250_000
    assert need.organisation_id == w.org_a.pk and need.buyer_id == w.stamper.pk
    # bob sees the need on the list, not whose it is
    page = _text(client_for(w.bob).get("/supply-chain/needs/?status=all"))
    assert "Heat treating" in page and "Windsor Stamping" not in page
