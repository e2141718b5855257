"""Programs, facilities and projects for the programs tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.history import change_context
from corridor.core.models import Municipality, Organisation
from corridor.core.scoping import system_scope
from corridor.programs.models import FundedProject, FundingProgram, LinkStatus, ProjectRecipient
from corridor.registry.models import Company, Facility

SME_PARTS_RULES = [
    {"kind": "region", "provinces": ["ON"]},
    {"kind": "size", "max_employees": 499},
    {"kind": "sector", "naics_prefixes": ["3363"]},
    {"kind": "project_type", "types": ["technology_adoption", "lean_training"]},
]


def program(key: str = "parts", delivered_by: Organisation | None = None, **extra: Any) -> Any:
    with system_scope("test fixtures"), change_context(source="tests"):
        values: dict[str, Any] = {
            "name": f"Parts Program {key}",
            "short_name": key.upper(),
            "jurisdiction": "provincial",
            "eligibility": SME_PARTS_RULES,
            "delivered_by": delivered_by,
            **extra,
        }
        return FundingProgram.objects.create(key=key, **values)


def facility(name: str, place: Municipality | None, **extra: Any) -> Facility:
    with system_scope("test fixtures"), change_context(source="tests"):
        company = Company.objects.create(name=name)
        return Facility.objects.create(
            company=company,
            name=name,
            city=place.name if place else "",
            municipality=place,
            **extra,
        )


def project(prog: FundingProgram, title: str, **extra: Any) -> FundedProject:
    with system_scope("test fixtures"), change_context(source="tests"):
        extra.setdefault("approved_on", dt.date(2024, 5, 1))
        return FundedProject.objects.create(program=prog, title=title, **extra)


def fund(funded: FundedProject, plant: Facility, name: str = "Lakeside Stamping") -> None:
    """Record ``plant``'s company (linked) as a recipient of ``funded``."""
    with system_scope("test fixtures"), change_context(source="tests"):
        ProjectRecipient.objects.create(
            project=funded,
            name=name,
            facility=plant,
            company=plant.company,
            link_status=LinkStatus.LINKED,
        )
