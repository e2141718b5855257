"""Every outreach page renders for the coordinator (a first check the matrix refines)."""

from __future__ import annotations

from typing import Any

from conftest import client_for


def test_every_page_renders_for_the_coordinator(ow: Any) -> None:
    client = client_for(ow.carol)
    urls = [
        "/outreach/", "/outreach/contacts/", f"/outreach/contacts/{ow.contact.pk}/",
        "/outreach/relationships/", "/outreach/head-offices/", "/outreach/calendar/?month=2026-10",
        "/outreach/engagements/new/", f"/outreach/engagements/{ow.event_a.pk}/",
        f"/outreach/engagements/{ow.event_a.pk}/edit/", "/outreach/visits/",
        f"/outreach/visits/tours/{ow.tour.pk}/", f"/outreach/visits/tours/{ow.tour.pk}/plan/",
        f"/outreach/visits/{ow.visit.pk}/briefing/", "/outreach/messages/",
        f"/outreach/messages/{ow.message.pk}/brief/", "/outreach/agenda/",
        f"/outreach/agenda/asks/{ow.ask.pk}/", "/outreach/agenda/common/",
        "/outreach/centre/working-groups/", "/outreach/centre/partnerships/",
        "/outreach/pilots/", "/outreach/pilots/new/",
    ]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
