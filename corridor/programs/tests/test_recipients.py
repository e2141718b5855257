"""Reviewing an imported recipient's uncertain link: ``recipients.decide_link``."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.programs.models import LinkStatus, ProjectRecipient
from corridor.programs.recipients import decide_link
from corridor.programs.tests.helpers import facility, program, project

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(world: Any) -> ProjectRecipient:
    plant = facility("Lakeside Stamping", world.windsor)
    funded = project(program("oamp"), "Imported")
    with system_scope("test fixtures"), change_context(source="tests"):
        return ProjectRecipient.objects.create(
            project=funded,
            name="LAKESIDE STAMPING LTD",
            link_status=LinkStatus.REVIEW,
            candidate=plant,
        )


def _reread(recipient: ProjectRecipient) -> ProjectRecipient:
    with system_scope("test reads"):
        return ProjectRecipient.objects.get(pk=recipient.pk)


def test_confirming_links_the_recipient_to_the_candidate_and_its_company(
    world: Any, waiting: ProjectRecipient
) -> None:
    plant = waiting.candidate
    assert plant is not None
    with change_context(user=world.carol, source="tests"):
        decide_link(world.carol, waiting, confirm=True)
    saved = _reread(waiting)
    assert (saved.link_status, saved.facility_id, saved.company_id) == (
        LinkStatus.LINKED,
        plant.pk,
        plant.company_id,
    )


def test_rejecting_leaves_the_recipient_unlinked(world: Any, waiting: ProjectRecipient) -> None:
    with change_context(user=world.carol, source="tests"):
        decide_link(world.carol, waiting, confirm=False)
    saved = _reread(waiting)
    assert (saved.link_status, saved.candidate_id, saved.facility_id) == (
        LinkStatus.UNLINKED,
        None,
        None,
    )


def test_only_the_coordinator_decides_and_only_once(world: Any, waiting: ProjectRecipient) -> None:
    with pytest.raises(PermissionDenied):
        decide_link(world.alice, waiting, confirm=True)
    assert _reread(waiting).link_status == LinkStatus.REVIEW
    with change_context(user=world.carol, source="tests"):
        decide_link(world.carol, waiting, confirm=False)
    with pytest.raises(ValidationError, match="not waiting for review"):
        decide_link(world.carol, _reread(waiting), confirm=True)
