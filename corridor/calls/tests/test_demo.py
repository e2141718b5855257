"""The calls demo on a small registry: calls, flags and follow-ups made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import demo as calls_demo
from corridor.calls.models import (
    Approval,
    Call,
    CallStatus,
    Campaign,
    Flag,
    FollowUp,
    FollowUpStatus,
    Severity,
)
from corridor.core import demo as core_demo
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.registry import demo as registry_demo

TODAY = dt.date(2026, 11, 2)


def test_the_calls_demo_makes_calls_through_the_services(
    db: Any, settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(registry_demo, "SUPPLIER_ROWS", 120)  # a small registry
    messages: list[str] = []
    with system_scope("test"), change_context(source="command:demo"):
        core_demo.build_demo()
        registry_demo.build_demo()
        summary = calls_demo.build_demo(messages.append, calls=30, today=TODAY)
    assert summary.calls == 30 and not summary.skipped
    assert "campaign coverage" in messages[-1]
    with system_scope("test"):
        calls = Call.objects.all()
        assert calls.count() == 30
        # exactly one conflict: a plan by a municipality that does not lead the facility
        [pending] = calls.filter(approval=Approval.PENDING)
        assert pending.status == CallStatus.PLANNED and pending.scheduled_on > TODAY
        planned = calls.filter(status=CallStatus.PLANNED, scheduled_on__gt=TODAY)
        assert planned.count() == summary.planned >= 2
        assert not calls.filter(status=CallStatus.PLANNED, scheduled_on__lte=TODAY).exists()
        completed = calls.filter(status=CallStatus.COMPLETED)
        assert completed.count() == summary.completed >= 22
        first = completed.order_by("scheduled_on").first()
        assert first is not None and first.scheduled_on >= TODAY - dt.timedelta(days=548)
        assert first.completed_at is not None and first.completed_at.date() == first.scheduled_on
        # every completed call has answers on the template, and flags came from the rules
        assert all(c.answers.answers for c in completed)
        flags = Flag.objects.filter(call__in=completed)
        assert flags.count() == summary.flags > 0
        assert set(flags.exclude(rule="").values_list("rule", flat=True)) >= {"workforce"}
        for red in flags.filter(severity=Severity.RED):
            assert FollowUp.objects.filter(flag=red).exists()
        # older follow-ups are mostly done; the open ones past due are overdue
        old = FollowUp.objects.filter(due_on__lt=TODAY - dt.timedelta(days=7))
        assert old.filter(status=FollowUpStatus.DONE).count() >= old.count() * 0.7
        assert (
            summary.overdue
            == FollowUp.objects.filter(status=FollowUpStatus.OPEN, due_on__lt=TODAY).count()
        )
        # the running campaign targets automotive plants
        campaign = Campaign.objects.get(name=calls_demo.CAMPAIGN)
        assert campaign.is_running(TODAY)
        assert all(t.naics.startswith(("3361", "3362", "3363")) for t in campaign.targets.all())
        assert 0 < summary.coverage <= 100
        # the history shows who did it: the municipalities' demo officers
        records = ChangeRecord.objects.filter(content_type__model="call", source="demo")
        assert records.filter(user_name__startswith="edo.").exists()
    # a second run adds nothing
    with system_scope("test"), change_context(source="command:demo"):
        again = calls_demo.build_demo(calls=30, today=TODAY)
    assert again.skipped
    with system_scope("test"):
        assert Call.objects.count() == 30


def test_answers_vary_like_real_visits() -> None:
    """Drawn answers: mostly growth and shortages, a small share of risks."""
    import random

    from corridor.registry.models import Facility

    demo = calls_demo._Demo.__new__(calls_demo._Demo)
    demo.rng = random.Random(1)
    demo.today = TODAY
    plant = Facility(name="Test plant", city="Windsor", employees=200, naics="336390")
    drawn = [demo.answers(plant, TODAY) for _ in range(400)]
    relocation = sum(a["risks.relocation"] == "yes" for a in drawn)
    shortages = sum(bool(a.get("workforce.hard_to_fill")) for a in drawn)
    expansion = sum(a["outlook.expansion_plans"] == "yes" for a in drawn)
    assert relocation < 30 < expansion < shortages
    named = {o["occupation"] for a in drawn for o in a.get("workforce.hard_to_fill", [])}
    assert {"Industrial mechanic (millwright)", "Tool and die maker", "CNC machinist"} <= named
