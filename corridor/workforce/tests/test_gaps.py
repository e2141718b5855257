"""The gap formula on hand-computed cases (corridor/workforce/gaps.py)."""

from __future__ import annotations

import pytest

from corridor.workforce.gaps import Figures, band, gap_table, graduates_by_cell, shortage_index

WELDERS, MILLWRIGHTS = 1, 2
WINDSOR, LONDON = 10, 20


def test_the_index_is_openings_per_available_person() -> None:
    # 150 openings, 40 unemployed + 30 graduates = 70 people: 150 / 70
    assert shortage_index(150, 70) == pytest.approx(2.142857, abs=1e-6)


def test_with_nobody_available_the_index_is_the_demand_itself() -> None:
    assert shortage_index(12, 0) == 12
    assert shortage_index(0, 0) == 0


def test_a_programs_graduates_are_shared_between_its_campuses_and_occupations() -> None:
    # 90 graduates, campuses in Windsor, Windsor and London, two occupations: 15 per share
    cells = graduates_by_cell([(90, [WINDSOR, WINDSOR, LONDON], [WELDERS, MILLWRIGHTS])])
    assert cells == {
        (WELDERS, WINDSOR): 30.0,
        (MILLWRIGHTS, WINDSOR): 30.0,
        (WELDERS, LONDON): 15.0,
        (MILLWRIGHTS, LONDON): 15.0,
    }


def test_a_program_without_campus_or_occupation_counts_nowhere() -> None:
    assert graduates_by_cell([(40, [], [WELDERS]), (40, [WINDSOR], [])]) == {}


def _welders_in_windsor() -> Figures:
    return Figures(
        postings=120, call_openings=30, call_companies={101, 102}, unemployed=40, graduates=30
    )


def test_a_cell_adds_postings_and_call_openings_against_unemployed_and_graduates() -> None:
    (gap,) = gap_table({(WELDERS, WINDSOR): _welders_in_windsor()})
    assert (gap.demand, gap.available, gap.gap) == (150, 70, 80)
    assert gap.index == pytest.approx(150 / 70)
    assert gap.companies == 2


def test_calls_of_fewer_companies_than_the_minimum_are_left_out_of_the_demand() -> None:
    (gap,) = gap_table({(WELDERS, WINDSOR): _welders_in_windsor()}, hide_calls_under=5)
    assert gap.calls_left_out
    assert gap.demand == 120
    assert gap.index == pytest.approx(120 / 70)


def test_calls_of_enough_companies_stay_in_the_demand_for_everyone() -> None:
    figures = _welders_in_windsor()
    figures.call_companies = {1, 2, 3, 4, 5}
    (gap,) = gap_table({(WELDERS, WINDSOR): figures}, hide_calls_under=5)
    assert not gap.calls_left_out and gap.demand == 150


def test_rows_are_ranked_by_index_then_by_the_larger_demand() -> None:
    table = gap_table(
        {
            (WELDERS, WINDSOR): Figures(postings=10, unemployed=10),  # 1.0
            (WELDERS, LONDON): Figures(postings=40, unemployed=10),  # 4.0
            (MILLWRIGHTS, WINDSOR): Figures(postings=20, unemployed=20),  # 1.0, more demand
            (MILLWRIGHTS, LONDON): Figures(unemployed=50),  # 0.0
        }
    )
    assert [(g.occupation_id, g.region_id) for g in table] == [
        (WELDERS, LONDON),
        (MILLWRIGHTS, WINDSOR),
        (WELDERS, WINDSOR),
        (MILLWRIGHTS, LONDON),
    ]


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, "surplus"), (0.49, "surplus"), (0.5, "balanced"), (1.0, "short"), (3.99, "shorter"),
     (4.0, "acute"), (12, "acute")],
)  # fmt: skip
def test_the_heat_map_band_follows_the_index(index: float, expected: str) -> None:
    assert band(index) == expected
