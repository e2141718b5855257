"""Each headline figure is computed once per page or briefing (``corridor.core.metrics``),
however many sections, evidence cards or other figures read it."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from corridor.core import metrics
from corridor.reports.tests.test_dashboards import Q4, TODAY, corridor  # noqa: F401

# the evidence keys stored on messages and asks: each must stay a registered figure
EVIDENCE_KEYS = [
    "registry.jobs",
    "registry.facilities",
    "registry.oem_plants",
    "calls.completed",
    "calls.open_red_flags",
    "calls.open_follow_ups",
    "supplychain.gaps",
    "supplychain.unmet_value",
    "supplychain.open_needs",
    "workforce.shortages",
    "programs.contribution",
    "programs.jobs_expected",
    "programs.from_referrals",
    "intel.ontario_investment",
]


@contextmanager
def counting(*keys: str) -> Iterator[Counter[tuple[str, Any, Any, Any]]]:
    """Count each computation of the figures ``keys`` by (key, reader, period, place)."""
    seen: Counter[tuple[str, Any, Any, Any]] = Counter()
    saved = {key: metrics.get(key) for key in keys}

    def wrapped(metric: metrics.Metric) -> metrics.Compute:
        def compute(reader: Any, period: Any, place: Any) -> Any:
            seen[(metric.key, getattr(reader, "pk", None), period, getattr(place, "pk", None))] += 1
            return metric.compute(reader, period, place)

        return compute

    try:
        for key, metric in saved.items():
            metrics._METRICS[key] = dataclasses.replace(metric, compute=wrapped(metric))
        yield seen
    finally:
        metrics._METRICS.update(saved)


def test_the_evidence_keys_are_the_apps_registered_figures_in_their_order() -> None:
    assert [m.key for m in metrics.registered("evidence")] == EVIDENCE_KEYS


def test_evidence_figures_sharing_a_computation_compute_it_once(world: Any) -> None:
    from corridor.outreach import evidence

    shared = ("supplychain.gap_analysis", "supplychain.unmet", "programs.funded_projects")
    with counting(*shared) as seen:
        figures = evidence.figures(world.carol)
    assert [f.key for f in figures] == EVIDENCE_KEYS
    assert seen and set(seen.values()) == {1}, seen  # two or three figures each, one reading


def test_a_briefing_computes_each_figure_once(world: Any, corridor: Any) -> None:  # noqa: F811
    from corridor.reports import briefing

    keys = [m.key for m in metrics.registered() if not m.tags]  # the dashboards' figures
    with counting(*keys) as seen:
        briefing.render(world.carol, Q4, today=TODAY)
    assert seen["supplychain.gap_analysis", None, None, None] == 1  # for every page
    assert sum(1 for key, *_ in seen if key == "workforce.gap_analysis") == 1
    # the campaign targets, read again by "targets called", once per place
    assert sum(1 for key, *_ in seen if key == "calls.campaign_targets") == 3  # region + 2
    twice = {k: n for k, n in seen.items() if n > 1}
    assert not twice, twice


def test_a_dashboard_page_computes_each_figure_once(world: Any, corridor: Any) -> None:  # noqa: F811
    from django.test import Client

    keys = [m.key for m in metrics.registered()]
    client = Client()
    client.force_login(world.carol)
    with counting(*keys) as seen:
        assert client.get("/reports/?quarter=2026Q4").status_code == 200
    # read by the dashboard and again by "campaign targets called": computed once
    assert sum(n for (key, *_), n in seen.items() if key == "calls.campaign_targets") == 1
    twice = {k: n for k, n in seen.items() if n > 1}
    assert seen and not twice, twice
