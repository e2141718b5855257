"""The program-demand gap analysis, per occupation and economic region (plain arithmetic).

For one occupation in one region, over the twelve months up to the analysis date:

* **demand** D = job postings + openings companies reported on calls;
* **available** A = unemployed people of the occupation (the latest supply figure on or
  before the date) + graduates per year of the programs that train for it in the region;
* **gap** = D - A (people short, negative when there are more people than openings);
* **shortage index** S = D ÷ max(A, 1): openings per available person. Above 1 the region
  has more openings than people to fill them; 2 means two openings per person.

A program's graduates are shared equally between its campuses (each counts in its own
region) and between the occupations it trains for. Rows are ranked by the index, the
larger demand first when two are equal. ``docs/workforce.md`` explains the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

Key = tuple[int, int]  # (occupation id, region id)


@dataclass
class Figures:
    """What is known for one occupation in one region."""

    postings: int = 0
    call_openings: int = 0
    call_companies: set[int] = field(default_factory=set)
    unemployed: int = 0
    employed: int = 0
    graduates: float = 0.0
    supply_known: bool = False

    @property
    def companies(self) -> int:
        return len(self.call_companies)


def shortage_index(demand: int, available: float) -> float:
    """Openings per available person; with nobody available the denominator counts as 1."""
    return demand / max(available, 1.0)


@dataclass(frozen=True, slots=True)
class Gap:
    occupation_id: int
    region_id: int
    postings: int
    call_openings: int | None  # None: left out, reported by fewer than 5 companies
    companies: int
    unemployed: int
    employed: int
    graduates: float
    supply_known: bool = True  # False: no labour-supply figure, the index counts demand only

    @property
    def demand(self) -> int:
        return self.postings + (self.call_openings or 0)

    @property
    def available(self) -> float:
        return self.unemployed + self.graduates

    @property
    def gap(self) -> float:
        return self.demand - self.available

    @property
    def index(self) -> float:
        return shortage_index(self.demand, self.available)

    @property
    def calls_left_out(self) -> bool:
        return self.call_openings is None


def graduates_by_cell(
    programs: Iterable[tuple[int, list[int], list[int]]],
) -> dict[Key, float]:
    """(graduates per year, region id of each campus, occupation ids) per program →
    graduates per year in each (occupation, region)."""
    out: dict[Key, float] = defaultdict(float)
    for graduates, campus_regions, occupations in programs:
        if not campus_regions or not occupations:
            continue
        share = graduates / (len(campus_regions) * len(occupations))
        for region_id in campus_regions:
            for occupation_id in occupations:
                out[(occupation_id, region_id)] += share
    return dict(out)


def gap_table(figures: dict[Key, Figures], *, hide_calls_under: int = 0) -> list[Gap]:
    """Every (occupation, region) with some demand or supply, ranked by the shortage index.

    ``hide_calls_under``: call openings reported by fewer companies than this (but at least
    one) are left out of the demand, so that no company's answer can be read back from it."""
    gaps = []
    for (occupation_id, region_id), f in figures.items():
        companies = f.companies
        hidden = 0 < companies < hide_calls_under
        gaps.append(
            Gap(
                occupation_id=occupation_id,
                region_id=region_id,
                postings=f.postings,
                call_openings=None if hidden else f.call_openings,
                companies=companies,
                unemployed=f.unemployed,
                employed=f.employed,
                graduates=round(f.graduates, 1),
                supply_known=f.supply_known,
            )
        )
    return rank(gaps)


def rank(gaps: list[Gap]) -> list[Gap]:
    return sorted(gaps, key=lambda g: (-g.index, -g.demand, g.occupation_id, g.region_id))


# Shading of the heat map: the index's band, from surplus to acute shortage.
BANDS: tuple[tuple[float, str, str], ...] = (  # (lower bound, key, label)
    (0.0, "surplus", "under 0.5: more people than openings"),
    (0.5, "balanced", "0.5 to 1: roughly balanced"),
    (1.0, "short", "1 to 2: short of people"),
    (2.0, "shorter", "2 to 4: clearly short"),
    (4.0, "acute", "4 or more: acute shortage"),
)


def band(index: float) -> str:
    key = BANDS[0][1]
    for lower, name, _label in BANDS:
        if index >= lower:
            key = name
    return key
