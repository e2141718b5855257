"""The intelligence pages: search, a document with its facts, upload, checking a fact,
the tracker and the trend radar."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.intel.models import Document, Fact, FactCorrection, FactStatus
from corridor.intel.tests.helpers import DATA, add_text

QUEBEC = (
    "Quebec, 21 October 2020 - The Quebec government announced $295 million over five years "
    "for its new battery sector strategy."
)
MICHIGAN = (
    "LANSING, Mich. - Oct. 5, 2022 - The Michigan Strategic Fund approved a $52.8 million grant "
    "for Harbor Cell Energy LLC to build a battery plant in Big Rapids."
)


def test_search_finds_documents_by_any_word_of_their_text(world: Any) -> None:
    ontario = add_text(world.alice)
    add_text(world.alice, QUEBEC, "quebec.txt")
    page = client_for(world.dave).get("/intel/", {"q": "welding tecumseh"})
    assert page.status_code == 200
    assert list(page.context["page_obj"]) == [ontario]
    assert list(client_for(world.dave).get("/intel/", {"q": "stratégie"}).context["page_obj"]) == []
    assert len(client_for(world.dave).get("/intel/", {"q": "batter"}).context["page_obj"]) == 1


def test_the_document_page_highlights_the_sentence_of_each_fact(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    page = client_for(world.erin).get(f"/intel/documents/{document.pk}/")
    html = page.content.decode()
    mark = f'<mark class="fact-extracted"><a href="/intel/facts/{fact.pk}/">The Ontario government'
    assert mark in html
    assert "Read the facts again" not in html  # erin is a viewer


def test_uploading_a_pdf_adds_the_document_and_shows_its_facts(world: Any) -> None:
    pdf = SimpleUploadedFile("trays.pdf", (DATA / "files" / "battery-trays.pdf").read_bytes())
    response = client_for(world.alice).post(
        "/intel/add/", {"file": pdf, "source": "Ontario Newsroom"}
    )
    with system_scope("test"):
        document = Document.objects.get()
        assert Fact.objects.get(document=document).recipient == "Lakeshore Cell Trays Inc."
    assert response.status_code == 302
    assert response["Location"] == f"/intel/documents/{document.pk}/"
    assert document.source == "Ontario Newsroom"


def test_an_upload_without_file_or_text_says_what_is_missing(world: Any) -> None:
    page = client_for(world.alice).post("/intel/add/", {"title": "Nothing"})
    assert "Choose a file or paste the text of the document." in page.content.decode()


def test_pasting_a_text_works_like_a_file(world: Any) -> None:
    response = client_for(world.bob).post("/intel/add/", {"text": MICHIGAN, "title": "MSF grant"})
    with system_scope("test"):
        fact = Fact.objects.get()
    assert response.status_code == 302
    assert (fact.funder, fact.currency, str(fact.jurisdiction)) == (
        "Michigan Strategic Fund",
        "USD",
        "Michigan",
    )


def test_an_officer_corrects_a_fact_on_its_page(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    form = client_for(world.bob).get(f"/intel/facts/{fact.pk}/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "trends"}
    data.update(
        {
            "jobs": "50",
            "jurisdiction": fact.jurisdiction_id,
            "note": "Updated release",
            "action": "correct",
        }
    )
    response = client_for(world.bob).post(f"/intel/facts/{fact.pk}/", data)
    assert response.status_code == 302
    fact.refresh_from_db()
    assert (fact.jobs, fact.status) == (50, FactStatus.CORRECTED)
    with system_scope("test"):
        fields = set(FactCorrection.objects.filter(fact=fact).values_list("field", flat=True))
    assert fields == {"jobs", "trends"}  # the trends were left unticked, so they changed too


def test_a_correction_made_on_a_stale_page_is_refused_with_the_advice_to_reload(
    world: Any,
) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    form = client_for(world.bob).get(f"/intel/facts/{fact.pk}/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "trends"}
    data.update({"jurisdiction": fact.jurisdiction_id, "note": "Later", "action": "correct"})
    first = {**data, "jobs": "50"}
    assert client_for(world.carol).post(f"/intel/facts/{fact.pk}/", first).status_code == 302
    stale = client_for(world.bob).post(f"/intel/facts/{fact.pk}/", {**data, "jobs": "70"})
    assert stale.status_code == 200
    text = stale.content.decode()
    assert "changed by someone else" in text and "Reload the page to see their change." in text
    fact.refresh_from_db()
    assert fact.jobs == 50


def test_confirming_a_fact_takes_one_button(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    client_for(world.carol).post(f"/intel/facts/{fact.pk}/", {"action": "confirm"})
    fact.refresh_from_db()
    assert fact.status == FactStatus.CONFIRMED


def test_the_tracker_puts_governments_side_by_side_with_their_totals(world: Any) -> None:
    add_text(world.alice)
    add_text(world.alice, QUEBEC, "quebec.txt")
    add_text(world.alice, MICHIGAN, "michigan.txt")
    page = client_for(world.dave).get("/intel/tracker/")
    rows = {r["row"].name: r for r in page.context["rows"]}
    assert set(rows) == {"Ontario", "Quebec", "Michigan"}
    assert rows["Quebec"]["amounts"] == ["$295 million"]
    assert rows["Michigan"]["amounts"] == ["US$52.8 million"]
    assert rows["Quebec"]["row"].policies == 1
    chart = page.context["amount_chart"]
    assert chart["labels"] == [r["row"].name for r in page.context["rows"]]
    assert {d["label"] for d in chart["datasets"]} == {"CAD (millions)", "USD (millions)"}


def test_a_rejected_fact_does_not_count_in_the_tracker(world: Any) -> None:
    add_text(world.alice, QUEBEC, "quebec.txt")
    with system_scope("test"):
        Fact.objects.update(status=FactStatus.REJECTED)
    page = client_for(world.alice).get("/intel/tracker/")
    assert page.context["rows"] == []


def test_the_trend_radar_counts_facts_and_documents_by_trend_and_year(world: Any) -> None:
    add_text(world.alice, QUEBEC, "quebec.txt")
    add_text(world.alice, MICHIGAN, "michigan.txt")
    page = client_for(world.dave).get("/intel/trends/")
    radar = page.context["radar"]
    assert radar.years == [2020, 2022]
    assert radar.facts["batteries"] == {2020: 1, 2022: 1}
    assert radar.documents["batteries"] == {2020: 1, 2022: 1}


def test_reading_again_from_the_page_keeps_a_confirmed_fact(world: Any) -> None:
    document = add_text(world.alice)
    with system_scope("test"):
        fact = Fact.objects.get(document=document)
    client_for(world.alice).post(f"/intel/facts/{fact.pk}/", {"action": "confirm"})
    client_for(world.alice).post(f"/intel/documents/{document.pk}/read-again/")
    fact.refresh_from_db()
    assert fact.status == FactStatus.CONFIRMED


def test_the_original_file_downloads_as_it_arrived(world: Any) -> None:
    document = add_text(world.alice)
    response = client_for(world.dave).get(f"/intel/documents/{document.pk}/file/")
    assert response.content == bytes(document.raw)
    assert response["Content-Disposition"] == 'attachment; filename="release.txt"'
