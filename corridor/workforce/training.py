"""Keeping training programs: what the program pages, the API and the import call."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.core.services import update_versioned
from corridor.registry.resolution.geo import haversine_km
from corridor.workforce.models import Campus, Institution, Occupation, TrainingProgram
from corridor.workforce.rules import may_keep_institution

PROGRAM_FIELDS = (
    "name",
    "code",
    "credential",
    "length_months",
    "seats",
    "graduates_per_year",
    "delivery_mode",
    "source",
)


def institutions_kept_by(user: Any) -> Any:
    """The institutions whose programs ``user`` keeps."""
    actor = policy.actor_for(user)
    qs = policy.visible(user, Institution)
    if actor.is_coordinator:
        return qs
    return qs.filter(organisation_id__in=actor.editor_organisation_ids)


def _check(program: TrainingProgram, campuses: list[Campus]) -> None:
    if program.graduates_per_year > 10 * max(program.seats, 1):
        raise ValidationError(
            {"graduates_per_year": "More than ten times the seats: check the figures."}
        )
    stray = [c.name for c in campuses if c.institution_id != program.institution_id]
    if stray:
        raise ValidationError(
            {"campuses": f"Not a campus of {program.institution.name}: {', '.join(stray)}."}
        )


def save_program(
    user: Any,
    program: TrainingProgram | None,
    *,
    institution: Institution,
    fields: dict[str, Any],
    campuses: list[Campus],
    occupations: list[Occupation],
    expected_version: int | None = None,
) -> TrainingProgram:
    """Create (``program=None``) or change a program with its campuses and occupations."""
    if not may_keep_institution(user, institution):
        raise PermissionDenied(f"You may not change the programs of {institution.name}.")
    with transaction.atomic():
        if program is None:
            program = TrainingProgram(institution=institution, **fields)
            _check(program, campuses)
            program.full_clean()
            program.save()
        else:
            if program.institution_id != institution.pk:
                raise ValidationError({"institution": "A program stays with its institution."})
            candidate = TrainingProgram(institution=institution, **fields)
            _check(candidate, campuses)
            update_versioned(user, program, fields, expected_version or program.version)
        with system_scope("a program's campuses and occupations, once its keeper is checked"):
            program.campuses.set(campuses)
            program.occupations.set(occupations)
    return program


def distance_km(a: tuple[Any, Any] | None, b: tuple[Any, Any] | None) -> float:
    if a is None or b is None or None in a or None in b:
        return math.inf
    return haversine_km((float(a[0]), float(a[1])), (float(b[0]), float(b[1])))


def programs_for(user: Any) -> Any:
    """The programs ``user`` may see, with their institution, campuses and occupations."""
    from django.db.models import Prefetch

    campuses: Any = policy.visible(user, Campus).select_related("municipality")
    occupations: Any = policy.visible(user, Occupation)
    return (
        policy.visible(user, TrainingProgram)
        .select_related("institution")
        .prefetch_related(
            Prefetch("campuses", queryset=campuses),
            Prefetch("occupations", queryset=occupations),
        )
    )
