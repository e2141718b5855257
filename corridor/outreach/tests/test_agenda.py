"""Endorsements and the common agenda: who stands behind each ask, counted by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import client_for
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.outreach import agenda, services
from corridor.outreach.models import AskStatus, Endorsement, PolicyAsk

DAY = dt.date(2026, 9, 1)


@pytest.fixture
def asks(world: Any) -> Any:
    w = world
    with system_scope("tests"), change_context(source="tests"):
        w.org_c = Organisation.objects.create(
            name="London Economic Development",
            short_name="London",
            kind=OrganisationKind.MUNICIPALITY,
        )
        w.org_d = Organisation.objects.create(
            name="Closed Town Economic Development", kind=OrganisationKind.MUNICIPALITY
        )

        def ask(title: str, status: str = AskStatus.OPEN) -> PolicyAsk:
            return PolicyAsk.objects.create(
                theme="infrastructure", title=title, ask=title, owner=w.office, status=status
            )

        w.bridge, w.rnd, w.lonely, w.draft = (
            ask("Bridge"),
            ask("R&D"),
            ask("Lonely"),
            ask("Draft", AskStatus.DRAFT),
        )
    for org in (w.org_a, w.org_b, w.org_c):
        services.endorse(
            w.carol, w.bridge, organisation=org, council_resolution="CR", resolved_on=DAY
        )
    services.endorse(
        w.alice, w.rnd, organisation=w.org_a, council_resolution="CR 2", resolved_on=DAY
    )
    withdrawn = services.endorse(
        w.bob, w.rnd, organisation=w.org_b, council_resolution="CR 3", resolved_on=DAY
    )
    services.withdraw_endorsement(w.bob, withdrawn)
    services.endorse(
        w.carol, w.lonely, organisation=w.org_d, council_resolution="CR", resolved_on=DAY
    )
    with system_scope("tests"):
        w.org_d.delete()  # a municipality that left: its endorsement no longer counts
        # an organisation that is not a municipality never counts, even if written directly
        Endorsement.objects.create(
            ask=w.lonely, organisation=w.office, council_resolution="x", resolved_on=DAY
        )
    return w


def test_support_counts_live_endorsements_of_live_municipalities_only(asks: Any) -> None:
    counts = agenda.endorsement_counts(asks.carol)
    assert counts == {asks.bridge.pk: 3, asks.rnd.pk: 1}


def test_the_common_agenda_puts_the_best_supported_ask_first_and_leaves_drafts_out(
    asks: Any,
) -> None:
    common = agenda.common_agenda(asks.erin)
    assert [(line.ask.title, line.support) for line in common.lines] == [
        ("Bridge", 3),
        ("R&D", 1),
        ("Lonely", 0),
    ]
    assert common.municipalities == 3  # Windsor, Oshawa, London; the closed town is gone
    assert common.share(common.lines[0]) == "3 of 3"
    assert common.endorsing_municipalities == 3


def test_the_api_counts_the_same_as_the_agenda(asks: Any) -> None:
    body = client_for(asks.dave).get("/api/v1/policy-asks", {"page_size": 50}).json()
    support = {item["title"]: item["support"] for item in body["items"]}
    assert support == {"Bridge": 3, "R&D": 1, "Lonely": 0, "Draft": 0}
    agenda_body = client_for(asks.dave).get("/api/v1/common-agenda").json()
    assert [a["support"] for a in agenda_body["asks"]] == [3, 1, 0]
    assert agenda_body["asks"][0]["endorsers"] == [
        "London",
        "Oshawa Economic Development",
        "Windsor Economic Development",
    ]


def test_a_municipality_endorses_an_ask_only_once(asks: Any) -> None:
    with pytest.raises(ValidationError, match="already endorsed"):
        services.endorse(
            asks.alice,
            asks.bridge,
            organisation=asks.org_a,
            council_resolution="again",
            resolved_on=DAY,
        )


def test_an_officer_endorses_only_for_their_own_municipality(asks: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.endorse(
            asks.alice,
            asks.lonely,
            organisation=asks.org_b,
            council_resolution="CR",
            resolved_on=DAY,
        )
    with pytest.raises(PermissionDenied):
        services.endorse(
            asks.erin,
            asks.lonely,
            organisation=asks.org_a,
            council_resolution="CR",
            resolved_on=DAY,
        )


def test_a_draft_ask_and_a_resolution_dated_in_the_future_are_refused(asks: Any) -> None:
    with pytest.raises(ValidationError, match="not open"):
        services.endorse(
            asks.alice,
            asks.draft,
            organisation=asks.org_a,
            council_resolution="CR",
            resolved_on=DAY,
        )
    with pytest.raises(ValidationError, match="future"):
        services.endorse(
            asks.alice,
            asks.lonely,
            organisation=asks.org_a,
            council_resolution="CR",
            resolved_on=dt.date.today() + dt.timedelta(days=2),
        )


def test_the_agenda_page_shows_the_support_of_each_ask(asks: Any) -> None:
    page = client_for(asks.bob).get("/outreach/agenda/").content.decode()
    assert "3 of 3" in page and "1 of 3" in page


def test_endorsing_on_the_ask_page_records_the_resolution(asks: Any) -> None:
    response = client_for(asks.bob).post(
        f"/outreach/agenda/asks/{asks.lonely.pk}/",
        {
            "organisation": asks.org_b.pk,
            "council_resolution": "CR 44/2026",
            "resolved_on": "2026-09-15",
        },
    )
    assert response.status_code == 302
    assert agenda.endorsement_counts(asks.bob)[asks.lonely.pk] == 1
