"""The supply-chain demo on a small registry: tags, needs from calls and plants, a story."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import demo as calls_demo
from corridor.core import demo as core_demo
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.registry import demo as registry_demo
from corridor.supplychain import demo
from corridor.supplychain.gaps import concentration_risks, gap_analysis
from corridor.supplychain.models import (
    FacilityCapability,
    Introduction,
    NeedStatus,
    SupplyNeed,
    TagSource,
)

TODAY = dt.date(2026, 11, 2)


def test_the_demo_tells_the_gap_story(
    db: Any, settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(registry_demo, "SUPPLIER_ROWS", 150)  # a small registry
    messages: list[str] = []
    with system_scope("test"), change_context(source="command:demo"):
        core_demo.build_demo()
        registry_demo.build_demo()
        calls_demo.build_demo(calls=40, today=TODAY)
        summary = demo.build_demo(messages.append, today=TODAY)
    assert not summary.skipped
    assert "capabilities short of local suppliers" in messages[-1]
    with system_scope("test"):
        # plants whose products said nothing are tagged from their industry
        assert FacilityCapability.objects.filter(source=TagSource.DEMO).exists()
        assert FacilityCapability.objects.filter(source=TagSource.PRODUCTS).exists()
        # the assembly plants' needs, recorded by their municipality on their own calls
        enclosure = SupplyNeed.objects.get(
            buyer__name="Windsor Assembly Plant", capability__key="battery-enclosure"
        )
        assert enclosure.annual_value == 18_000_000 and enclosure.sourced_from == "mexico"
        assert enclosure.organisation.name.startswith("Windsor")
        assert enclosure.recorded_by is not None
        assert enclosure.recorded_by.username == "edo.windsor"
        gaps = gap_analysis()
        assert gaps[0].capability.key == "battery-enclosure" and gaps[0].unmet_needs == 1
        assert [g.unmet_value for g in gaps] == sorted((g.unmet_value for g in gaps), reverse=True)
        # introductions with outcomes; a contract sourced a need locally
        assert Introduction.objects.count() == summary.introductions >= 4
        assert SupplyNeed.objects.filter(status=NeedStatus.SOURCED_LOCALLY).exists()
        # at least one OEM plant hangs on a single local supplier
        assert any(r.capability.key == "hydroforming" for r in concentration_risks())
        counts = (SupplyNeed.objects.count(), FacilityCapability.objects.count())
    with system_scope("test"), change_context(source="command:demo"):
        assert demo.build_demo(today=TODAY).skipped  # a second run adds nothing
    with system_scope("test"):
        assert (SupplyNeed.objects.count(), FacilityCapability.objects.count()) == counts


def test_needs_from_calls_get_a_value_and_a_source(
    db: Any, settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(registry_demo, "SUPPLIER_ROWS", 120)
    with system_scope("test"), change_context(source="command:demo"):
        core_demo.build_demo()
        registry_demo.build_demo()
        calls_demo.build_demo(calls=60, today=TODAY)
        demo.build_demo(today=TODAY)
    with system_scope("test"):
        from_calls = SupplyNeed.objects.filter(call__isnull=False).exclude(
            recorded_by__username="edo.windsor", buyer__name="Windsor Assembly Plant"
        )
        made = [n for n in from_calls if n.description.startswith("Said on the call")]
        assert made, "the demo calls' supply-chain answers became needs"
        assert all(n.sourced_from != "unknown" for n in made)
        assert all(n.annual_value for n in made)
