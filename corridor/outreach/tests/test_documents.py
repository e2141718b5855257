"""One-page briefs, briefing packs and the common agenda render as HTML and as PDF with
the live figures in them."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.outreach import agenda, documents, pdf, planner


def _pdf_text(document: documents.Document) -> bytes:
    data = pdf.render(document, compress=False)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return data


def test_a_message_brief_carries_its_live_figures_in_html_and_pdf(ow: Any) -> None:
    document = documents.message_brief(ow.carol, ow.message)
    figures = {row[0]: row[1] for row in document.blocks[-1].table.rows}  # type: ignore[union-attr]
    assert figures["Jobs in the corridor's registered plants"] == "3,000"  # the Ford plant
    raw = _pdf_text(document)
    assert b"3,000" in raw and b"Auto jobs are Ontario jobs" in raw
    page = client_for(ow.erin).get(f"/outreach/messages/{ow.message.pk}/brief/").content.decode()
    assert "3,000" in page and "Every assembly job supports suppliers" in page


def test_the_pdf_download_is_a_pdf_file(ow: Any) -> None:
    response = client_for(ow.dave).get(f"/outreach/messages/{ow.message.pk}/brief/?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="brief-{ow.message.pk}.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_a_briefing_pack_names_the_plants_the_delegation_and_who_we_know(ow: Any) -> None:
    pack = planner.briefing_pack(ow.carol, ow.visit)
    raw = _pdf_text(documents.briefing_pack_document(pack))
    for text in (b"Test Assembly", b"3,000", b"Pat Example", b"The Canadian Road", b"Oakville"):
        assert text in raw, text


def test_the_common_agenda_document_shows_how_many_stand_behind_each_ask(ow: Any) -> None:
    document = documents.agenda_document(ow.bob, agenda.common_agenda(ow.bob))
    summary = document.blocks[0].table
    assert summary is not None
    assert summary.rows == [
        ["Finish the border crossing", "Infrastructure and border crossings",
         "Open for endorsement", "1 of 2", "none yet"]
    ]  # fmt: skip
    raw = _pdf_text(document)
    assert b"1 of 2" in raw and b"CR 1/2026" in raw
