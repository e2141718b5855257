"""The risk demo: a plant with a red flag and its parent's announcement heads the list."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.attraction.demo_risk import build_demo_risk
from corridor.attraction.models import FacilityRisk
from corridor.attraction.tests.test_risk_assessment import flag, plant
from corridor.core.scoping import system_scope
from corridor.intel.models import Document

pytestmark = pytest.mark.django_db


def test_the_demo_puts_a_red_flagged_plant_with_an_announcement_first(world: Any) -> None:
    big = plant("Fictional Big", world.windsor, employees=900, is_fictional=True)
    flag(big, world.org_a, "yellow", "workforce")
    flag(big, world.org_a, "red", "downsizing", days_old=200)  # 60, and no visit 10
    other = plant("Fictional Red", world.oshawa, employees=100, is_fictional=True)
    flag(other, world.org_b, "red", "relocation_closure")
    said: list[str] = []
    build_demo_risk(said.append)
    with system_scope("tests"):
        top = FacilityRisk.objects.select_related("facility").order_by("-score").first()
        documents = Document.objects.filter(is_demo=True).count()
    assert top is not None and top.facility == big
    keys = {r["reason"] for r in top.reasons}
    assert {"red_flag", "parent_elsewhere"} <= keys
    detail = next(r for r in top.reasons if r["reason"] == "parent_elsewhere")["detail"]
    assert "Tennessee" in detail and "Fictional Big" in detail
    assert "first: Fictional Big" in said[-1]
    # again: nothing new
    build_demo_risk(said.append)
    with system_scope("tests"):
        assert Document.objects.filter(is_demo=True).count() == documents == 1
        assert FacilityRisk.objects.order_by("-score").first().facility == big  # type: ignore[union-attr]


def test_without_a_red_flag_the_demo_raises_one(world: Any) -> None:
    plant("Fictional Windsor", world.windsor, employees=300, is_fictional=True)
    build_demo_risk(lambda _: None)
    with system_scope("tests"):
        top = FacilityRisk.objects.select_related("facility").order_by("-score").first()
    assert top is not None and top.facility.name == "Fictional Windsor"
    assert {"red_flag", "parent_elsewhere"} <= {r["reason"] for r in top.reasons}
