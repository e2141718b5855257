"""Regions, occupations, figures and calls for the skills-map tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import recording
from corridor.calls.models import Call
from corridor.calls.tests.helpers import facility, planned
from corridor.core.history import change_context
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.workforce.models import (
    Campus,
    Demand,
    DemandKind,
    Institution,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)

DAY = dt.date(2026, 10, 5)
ON = dt.date(2026, 10, 31)


def occupation(code: str) -> Occupation:
    with system_scope("tests"):
        return Occupation.objects.get(noc_code=code)


def region(name: str) -> Region:
    with system_scope("tests"):
        return Region.objects.get(name=name)


def supply(place: Region, code: str, unemployed: int, employed: int = 1000, **extra: Any) -> None:
    with system_scope("tests"), change_context(source="tests"):
        LabourSupply.objects.create(
            region=place, occupation=occupation(code), employed=employed, unemployed=unemployed,
            period=extra.pop("period", dt.date(2025, 1, 1)), source=extra.pop("source", "tests"),
        )  # fmt: skip


def postings(place: Region, code: str, count: int, month: dt.date = dt.date(2026, 9, 1)) -> None:
    with system_scope("tests"), change_context(source="tests"):
        Demand.objects.create(
            kind=DemandKind.POSTINGS, region=place, occupation=occupation(code), month=month,
            count=count, source="tests",
        )  # fmt: skip


def program(
    name: str,
    graduates: int,
    campuses: list[Municipality],
    codes: list[str],
    institution: Institution | None = None,
) -> TrainingProgram:
    with system_scope("tests"), change_context(source="tests"):
        school = institution or Institution.objects.get_or_create(name="Test College")[0]
        made = TrainingProgram.objects.create(
            institution=school, code=name[:40], name=name, credential="diploma",
            length_months=24, seats=graduates + 5, graduates_per_year=graduates,
        )  # fmt: skip
        made.campuses.set(
            [
                Campus.objects.get_or_create(
                    institution=school, name=m.name, defaults={"municipality": m}
                )[0]
                for m in campuses
            ]
        )
        made.occupations.set([occupation(c) for c in codes])
        return made


def recorded_call(user: Any, organisation: Any, place: Municipality, hard_to_fill: str) -> Call:
    """A completed call of a new facility in ``place`` naming these hard-to-fill occupations."""
    with system_scope("tests"):
        count = Call.objects.count()
    plant = facility(f"Plant {count + 1}", place)
    call = planned(user, plant, organisation, DAY)
    errors = recording.save_answers(
        user, call, {"workforce.hard_to_fill": hard_to_fill}, complete=True, today=DAY
    )
    assert not errors, errors
    return call
