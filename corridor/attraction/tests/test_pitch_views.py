"""The pitch pack's pages, PDF and API: access, content, suppression and shapes."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from corridor.attraction.tests.pitch_world import KEY, build_pitch_world, prospect

GAP = f"/attraction/gaps/{KEY}/pitch/"
GAP_PDF = f"/attraction/gaps/{KEY}/pitch.pdf"


@pytest.fixture
def built(world: Any) -> Any:
    return build_pitch_world(world)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_gap_page_shows_every_section_with_its_source(as_user: Any, built: Any) -> None:
    response = as_user("alice").get(GAP)
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "1. The buyers' unmet demand",
        "2. OEM plants exposed",
        "3. Labour and training",
        "4. Programs that would fund it",
        "5. Candidate sites",
        "6. Companies that announced expansions in it",
    ):
        assert heading in html
    assert html.count('class="pitch-source"') == 6
    assert "$5,500,000" in html and "Windsor Assembly" in html
    assert "Test Capital Fund" in html and "Welding Techniques" in html
    assert "Trayco to build a battery tray plant" in html
    assert GAP_PDF in html and "data-print" in html
    assert "style=" not in html


def test_another_municipality_reads_fewer_than_5_and_no_buyer(as_user: Any, built: Any) -> None:
    html = as_user("bob").get(GAP).content.decode()
    assert "fewer than 5" in html
    assert "$5,500,000" not in html and "Lakeshore Modules" not in html


def test_partners_are_refused_and_visitors_sent_to_sign_in(as_user: Any, built: Any) -> None:
    assert as_user("dave").get(GAP).status_code == 403
    assert as_user("dave").get(GAP_PDF).status_code == 403
    response = as_user("anonymous").get(GAP)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_unknown_capability_is_404(as_user: Any, world: Any) -> None:
    assert as_user("alice").get("/attraction/gaps/no-such-thing/pitch/").status_code == 404
    assert as_user("alice").get("/attraction/gaps/no-such-thing/pitch.pdf").status_code == 404
    assert as_user("alice").get("/api/v1/pitch-packs/no-such-thing").status_code == 404


def test_the_pdf_has_the_capability_sources_and_footer_but_no_buyer(
    as_user: Any, built: Any
) -> None:
    response = as_user("carol").get(GAP_PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _text(response.content)
    assert "Battery enclosure" in text
    assert "fewer than 5" in text
    assert "Windsor Assembly" not in text.split("single local supplier")[0]
    assert "Lakeshore Modules" not in text
    assert text.count("Source:") >= 6
    assert "Confidential: for Corridor's participants" in text


def test_a_prospects_page_and_pdf(as_user: Any, world: Any, built: Any) -> None:
    p = prospect(world)
    html = as_user("alice").get(f"/attraction/prospects/{p.pk}/pitch/").content.decode()
    assert "Trayco" in html and "Michigan, Ohio" in html and "$25,000,000" in html
    pdf = as_user("alice").get(f"/attraction/prospects/{p.pk}/pitch.pdf")
    assert pdf.content.startswith(b"%PDF")
    text = _text(pdf.content)
    assert "Trayco" in text and "Michigan" not in text
    # not shared: another municipality does not see it at all
    assert as_user("bob").get(f"/attraction/prospects/{p.pk}/pitch/").status_code == 404


def test_a_shared_prospects_competitors_stay_with_its_hosts(
    as_user: Any, world: Any, built: Any
) -> None:
    p = prospect(world, shared=True)
    html = as_user("bob").get(f"/attraction/prospects/{p.pk}/pitch/").content.decode()
    assert "Trayco" in html and "Michigan" not in html


def test_a_prospect_without_a_capability_says_to_set_one(
    as_user: Any, world: Any, built: Any
) -> None:
    p = prospect(world, capability_key=None)
    response = as_user("alice").get(f"/attraction/prospects/{p.pk}/pitch/")
    assert response.status_code == 200
    assert "Set the capability first" in response.content.decode()
    pdf = as_user("alice").get(f"/attraction/prospects/{p.pk}/pitch.pdf")
    assert pdf.status_code == 302
    api = as_user("alice").get(f"/api/v1/prospects/{p.pk}/pitch-pack")
    assert api.status_code == 422


def test_the_api_returns_the_same_sections(as_user: Any, world: Any, built: Any) -> None:
    body = as_user("alice").get(f"/api/v1/pitch-packs/{KEY}").json()
    assert set(body) == {
        "capability",
        "capability_label",
        "made_on",
        "prospect",
        "demand",
        "oem",
        "labour",
        "programs",
        "sites",
        "announcements",
    }
    assert body["demand"]["unmet_value"] == 5_500_000
    assert body["demand"]["buyers"] == {"value": 2, "display": "2"}
    assert body["oem"]["named"][0]["name"] == "Windsor Assembly"
    assert body["programs"]["programs"][0]["verdict"] == "eligible"
    assert body["sites"]["sites"][0]["municipality"] == "Windsor"
    assert body["announcements"]["announcements"][0]["amount_cad"] == 25_000_000
    assert all(body[s]["source"].startswith("Source:") for s in ("demand", "oem", "labour"))
    bob = as_user("bob").get(f"/api/v1/pitch-packs/{KEY}").json()
    assert bob["demand"]["buyers"] == {"value": None, "display": "fewer than 5"}
    assert bob["demand"]["unmet_value"] is None and bob["demand"]["buyers_known"] == []
    p = prospect(world)
    mine = as_user("alice").get(f"/api/v1/prospects/{p.pk}/pitch-pack").json()
    assert mine["prospect"]["competing_jurisdictions"] == ["Michigan", "Ohio"]
    assert as_user("dave").get(f"/api/v1/pitch-packs/{KEY}").status_code == 403
    assert as_user("anonymous").get(f"/api/v1/pitch-packs/{KEY}").status_code == 401
