"""The pipeline's services: adding a prospect, editing it with a version, the stage rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.attraction import services
from corridor.attraction.models import Prospect, Stage, StageChange
from corridor.core.history import change_context
from corridor.core.models import EditConflict
from corridor.core.scoping import system_scope
from corridor.supplychain.models import Capability

TODAY = dt.date.today()


def battery() -> Capability:
    with system_scope("test"):
        return Capability.objects.get(key="battery-enclosure")


def prospect(user: Any, **extra: Any) -> Prospect:
    values: dict[str, Any] = {
        "name": "Example Die Casting",
        "capability": battery() if "capability" not in extra else extra["capability"],
        "estimated_jobs": 120,
        "estimated_investment": 40_000_000,
        "summary": "Wants a site near the rail line",
        "competing_jurisdictions": "Michigan; Tennessee",
        "next_step": "Send the site list",
        "next_step_due": TODAY + dt.timedelta(days=7),
        **extra,
    }
    with change_context(user=user, source="tests"):
        return services.create_prospect(user, **values)


def changes(p: Prospect) -> list[StageChange]:
    with system_scope("test"):
        return list(StageChange.objects.filter(prospect=p).order_by("changed_on", "pk"))


def test_a_new_prospect_is_the_officers_municipalitys_with_its_first_stage_change(
    world: Any,
) -> None:
    p = prospect(world.alice)
    assert p.organisation == world.org_a and p.owner == world.alice
    assert p.stage == Stage.IDENTIFIED and p.stage_changed_on == TODAY
    [first] = changes(p)
    assert (first.from_stage, first.to_stage, first.changed_by) == ("", "identified", world.alice)


def test_the_coordinator_works_prospects_for_the_coordinator_office(world: Any) -> None:
    p = prospect(world.carol, stage=Stage.CONTACTED)
    assert p.organisation == world.office and p.stage == Stage.CONTACTED
    assert [c.to_stage for c in changes(p)] == ["contacted"]


def test_viewers_and_partners_add_no_prospect(world: Any) -> None:
    for user in (world.erin, world.dave):
        with pytest.raises(PermissionDenied):
            prospect(user)


def test_a_new_prospect_starts_open(world: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        prospect(world.alice, stage=Stage.WON)
    assert "stage" in refused.value.message_dict


def test_an_edit_needs_the_version_it_started_from(world: Any) -> None:
    p = prospect(world.alice)
    services.update_prospect(world.alice, p, p.version, next_step="Call back")
    assert p.version == 2
    with pytest.raises(EditConflict):
        services.update_prospect(world.alice, p, 1, next_step="Stale")
    with pytest.raises(PermissionDenied):
        services.update_prospect(world.bob, p, p.version, name="Not his")


def test_moves_record_who_when_and_why(world: Any) -> None:
    p = prospect(world.alice, stage_changed_on=TODAY - dt.timedelta(days=30))
    services.move_stage(
        world.alice, p, Stage.CONTACTED, note="Called", on=TODAY - dt.timedelta(days=20)
    )
    services.move_stage(world.alice, p, Stage.VISIT, on=TODAY)
    p.refresh_from_db()
    assert p.stage == Stage.VISIT and p.stage_changed_on == TODAY
    assert [(c.from_stage, c.to_stage) for c in changes(p)] == [
        ("", "identified"), ("identified", "contacted"), ("contacted", "visit"),
    ]  # fmt: skip
    assert changes(p)[1].note == "Called"


def test_a_move_is_not_dated_in_the_future_nor_before_the_last(world: Any) -> None:
    p = prospect(world.alice)
    with pytest.raises(ValidationError) as later:
        services.move_stage(world.alice, p, Stage.CONTACTED, on=TODAY + dt.timedelta(days=2))
    assert "on" in later.value.message_dict
    with pytest.raises(ValidationError) as earlier:
        services.move_stage(world.alice, p, Stage.CONTACTED, on=TODAY - dt.timedelta(days=2))
    assert "on" in earlier.value.message_dict
    with pytest.raises(ValidationError) as same:
        services.move_stage(world.alice, p, Stage.IDENTIFIED)
    assert "to_stage" in same.value.message_dict


def test_lost_needs_a_reason_and_won_needs_jobs_or_investment(world: Any) -> None:
    p = prospect(world.alice)
    with pytest.raises(ValidationError) as lost:
        services.move_stage(world.alice, p, Stage.LOST)
    assert "outcome_reason" in lost.value.message_dict
    with pytest.raises(ValidationError) as won:
        services.move_stage(world.alice, p, Stage.WON)
    assert "won_jobs" in won.value.message_dict
    with pytest.raises(ValidationError):
        services.move_stage(world.alice, p, Stage.VISIT, won_jobs=5)
    services.move_stage(
        world.alice, p, Stage.WON, won_jobs=80, outcome_reason="labour", note="Signed"
    )
    p.refresh_from_db()
    assert (p.stage, p.decided_on, p.won_jobs, p.outcome_reason, p.outcome_note) == (
        "won", TODAY, 80, "labour", "Signed",
    )  # fmt: skip
    services.move_stage(world.alice, p, Stage.DECISION, note="The board reopened it")
    p.refresh_from_db()
    assert p.decided_on is None and p.won_jobs is None and p.outcome_reason == ""
    services.move_stage(world.alice, p, Stage.LOST, outcome_reason="incentives")
    p.refresh_from_db()
    assert p.stage == "lost" and p.decided_on == TODAY


def test_only_the_owners_editors_and_the_coordinator_move_a_prospect(world: Any) -> None:
    p = prospect(world.alice, shared=True)
    for user in (world.bob, world.erin, world.dave):
        with pytest.raises(PermissionDenied):
            services.move_stage(user, p, Stage.CONTACTED)
    services.move_stage(world.carol, p, Stage.CONTACTED)
    p.refresh_from_db()
    assert p.stage == Stage.CONTACTED


def test_a_stale_move_is_a_conflict(world: Any) -> None:
    p = prospect(world.alice)
    services.move_stage(world.alice, p, Stage.CONTACTED, loaded_version=p.version)
    with pytest.raises(EditConflict):
        services.move_stage(world.alice, p, Stage.VISIT, loaded_version=1)


def test_an_expansion_names_its_company_and_the_plant_is_the_companys(world: Any) -> None:
    from corridor.calls.tests.helpers import facility

    with system_scope("test"), change_context(source="tests"):
        plant = facility("Example Stamping", world.windsor)
        other = facility("Other Plant", world.oshawa)
    with pytest.raises(ValidationError) as refused:
        prospect(world.alice, kind="expansion")
    assert "company" in refused.value.message_dict
    p = prospect(world.alice, kind="expansion", facility=plant)
    assert p.company_id == plant.company_id
    with pytest.raises(ValidationError) as wrong:
        prospect(world.alice, kind="expansion", facility=plant, company=other.company)
    assert "facility" in wrong.value.message_dict
