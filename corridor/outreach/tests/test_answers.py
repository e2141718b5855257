"""Asks answered: government announcements suggested as answers to the agenda's asks,
confirmed or rejected by officers, shown on the agenda and in the common agenda."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document
from corridor.outreach import answers
from corridor.outreach.agenda import common_agenda
from corridor.outreach.documents import agenda_document
from corridor.outreach.models import AskResponse, AskStatus, PolicyAsk, ResponseStatus

SKILLS = (
    "Ontario Helping Auto Workers Train for Electric Vehicle Jobs\nDate: 2024-05-21\n\n"
    "The Government of Ontario is investing $6.2 million through the Skills Development Fund "
    "in 9 training projects that will help 1,500 workers learn battery assembly."
)
MICHIGAN = (
    "Michigan trains battery workers\nDate: 2024-03-02\n\n"
    "The State of Michigan is investing $5 million through its skills fund in training "
    "programs that will help 800 workers learn battery assembly in Lansing, Michigan."
)
EXPORTS = (
    "Auto parts exports reach a record\nDate: 2024-01-20\n\n"
    "Ontario's auto parts makers exported $19.1 billion of goods last year."
)


def _ask(w: Any, **extra: Any) -> PolicyAsk:
    fields = {
        "theme": "workforce",
        "title": "Train the skilled workforce the sector of the future needs",
        "ask": "Fund skills training for auto workers.",
        "addressed_to": "Province of Ontario",
        "owner": w.office,
        "status": AskStatus.ADOPTED,
    }
    fields.update(extra)
    with system_scope("tests"), change_context(user=w.carol, source="tests"):
        return PolicyAsk.objects.create(**fields)


def _ingest(w: Any, text: str, name: str, capture: Any, jurisdiction: str = "") -> Document:
    with capture(execute=True), change_context(user=w.carol, source="tests"):
        document, _ = ingest_bytes(
            w.carol, name, text.encode(), Metadata(jurisdiction=jurisdiction)
        )
    return document


def _responses(**match: Any) -> list[AskResponse]:
    with system_scope("tests"):
        return list(AskResponse.objects.filter(**match))


def test_score_parts() -> None:
    ask = PolicyAsk(
        theme="workforce", title="Train the skilled workforce", ask="Skills training.",
        addressed_to="Province of Ontario",
    )  # fmt: skip
    found = answers.score(ask, "Ontario invests in skills training for workers", "Ontario")
    assert found.theme == 1.0 and found.addressee == 1.0 and found.words > 0
    assert found.total >= answers.THRESHOLD
    other = answers.score(ask, "A new bridge over the river", "Ontario")
    assert other.theme == 0 and other.total < answers.THRESHOLD
    assert answers.addressee_score(ask, "Michigan") == 0


def test_a_government_announcement_is_suggested_for_the_matching_ask(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ask = _ask(world)
    border = _ask(world, theme="infrastructure", title="Finish the border crossing",
                  ask="Fund the road links.")  # fmt: skip
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    found = _responses(document=document)
    assert [r.ask_id for r in found] == [ask.pk]
    response = found[0]
    assert response.status == ResponseStatus.SUGGESTED
    assert response.score >= answers.THRESHOLD and response.fact is not None
    assert "theme" in response.note
    assert not _responses(ask=border)


def test_another_government_and_a_non_announcement_are_not_suggested(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ask = _ask(world)
    _ingest(world, MICHIGAN, "michigan.txt", django_capture_on_commit_callbacks)
    _ingest(world, EXPORTS, "exports.txt", django_capture_on_commit_callbacks, "Ontario")
    assert not _responses(ask=ask)


def test_a_decision_is_kept_when_the_document_is_read_again(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ask = _ask(world)
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    response = _responses(document=document)[0]
    with change_context(user=world.alice, source="tests"):
        answers.decide(world.alice, response, ResponseStatus.REJECTED, "Training, not our ask")
    answers.suggest_for_document(document.pk)
    again = _responses(ask=ask)
    assert [r.status for r in again] == [ResponseStatus.REJECTED]
    assert again[0].decided_by == world.alice


def test_only_officers_decide_and_link(world: Any, django_capture_on_commit_callbacks: Any) -> None:
    ask = _ask(world)
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    response = _responses(document=document)[0]
    for viewer in (world.dave, world.erin):
        with pytest.raises(PermissionDenied):
            answers.decide(viewer, response, ResponseStatus.CONFIRMED)
        with pytest.raises(PermissionDenied):
            answers.link(viewer, ask, document)
    linked = answers.link(world.bob, ask, document, note="The fund is the answer")
    assert linked.pk == response.pk and linked.status == ResponseStatus.CONFIRMED
    assert linked.decided_by == world.bob


def test_the_agenda_shows_who_answered_and_filters_answered(
    world: Any, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ask = _ask(world)
    unanswered = _ask(world, theme="procurement", title="Buy local vehicles",
                      ask="Favour local technology in fleets.")  # fmt: skip
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    response = _responses(document=document)[0]
    client = as_user("alice")
    page = client.get(f"/outreach/agenda/asks/{ask.pk}/").content.decode()
    assert "Suggested by Corridor" in page and f"/agenda/responses/{response.pk}/confirm/" in page
    assert client.post(f"/outreach/agenda/responses/{response.pk}/confirm/").status_code == 302
    page = client.get(f"/outreach/agenda/asks/{ask.pk}/").content.decode()
    assert "Governments&#x27; answers" in page or "Governments' answers" in page
    assert "Skills Development Fund" in page and "Suggested by Corridor" not in page
    listing = client.get("/outreach/agenda/?answered=1").content.decode()
    assert f'href="/outreach/agenda/asks/{ask.pk}/"' in listing
    assert f'href="/outreach/agenda/asks/{unanswered.pk}/"' not in listing
    assert "Ontario" in listing
    everything = client.get("/outreach/agenda/").content.decode()
    assert f'href="/outreach/agenda/asks/{unanswered.pk}/"' in everything
    assert "none yet" in everything
    doc_page = client.get(f"/intel/documents/{document.pk}/").content.decode()
    assert "Answers to the common agenda" in doc_page and ask.title in doc_page
    text = " ".join(
        " ".join(b.paragraphs + b.bullets)
        for b in agenda_document(world.dave, common_agenda(world.dave, with_figures=False)).blocks
    )
    assert "Answered by Ontario, 21 May 2024" in text and "Skills Development Fund" in text


def test_a_viewer_sees_answers_but_no_buttons(
    world: Any, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ask = _ask(world)
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    response = _responses(document=document)[0]
    client = as_user("erin")
    page = client.get(f"/outreach/agenda/asks/{ask.pk}/").content.decode()
    assert "Suggested by Corridor" in page and "/confirm/" not in page
    assert client.post(f"/outreach/agenda/responses/{response.pk}/confirm/").status_code == 403
    doc_page = client.get(f"/intel/documents/{document.pk}/").content.decode()
    assert "It answers the ask" not in doc_page


def test_link_by_hand_from_the_document_page(world: Any, as_user: Any) -> None:
    ask = _ask(world)
    with change_context(user=world.carol, source="tests"):
        document, _ = ingest_bytes(world.carol, "michigan.txt", MICHIGAN.encode(), Metadata())
    client = as_user("alice")
    got = client.post("/outreach/agenda/responses/link/", {"ask": ask.pk, "document": document.pk})
    assert got.status_code == 302 and got["Location"].endswith(f"/agenda/asks/{ask.pk}/")
    [response] = _responses(ask=ask)
    assert response.status == ResponseStatus.CONFIRMED and response.document == document
    assert client.post("/outreach/agenda/responses/link/", {"ask": ""}).status_code == 302


def test_api(world: Any, as_user: Any, django_capture_on_commit_callbacks: Any) -> None:
    ask = _ask(world)
    document = _ingest(world, SKILLS, "skills.txt", django_capture_on_commit_callbacks)
    response = _responses(document=document)[0]
    dave = as_user("dave")
    listed = dave.get(f"/api/v1/asks/{ask.pk}/responses").json()
    assert [r["id"] for r in listed["items"]] == [response.pk]
    assert listed["items"][0]["government"] == "Ontario"
    assert dave.post(f"/api/v1/ask-responses/{response.pk}/confirm").status_code == 403
    bob = as_user("bob")
    got = bob.post(f"/api/v1/ask-responses/{response.pk}/confirm")
    assert got.status_code == 200 and got.json()["status"] == "confirmed"
    assert bob.get(f"/api/v1/asks/{ask.pk}/responses?status=suggested").json()["count"] == 0
    got = bob.post(f"/api/v1/ask-responses/{response.pk}/reject")
    assert got.status_code == 200 and got.json()["status"] == "rejected"
    other = _ask(world, theme="capital", title="Match incentives", ask="Match them.")
    got = bob.post(
        f"/api/v1/asks/{other.pk}/responses", {"document_id": document.pk},
        content_type="application/json",
    )  # fmt: skip
    assert got.status_code == 201 and got.json()["status"] == "confirmed"
    got = bob.post(
        f"/api/v1/asks/{other.pk}/responses", {"document_id": 999999},
        content_type="application/json",
    )  # fmt: skip
    assert got.status_code == 422 and got.json()["error"]["field"] == "document_id"
    assert Client().get(f"/api/v1/asks/{ask.pk}/responses").status_code == 401


def test_the_demo_confirms_ontarios_skills_funding_as_an_answer(world: Any) -> None:
    from corridor.intel.demo import build_demo
    from corridor.outreach.demo_answers import build_demo_answers

    ask = _ask(world)
    with system_scope("tests"):
        world.carol.username = "coordinator"  # the demo's coordinator decides
        world.carol.save()
    said: list[str] = []
    build_demo(said.append)  # the announcements, then (outreach's demo runs after) the answers
    build_demo_answers(said.append)
    build_demo_answers(said.append)
    confirmed = _responses(status=ResponseStatus.CONFIRMED)
    assert [(r.ask_id, r.document.title) for r in confirmed] == [
        (ask.pk, "Ontario skills funding for auto workers")
    ]
    assert confirmed[0].decided_by == world.carol and confirmed[0].fact is not None
    assert any(line.startswith("Asks answered: 1 confirmed") for line in said)
