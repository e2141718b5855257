"""Facilities and calls for the calls tests, built on the shared ``world`` fixture."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls.models import Call
from corridor.calls.planning import plan_call
from corridor.core.history import change_context
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.registry.models import Company, Facility

DAY = dt.date(2026, 10, 5)


def facility(name: str, place: Municipality, **extra: Any) -> Facility:
    with system_scope("test fixtures"), change_context(source="tests"):
        company = Company.objects.create(name=name)
        return Facility.objects.create(
            company=company, name=name, city=place.name, municipality=place, **extra
        )


def planned(user: Any, plant: Facility, organisation: Any, on: dt.date = DAY, **extra: Any) -> Call:
    return plan_call(user, plant, organisation, on, **extra)
