"""Contacts and touches for the contacts tests, built on the shared ``world`` fixture."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.contacts import services
from corridor.contacts.models import Contact, Touch
from corridor.core.history import change_context
from corridor.registry.models import Facility

DAY = dt.date(2026, 10, 5)


def person(user: Any, plant: Facility, name: str = "Pat Example", **extra: Any) -> Contact:
    values: dict[str, Any] = {
        "role": "plant_manager",
        "phone": "519-555-0101",
        "email": "pat@example.com",
        "consent_basis": "implied",
        "consent_on": DAY,
        "consent_note": "Business card at the plant tour",
        **extra,
    }
    with change_context(user=user, source="tests"):
        return services.create_contact(
            user, company=plant.company, facility=plant, name=name, **values
        )


def touched(user: Any, plant: Facility, people: list[Contact], **extra: Any) -> Touch:
    values: dict[str, Any] = {"kind": "phone", "happened_on": DAY, "note": "Asked about hiring"}
    values.update(extra)
    with change_context(user=user, source="tests"):
        return services.log_touch(user, plant, contacts=people, **values)
