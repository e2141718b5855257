"""A versioned edit refuses fields its service does not allow and runs the service's own
check, writing nothing when either refuses."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from corridor.core.history import change_context
from corridor.core.models import Organisation
from corridor.core.scoping import system_scope
from corridor.core.services import update_versioned


def _reread(org: Organisation) -> Organisation:
    with system_scope("tests"):
        return Organisation.objects.get(pk=org.pk)


def test_a_field_the_service_does_not_allow_is_refused(world: Any) -> None:
    org = world.org_a
    with pytest.raises(ValueError, match="not organisation fields: \\['kind'\\]"):
        update_versioned(world.carol, org, {"kind": "partner"}, org.version, allowed=["name"])
    assert _reread(org).kind == "municipality"


def test_the_services_check_runs_on_the_changed_object_and_refuses_the_save(world: Any) -> None:
    org = world.org_a

    def no_renames(changed: Organisation) -> None:
        if changed.name == "Renamed":
            raise ValidationError({"name": "Not that name."})

    with pytest.raises(ValidationError), change_context(user=world.carol, source="tests"):
        update_versioned(
            world.carol, org, {"name": "Renamed"}, org.version, allowed=["name"], check=no_renames
        )
    assert _reread(org).name != "Renamed"
    with change_context(user=world.carol, source="tests"):
        update_versioned(world.carol, org, {"name": "Windsor EDO"}, org.version, check=no_renames)
    assert _reread(org).name == "Windsor EDO"
