"""Who was met: a person linked to the calls and follow-ups of their company."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import client_for
from corridor.calls.tests.helpers import facility, planned
from corridor.contacts import services
from corridor.contacts.tests.helpers import person
from corridor.contacts.views import links
from corridor.core.history import change_context
from corridor.core.scoping import system_scope


@pytest.fixture
def plant(world: Any) -> Any:
    return facility("Riverside Stamping", world.windsor, employees=120)


def _linked(contact: Any) -> set[Any]:
    with system_scope("test: what the person is linked to"):
        return set(contact.calls.all())


def _call(world: Any, plant: Any, day: str, by: str = "alice") -> Any:
    user = getattr(world, by)
    organisation = world.org_a if by == "alice" else world.office
    with change_context(user=user, source="tests"):
        return planned(user, plant, organisation, on=dt.date.fromisoformat(day))


def test_an_officer_ticks_the_calls_a_person_was_met_on(world: Any, plant: Any) -> None:
    pat = person(world.alice, plant)
    call = _call(world, plant, "2026-10-05")
    elsewhere = _call(world, facility("Lakeshore Plastics", world.windsor), "2026-10-06")
    client = client_for(world.alice)

    page = client.get(f"/contacts/{pat.pk}/links/").content.decode()
    assert "2026-10-05, Riverside Stamping, by Windsor Economic Development" in page
    assert "Lakeshore Plastics" not in page  # another company's call is not offered
    assert "the 30 most recent of each at most" in page

    answer = client.post(f"/contacts/{pat.pk}/links/", {"calls": [str(call.pk)]})
    assert answer.status_code == 302
    assert _linked(pat) == {call}
    shown = client.get(f"/contacts/{pat.pk}/").content.decode()
    assert "Change the calls, follow-ups and referrals Pat Example is linked to" in shown
    assert f"/calls/{call.pk}/" in shown

    refused = client.post(f"/contacts/{pat.pk}/links/", {"calls": [str(elsewhere.pk)]})
    assert refused.status_code == 200 and "is not one of the available choices" in (
        refused.content.decode()
    )
    assert _linked(pat) == {call}  # another company's call is not linked, nothing changed

    client.post(f"/contacts/{pat.pk}/links/", {})
    assert _linked(pat) == set()  # unticked


def test_a_link_to_a_call_not_offered_is_kept(
    world: Any, plant: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pat = person(world.alice, plant)
    older = _call(world, plant, "2026-09-01", by="carol")
    newer = _call(world, plant, "2026-10-05")
    services.link(world.alice, pat, calls=[older])
    monkeypatch.setattr(links, "OFFERED", 1)  # only the newest call is offered
    client_for(world.alice).post(f"/contacts/{pat.pk}/links/", {"calls": [str(newer.pk)]})
    assert _linked(pat) == {older, newer}


def test_the_service_refuses_another_company_s_call(world: Any, plant: Any) -> None:
    pat = person(world.alice, plant)
    elsewhere = _call(world, facility("Lakeshore Plastics", world.windsor), "2026-10-06")
    with pytest.raises(ValidationError, match="another company"):
        services.link(world.alice, pat, calls=[elsewhere])
    assert _linked(pat) == set()


def test_only_who_may_change_the_person_links_them(world: Any, plant: Any) -> None:
    pat = person(world.alice, plant)
    statuses = {
        name: client_for(getattr(world, name)).get(f"/contacts/{pat.pk}/links/").status_code
        for name in ("alice", "carol", "erin", "bob", "dave")
    }
    # erin reads Windsor's people but does not edit; bob may not see an unshared person
    assert statuses == {"alice": 200, "carol": 200, "erin": 403, "bob": 404, "dave": 403}


def test_an_officer_ticks_the_referral_made_for_a_person(world: Any, plant: Any) -> None:
    from corridor.programs.models import Referral
    from corridor.programs.tests.helpers import program

    pat = person(world.alice, plant)
    with system_scope("test fixtures"), change_context(source="tests"):
        referral = Referral.objects.create(
            facility=plant, program=program(), organisation=world.org_a,
            referred_on=dt.date(2026, 10, 7),
        )  # fmt: skip
    client = client_for(world.alice)
    page = client.get(f"/contacts/{pat.pk}/links/").content.decode()
    assert "Referred 2026-10-07, Riverside Stamping" in page
    client.post(f"/contacts/{pat.pk}/links/", {"referrals": [str(referral.pk)]})
    with system_scope("test: the person's referrals"):
        assert list(pat.referrals.all()) == [referral]
    assert "Referred 2026-10-07, Riverside Stamping" in (
        client.get(f"/contacts/{pat.pk}/").content.decode()
    )
