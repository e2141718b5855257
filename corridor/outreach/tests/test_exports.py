"""The outreach list exports: the page's rows for each reader, nothing the page hides."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from tests.export_files import csv_rows


def test_the_contact_export_counts_who_knows_them_and_holds_no_email(ow: Any) -> None:
    client = client_for(ow.carol)
    rows = csv_rows(client.get("/outreach/contacts/", {"q": "pat", "format": "csv"}))
    assert rows[1][1:6] == [
        "Pat Example",
        "Vice-president, manufacturing (fictional)",
        ow.contact.organisation_label,
        "Yes",
        "2",
    ]
    assert (
        "pat@example.org"
        not in client.get("/outreach/contacts/", {"format": "csv"}).content.decode()
    )
    assert client_for(ow.dave).get("/outreach/contacts/", {"format": "csv"}).status_code == 403


def test_the_relationship_export_follows_the_organisation_filter(ow: Any) -> None:
    client = client_for(ow.carol)
    rows = csv_rows(
        client.get("/outreach/relationships/", {"organisation": ow.org_b.pk, "format": "csv"})
    )
    assert [(r[1], r[5]) for r in rows[1:]] == [("Oshawa's mayor", "Acquaintance")]
    everything = csv_rows(client.get("/outreach/relationships/", {"format": "csv"}))
    assert len(everything) == 3


def test_an_unshared_pilot_stays_out_of_a_partners_export(ow: Any) -> None:
    def titles(user: Any) -> set[str]:
        rows = csv_rows(client_for(user).get("/outreach/pilots/", {"format": "csv"}))
        return {r[1] for r in rows[1:]}

    assert titles(ow.dave) == {"Electric by-law cars"}  # the shared one only
    assert titles(ow.alice) == {"Electric by-law cars", "Hydrogen buses"}


def test_the_agenda_partnership_and_visit_exports_list_the_page_rows(ow: Any) -> None:
    client = client_for(ow.dave)
    asks = csv_rows(client.get("/outreach/agenda/", {"theme": "infrastructure", "format": "csv"}))
    assert [r[1] for r in asks[1:]] == ["Finish the border crossing"]
    assert asks[1][5] == "1"  # alice's endorsement
    page = client.get("/outreach/agenda/").content.decode()
    assert ("A research fund" in page) == (
        "A research fund" in client.get("/outreach/agenda/", {"format": "csv"}).content.decode()
    )
    partnerships = csv_rows(client.get("/outreach/centre/partnerships/", {"format": "csv"}))
    assert partnerships[1][0] == "Smart Manufacturing Test Centre"
    assert partnerships[1][3] == f"{ow.apma.label}, A college"
    visits = csv_rows(client.get("/outreach/visits/", {"format": "csv"}))
    assert [r[0] for r in visits[1:]] == [str(ow.visit.pk)]
