"""The add and edit pages of the records kept whole: create, edit, edit conflicts, bad
input named by field, and who may use them."""

from __future__ import annotations

from typing import Any

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.outreach.models import Engagement, FleetPilot, Message, Tour


def _get(model: type[Any], **lookup: Any) -> Any:
    with system_scope("reading back what the page wrote"):
        return model.objects.get(**lookup)


def _exists(model: type[Any], **lookup: Any) -> bool:
    with system_scope("checking nothing was written"):
        return model.objects.filter(**lookup).exists()


def _message(**extra: Any) -> dict[str, Any]:
    return {"theme": "sector_importance", "title": "Trade keeps plants open",
            "summary": "Tariffs hurt.", "talking_points": "One\nTwo",
            "evidence": ["registry.jobs"], "position": "1", **extra}  # fmt: skip


def test_the_coordinator_adds_a_message(ow: Any) -> None:
    response = client_for(ow.carol).post("/outreach/messages/new/", _message())
    assert response.status_code == 302, response.content
    message = _get(Message, title="Trade keeps plants open")
    assert message.evidence == ["registry.jobs"] and message.points == ["One", "Two"]


def test_a_message_missing_its_title_is_refused_naming_the_field(ow: Any) -> None:
    response = client_for(ow.carol).post("/outreach/messages/new/", _message(title=""))
    assert response.status_code == 200
    assert "Title</a>: This field is required." in response.content.decode()
    assert not _exists(Message, summary="Tariffs hurt.")


def test_editing_a_tour_saves_and_a_stale_form_conflicts(ow: Any) -> None:
    client = client_for(ow.carol)
    url = f"/outreach/visits/tours/{ow.tour.pk}/edit/"
    loaded = ow.tour.version
    data = {"name": "Detroit and Toronto", "purpose": "", "starts_on": "2026-11-02",
            "ends_on": "2026-11-04", "organisation": ow.tour.organisation_id}  # fmt: skip
    response = client.post(url, {**data, "loaded_version": loaded})
    assert response.status_code == 302
    assert response["Location"] == f"/outreach/visits/tours/{ow.tour.pk}/"
    assert _get(Tour, pk=ow.tour.pk).name == "Detroit and Toronto"
    stale = client.post(url, {**data, "name": "Overwritten", "loaded_version": loaded})
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()
    assert _get(Tour, pk=ow.tour.pk).name == "Detroit and Toronto"


def test_a_tour_cannot_end_before_it_starts(ow: Any) -> None:
    response = client_for(ow.carol).post(
        "/outreach/visits/tours/new/",
        {"name": "Backwards", "starts_on": "2026-11-04", "ends_on": "2026-11-02",
         "organisation": ow.tour.organisation_id},
    )  # fmt: skip
    assert response.status_code == 200
    assert "It cannot end before it starts." in response.content.decode()
    assert not _exists(Tour, name="Backwards")


def test_municipalities_may_not_edit_the_library_and_see_no_buttons(ow: Any) -> None:
    client = client_for(ow.alice)
    assert client.get("/outreach/messages/new/").status_code == 403
    assert client.post(f"/outreach/messages/{ow.message.pk}/edit/", _message()).status_code == 403
    page = client.get("/outreach/messages/").content.decode()
    assert "/outreach/messages/new/" not in page
    assert (
        "/outreach/messages/new/"
        in client_for(ow.carol).get("/outreach/messages/").content.decode()
    )


def test_a_municipality_edits_its_own_pilot_only(ow: Any) -> None:
    pilot = ow.pilot_a
    data = {"title": "Electric buses", "organisation": pilot.organisation_id,
            "technology": pilot.technology, "vehicles": "4", "status": "offered",
            "loaded_version": pilot.version}  # fmt: skip
    assert client_for(ow.bob).post(f"/outreach/pilots/{pilot.pk}/edit/", data).status_code in (
        403,
        404,
    )
    response = client_for(ow.alice).post(f"/outreach/pilots/{pilot.pk}/edit/", data)
    assert response.status_code == 302
    assert _get(FleetPilot, pk=pilot.pk).vehicles == 4


def test_a_stale_engagement_form_conflicts_and_writes_nothing(ow: Any) -> None:
    client = client_for(ow.alice)
    url = f"/outreach/engagements/{ow.event_a.pk}/edit/"
    opened = client.get(url).content.decode()
    loaded = ow.event_a.version
    assert f'name="loaded_version" value="{loaded}"' in opened
    data = {"kind": "event", "title": "Windsor auto day, day one", "starts_on": "2026-10-05",
            "organisation": ow.org_a.pk, "status": "planned", "shared": "on"}  # fmt: skip
    saved = client.post(url, {**data, "loaded_version": loaded})
    assert saved.status_code == 302, saved.content
    assert _get(Engagement, pk=ow.event_a.pk).title == "Windsor auto day, day one"
    # a second form opened at the same version, posted after the first save
    stale = client.post(url, {**data, "title": "Overwritten", "loaded_version": loaded})
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()
    after = _get(Engagement, pk=ow.event_a.pk)
    assert after.title == "Windsor auto day, day one" and after.version == loaded + 1
