"""Facilities with capabilities and coordinates for the supply-chain tests."""

from __future__ import annotations

from typing import Any

from corridor.core.history import change_context
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility
from corridor.supplychain import needs
from corridor.supplychain.models import Capability, FacilityCapability, SupplyNeed


def plant(
    name: str,
    place: Municipality,
    lat: float,
    lon: float,
    capabilities: tuple[str, ...] = (),
    **extra: Any,
) -> Facility:
    with system_scope("test fixtures"), change_context(source="tests"):
        company = Company.objects.create(name=name)
        facility = Facility.objects.create(
            company=company, name=name, city=place.name, municipality=place,
            latitude=lat, longitude=lon, **extra,
        )  # fmt: skip
        for key in capabilities:
            FacilityCapability.objects.create(
                facility=facility, capability=Capability.objects.get(key=key), source="officer"
            )
        return facility


def capability(key: str) -> Capability:
    with system_scope("test fixtures"):
        return Capability.objects.get(key=key)


def recorded_need(
    world: Any, buyer: Facility, key: str, value: int | None, radius_km: int = 150
) -> SupplyNeed:
    """A need of ``buyer`` recorded by its own municipality's officer (alice in Windsor,
    bob in Oshawa), for that municipality."""
    windsor = buyer.municipality_id == world.windsor.pk
    return needs.record_need(
        world.alice if windsor else world.bob,
        buyer=buyer,
        capability=capability(key),
        organisation=world.org_a if windsor else world.org_b,
        annual_value=value,
        radius_km=radius_km,
    )
