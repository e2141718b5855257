"""The coordinator's corrections to a program's facts, and what a reload of the data
file leaves of them.

Programs come from Corridor's data file (`corridor load-programs`); the coordinator
corrects what has changed since (a deadline moved, the program closed, a new
delivery partner) on the program's page. A field a person changed on a page, in the
API or the admin is theirs from then on: reloading the file leaves it as they set it
and changes only the others. The eligibility rules stay in the file, where
``eligibility.validate_rules`` checks them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType

from corridor.core.history import BY_A_PERSON
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.core.services import update_versioned
from corridor.programs.models import FundingProgram

# What the edit page changes: the facts of the program, not its key or rules.
EDITABLE = (
    "name",
    "short_name",
    "aliases",
    "funder",
    "delivered_by",
    "jurisdiction",
    "status",
    "starts_on",
    "ends_on",
    "website",
    "description",
    "source",
)


def edit_program(
    user: Any, program: FundingProgram, changes: dict[str, Any], expected_version: int
) -> FundingProgram:
    """Save ``changes`` to the program's facts if ``user`` keeps programs (the
    coordinator) and nobody saved it since ``expected_version``."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not a program fact the page changes: {', '.join(sorted(unknown))}")
    update_versioned(user, program, changes, expected_version)
    return program


def edited_by_people(program_ids: Iterable[int]) -> dict[int, set[str]]:
    """For each program, the fields a person has changed (the reload keeps them)."""
    kind = ContentType.objects.get_for_model(FundingProgram)
    kept: dict[int, set[str]] = {}
    with system_scope("the program fields people changed, read by the catalogue's reload"):
        changes = ChangeRecord.objects.filter(
            content_type=kind, object_id__in=list(program_ids), source__in=BY_A_PERSON
        ).values_list("object_id", "changed_fields")
        for program_id, fields in changes:
            kept.setdefault(program_id, set()).update(fields)
    return kept
