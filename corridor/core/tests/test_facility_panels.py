"""A capability's panel reaches the facility page through registration alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import client_for
from corridor.core import facility_panels
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility


@pytest.fixture
def plant(world: Any) -> Facility:
    with system_scope("test fixtures"):
        company = Company.objects.create(name="Panel Test Castings")
        return Facility.objects.create(
            company=company, name="Panel Test Castings", municipality=world.windsor
        )


@pytest.fixture
def test_panel() -> Iterator[list[tuple[Any, Any]]]:
    seen: list[tuple[Any, Any]] = []

    def build(user: Any, facility: Any, query: Any) -> Any:
        seen.append((user, facility))
        return {"label": "Shown to editors"} if user.username == "alice" else None

    facility_panels.register(
        "test-panel", "core/tests/test_panel.html", build, order=5, head="core/tests/test_head.html"
    )
    yield seen
    facility_panels.unregister("test-panel")


def test_a_registered_panel_is_built_for_the_reader_and_shown_in_order(
    world: Any, plant: Facility, test_panel: list[tuple[Any, Any]]
) -> None:
    page = client_for(world.alice).get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert test_panel and test_panel[-1][1].pk == plant.pk
    assert 'data-test-panel="Shown to editors"' in page
    assert 'data-test-head="1"' in page
    # before the calls panel (order 10) and the people panel (order 20)
    assert page.index("data-test-panel") < page.index('id="facility-people-heading"')


def test_a_panel_whose_builder_says_none_is_not_shown(
    world: Any, plant: Facility, test_panel: list[tuple[Any, Any]]
) -> None:
    page = client_for(world.bob).get(f"/registry/facilities/{plant.pk}/").content.decode()
    assert test_panel  # asked, and it said None
    assert "data-test-panel" not in page
    assert "data-test-head" not in page


def test_the_capabilities_register_their_panels_in_the_page_order() -> None:
    slugs = [k.slug for k in facility_panels.kinds()]
    assert slugs[:5] == ["calls", "people", "supply-chain", "skills", "programs"]
