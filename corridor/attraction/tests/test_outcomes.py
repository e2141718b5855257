"""The pipeline's and the retention's outcomes against a small corridor worked out by hand:
the open pipeline by stage at a quarter's end, the projects won and lost, the win rate over
four quarters, the jobs at risk and retained, and small counts suppressed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from corridor.attraction.models import FacilityRisk, Prospect, StageChange
from corridor.attraction.outcomes import four_quarters_from, pipeline_figures, prospects_for
from corridor.calls.models import Flag, FlagStatus
from corridor.calls.tests.helpers import facility
from corridor.core.disclosure import SUPPRESSED_LABEL
from corridor.core.scoping import system_scope

START, END = dt.date(2026, 10, 1), dt.date(2026, 12, 31)  # 2026 Q4
NOW = timezone.make_aware(dt.datetime(2026, 11, 15, 12))
M = 1_000_000


def _prospect(world: Any, name: str, stage: str, on: dt.date, **extra: Any) -> Prospect:
    extra.setdefault("organisation", world.org_a)
    with system_scope("tests"):
        return Prospect.objects.create(name=name, stage=stage, stage_changed_on=on, **extra)


def _closed_flag(world: Any, plant: Any, category: str, closed: dt.date, **extra: Any) -> None:
    org = world.org_a if plant.municipality == world.windsor else world.org_b
    when = timezone.make_aware(dt.datetime.combine(closed, dt.time(10)))
    with system_scope("tests"):
        Flag.objects.create(
            facility=plant, organisation=org, severity="red", category=category,
            respond_by=closed, status=extra.pop("status", FlagStatus.CLOSED),
            closed_at=when, **extra,
        )  # fmt: skip


def _risk(plant: Any, score: int, jobs: int, *reasons: tuple[str, int]) -> None:
    with system_scope("tests"):
        FacilityRisk.objects.create(
            facility=plant,
            score=score,
            jobs=jobs,
            reasons=[{"reason": r, "weight": w, "detail": "", "since": None} for r, w in reasons],
            signature=",".join(sorted(r for r, _ in reasons)),
            assessed_at=NOW,
            first_listed_at=NOW,
        )


@pytest.fixture
def outcomes(world: Any) -> dict[str, Any]:
    """Windsor works seven prospects (one moved on after the quarter), the coordinator
    office one shared that would land in Windsor and one of its own, Oshawa one."""
    plants = {
        name: facility(f"Windsor {name}", world.windsor, employees=e)
        for name, e in (("Axle", 100), ("Body", 50), ("Cast", 30), ("Dies", 70))
    }
    plants["Oshawa"] = facility("Oshawa Stamping", world.oshawa, employees=300)
    w = world
    _prospect(w, "Identified Co", "identified", dt.date(2026, 10, 1),
              estimated_investment=10 * M, estimated_jobs=50)  # fmt: skip
    _prospect(w, "Visit Co", "visit", dt.date(2026, 9, 15),
              estimated_investment=30 * M, estimated_jobs=120)  # fmt: skip
    _prospect(w, "Proposal Co", "proposal", dt.date(2026, 12, 20),
              estimated_investment=20 * M, estimated_jobs=80)  # fmt: skip
    # no recorded history and a stage reached after the quarter: not counted in Q4
    _prospect(w, "Later Co", "contacted", dt.date(2027, 1, 10), estimated_investment=M)
    # contacted at the quarter's end by its history, at a site visit since
    moved = _prospect(w, "Moved Co", "visit", dt.date(2027, 1, 5),
                      estimated_investment=4 * M, estimated_jobs=10)  # fmt: skip
    with system_scope("tests"):
        for before, after, on in (("", "identified", dt.date(2026, 8, 1)),
                                  ("identified", "contacted", dt.date(2026, 10, 10)),
                                  ("contacted", "visit", dt.date(2027, 1, 5))):  # fmt: skip
            StageChange.objects.create(prospect=moved, from_stage=before, to_stage=after,
                                       changed_on=on)  # fmt: skip
    # decided: two wins and two losses in the quarter, a win earlier in the year,
    # a loss more than four quarters back
    _prospect(w, "Won Co", "won", dt.date(2026, 11, 3), decided_on=dt.date(2026, 11, 3),
              won_investment=50 * M, won_jobs=200, shared=True)  # fmt: skip
    _prospect(w, "Body expansion", "won", dt.date(2026, 10, 20), kind="expansion",
              company=plants["Body"].company, decided_on=dt.date(2026, 10, 20),
              won_investment=5 * M, won_jobs=40)  # fmt: skip
    _prospect(w, "Lost Co", "lost", dt.date(2026, 12, 1), decided_on=dt.date(2026, 12, 1),
              outcome_reason="labour", estimated_investment=8 * M, estimated_jobs=60)  # fmt: skip
    _prospect(w, "Quiet Co", "lost", dt.date(2026, 10, 15), decided_on=dt.date(2026, 10, 15))
    _prospect(w, "Spring Co", "won", dt.date(2026, 2, 10), decided_on=dt.date(2026, 2, 10),
              won_jobs=15)  # fmt: skip
    _prospect(w, "Old Co", "lost", dt.date(2025, 12, 15), decided_on=dt.date(2025, 12, 15))
    # the coordinator office's: one shared, landing in Windsor; one of its own (the office
    # is based in Oshawa, but its prospects are not Oshawa's)
    _prospect(w, "Battery Co", "decision", dt.date(2026, 11, 1), organisation=w.office,
              municipality=w.windsor, shared=True, estimated_investment=100 * M,
              estimated_jobs=300)  # fmt: skip
    _prospect(w, "Office Co", "identified", dt.date(2026, 11, 1), organisation=w.office,
              estimated_investment=2 * M)  # fmt: skip
    _prospect(w, "Oshawa Co", "identified", dt.date(2026, 11, 1), organisation=w.org_b,
              estimated_investment=7 * M)  # fmt: skip

    _closed_flag(w, plants["Axle"], "relocation_closure", dt.date(2026, 11, 1))  # retained
    _closed_flag(w, plants["Body"], "downsizing", dt.date(2026, 9, 1))  # before the quarter
    _closed_flag(w, plants["Cast"], "expansion", dt.date(2026, 11, 1))  # not a risk
    _closed_flag(w, plants["Dies"], "downsizing", dt.date(2026, 11, 1), status="open")
    _closed_flag(w, plants["Oshawa"], "downsizing", dt.date(2026, 12, 2))  # Oshawa's

    _risk(plants["Axle"], 30, 100, ("parent_cuts", 30))
    _risk(plants["Dies"], 60, 70, ("no_visit", 20), ("red_flag", 40))
    _risk(plants["Oshawa"], 50, 300, ("single_supplier", 50))
    return plants


def _stages(figures: Any) -> list[tuple[str, Any, Any, Any]]:
    return [(s.stage, s.prospects.value, s.investment, s.jobs) for s in figures.stages]


def test_the_open_pipeline_by_stage_at_the_quarters_end(world: Any, outcomes: Any) -> None:
    figures = pipeline_figures(world.carol, START, END, world.windsor, full=True)
    assert _stages(figures) == [
        ("identified", 1, 10 * M, 50),
        ("contacted", 1, 4 * M, 10),  # Moved Co, by its history
        ("visit", 1, 30 * M, 120),
        ("proposal", 1, 20 * M, 80),
        ("decision", 1, 100 * M, 300),  # the office's, landing in Windsor
    ]
    assert (figures.open_prospects.value, figures.open_investment, figures.open_jobs) == (
        5, 164 * M, 560,
    )  # fmt: skip
    assert [s.percent for s in figures.stages] == [10, 4, 30, 20, 100]
    # the quarter before: only what had been reached by 2026-09-30
    q3 = pipeline_figures(world.carol, dt.date(2026, 7, 1), dt.date(2026, 9, 30), full=True)
    assert [(s.stage, s.prospects.value) for s in q3.stages if s.prospects.value] == [
        ("identified", 1),  # Moved Co
        ("visit", 1),
    ]


def test_won_lost_and_the_win_rate(world: Any, outcomes: Any) -> None:
    figures = pipeline_figures(world.carol, START, END, world.windsor, full=True)
    assert (figures.won.prospects.value, figures.won.investment, figures.won.jobs) == (
        2, 55 * M, 240,
    )  # fmt: skip
    assert figures.jobs_won == 240
    assert (figures.lost.prospects.value, figures.lost.investment) == (2, 8 * M)
    assert [(label, cell.value) for label, cell in figures.lost_reasons] == [
        ("Labour and skills", 1),
        ("Not recorded", 1),
    ]
    # 2026 Q1 to Q4: three won (with Spring Co), two lost (Old Co is from 2025 Q4)
    assert four_quarters_from(START) == dt.date(2026, 1, 1)
    assert (figures.decided_in_year.value, figures.win_rate) == (5, 60)


def test_nothing_decided_has_no_win_rate(world: Any) -> None:
    figures = pipeline_figures(world.carol, START, END, full=True)
    assert figures.win_rate is None and figures.decided_in_year.value == 0
    assert not figures.has_pipeline and figures.top_risks == []
    assert (figures.jobs_at_risk, figures.jobs_retained) == (0, 0)


def test_jobs_at_risk_and_retained(world: Any, outcomes: Any) -> None:
    figures = pipeline_figures(world.carol, START, END, world.windsor, full=True)
    assert (figures.facilities_at_risk.value, figures.jobs_at_risk) == (2, 170)
    assert [(r.facility.name, r.reason) for r in figures.top_risks] == [
        ("Windsor Dies", "Red flag on a call"),  # the heaviest of its reasons
        ("Windsor Axle", "Parent company announced cuts"),
    ]
    # Axle's closed relocation flag (100) and the Body expansion won (40)
    assert (figures.jobs_retained, figures.retained_companies.value) == (140, 2)
    assert figures.risk_percent == 100 and figures.retained_percent == 82
    region = pipeline_figures(world.carol, START, END, full=True)
    assert (region.facilities_at_risk.value, region.jobs_at_risk) == (3, 470)
    assert region.jobs_retained == 100 + 40 + 300


def test_which_prospects_count_for_a_municipality(world: Any, outcomes: Any) -> None:
    windsor = set(prospects_for(world.carol, world.windsor).values_list("name", flat=True))
    assert "Battery Co" in windsor and "Office Co" not in windsor and "Oshawa Co" not in windsor
    oshawa = set(prospects_for(world.carol, world.oshawa).values_list("name", flat=True))
    assert oshawa == {"Oshawa Co"}  # not the office's, though the office is in Oshawa
    # alice sees Windsor's own and the shared ones, not the office's own
    alice = set(prospects_for(world.alice, None).values_list("name", flat=True))
    assert "Battery Co" in alice and "Office Co" not in alice and "Oshawa Co" not in alice


def test_small_counts_are_suppressed_for_another_municipality(world: Any, outcomes: Any) -> None:
    # bob reading Windsor's figures sees its shared prospects only: one open, one won
    figures = pipeline_figures(world.bob, START, END, world.windsor, full=False)
    decision = figures.stages[-1]
    assert str(decision.prospects) == SUPPRESSED_LABEL
    assert (decision.investment, decision.jobs, decision.percent) == (None, None, 0)
    assert figures.open_prospects.suppressed and figures.open_investment is None
    assert figures.won.prospects.suppressed and figures.won.investment is None
    assert figures.jobs_won is None
    assert figures.decided_in_year.suppressed and figures.win_rate is None
    assert figures.facilities_at_risk.suppressed and figures.jobs_at_risk is None
    assert figures.jobs_retained is None and figures.risk_percent == 0
    # the same reader, given everything: the figures are there (the suppression hid them)
    shown = pipeline_figures(world.bob, START, END, world.windsor, full=True)
    assert (shown.stages[-1].prospects.value, shown.won.jobs) == (1, 200)


def test_five_prospects_are_shown(world: Any, outcomes: Any) -> None:
    for n in range(4):
        _prospect(world, f"More {n}", "decision", dt.date(2026, 11, 2), shared=True,
                  estimated_investment=M, estimated_jobs=5)  # fmt: skip
    figures = pipeline_figures(world.bob, START, END, world.windsor, full=False)
    assert (figures.stages[-1].prospects.value, figures.stages[-1].investment) == (5, 104 * M)
    # the other stages hold none: nothing to hide beside the five
    assert [s.prospects.value for s in figures.stages[:-1]] == [0, 0, 0, 0]


def test_partners_read_no_pipeline(world: Any, outcomes: Any) -> None:
    figures = pipeline_figures(world.dave, START, END, full=False)
    assert figures.open_prospects.value == 0 and figures.won.prospects.value == 0
    assert figures.top_risks == [] and figures.jobs_at_risk == 0
