"""The "Attraction and retention" panel of a facility's page: the risk item and its reasons,
a dismissal, and the prospects about the plant or its company, as each reader may see them."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from conftest import client_for
from corridor.attraction import risk, services
from corridor.attraction.models import FacilityRisk
from corridor.calls.tests.helpers import facility
from corridor.core.history import change_context
from corridor.core.scoping import system_scope


@pytest.fixture
def plant(world: Any) -> Any:
    plant = facility("Panel Stampings", world.windsor, employees=420)
    now = timezone.now()
    with system_scope("tests"):
        FacilityRisk.objects.create(
            facility=plant,
            score=65,
            jobs=420,
            reasons=[
                {"reason": "red_flag", "label": "Red flag on a call", "weight": 40,
                 "detail": "Relocation or closure risk, open 12 days"},
                {"reason": "parent_elsewhere", "label": "Parent company invests elsewhere",
                 "weight": 25, "detail": "Tennessee, $180,000,000"},
            ],
            signature="parent_elsewhere,red_flag",
            assessed_at=now,
            first_listed_at=now,
        )  # fmt: skip
    with change_context(user=world.alice, source="tests"):
        services.create_prospect(
            world.alice, name="Panel Stampings expansion", kind="expansion", facility=plant,
            company=plant.company,
        )  # fmt: skip
    return plant


def _page(user: Any, plant: Any) -> str:
    response = client_for(user).get(f"/registry/facilities/{plant.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_officer_sees_the_risk_its_reasons_and_the_prospect(world: Any, plant: Any) -> None:
    page = _page(world.alice, plant)
    assert "facility-attraction-heading" in page
    assert "On the risk list" in page and "score 65" in page
    assert "Relocation or closure risk, open 12 days" in page
    assert "Panel Stampings expansion" in page
    assert f"/attraction/prospects/new/?facility={plant.pk}" in page


def test_another_municipality_sees_the_risk_but_not_an_unshared_prospect(
    world: Any, plant: Any
) -> None:
    page = _page(world.bob, plant)
    assert "On the risk list" in page
    assert "Panel Stampings expansion" not in page
    assert "No prospect is about this facility" in page


def test_a_partner_sees_no_panel(world: Any, plant: Any) -> None:
    assert "facility-attraction-heading" not in _page(world.dave, plant)


def test_a_dismissal_of_its_reasons_is_shown_instead_of_the_reasons(world: Any, plant: Any) -> None:
    with change_context(user=world.alice, source="tests"):
        risk.dismiss(world.alice, plant, "The company signed a ten-year lease in November.")
    page = _page(world.erin, plant)
    assert "On the risk list" not in page
    assert "were dismissed by" in page and "ten-year lease" in page
