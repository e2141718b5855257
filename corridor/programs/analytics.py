"""What the money did: contribution, total value, leverage and jobs, rolled up.

* leverage = total project value / program contribution, over the projects where both
  are known (a project without its total value does not count as leverage 1);
* jobs per million dollars = jobs expected to be created / (contribution / 1,000,000),
  over the projects where both are known;
* a project with several technology tags counts under each, so the technology table
  adds up to more than the total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from corridor.core import policy
from corridor.programs.models import FundedProject, ProjectStatus, Referral


@dataclass
class Rollup:
    label: str
    projects: int = 0
    contribution: int = 0
    total_value: int = 0
    jobs_created_expected: int = 0
    jobs_retained_expected: int = 0
    jobs_created_reported: int = 0
    jobs_retained_reported: int = 0
    from_referrals: int = 0
    # the sums that leverage and jobs per million are computed on (both figures known)
    _lev_total: int = field(default=0, repr=False)
    _lev_contribution: int = field(default=0, repr=False)
    _jobs: int = field(default=0, repr=False)
    _jobs_contribution: int = field(default=0, repr=False)

    def add(self, project: FundedProject, referred: bool) -> None:
        self.projects += 1
        self.contribution += project.contribution or 0
        self.total_value += project.total_value or 0
        for name in (
            "jobs_created_expected",
            "jobs_retained_expected",
            "jobs_created_reported",
            "jobs_retained_reported",
        ):
            setattr(self, name, getattr(self, name) + (getattr(project, name) or 0))
        self.from_referrals += int(referred)
        if project.contribution and project.total_value is not None:
            self._lev_total += project.total_value
            self._lev_contribution += project.contribution
        if project.contribution and project.jobs_created_expected is not None:
            self._jobs += project.jobs_created_expected
            self._jobs_contribution += project.contribution

    @property
    def leverage(self) -> float | None:
        return self._lev_total / self._lev_contribution if self._lev_contribution else None

    @property
    def jobs_per_million(self) -> float | None:
        if not self._jobs_contribution:
            return None
        return self._jobs / (self._jobs_contribution / 1_000_000)


@dataclass
class Analysis:
    total: Rollup
    by_program: list[Rollup]
    by_municipality: list[Rollup]
    by_technology: list[Rollup]
    by_year: list[Rollup]


def _group(
    projects: Iterable[tuple[FundedProject, bool]],
    keys: Callable[[FundedProject], list[str]],
    order: Callable[[Rollup], Any],
) -> list[Rollup]:
    groups: dict[str, Rollup] = {}
    for project, referred in projects:
        for key in keys(project):
            groups.setdefault(key, Rollup(key)).add(project, referred)
    return sorted(groups.values(), key=order)


def analyse(projects: list[FundedProject], referred_ids: set[int]) -> Analysis:
    pairs = [(p, p.pk in referred_ids) for p in projects]
    total = Rollup("All funded projects")
    for project, referred in pairs:
        total.add(project, referred)
    by_money = lambda r: (-r.contribution, r.label)  # noqa: E731
    return Analysis(
        total=total,
        by_program=_group(pairs, lambda p: [str(p.program)], by_money),
        by_municipality=_group(
            pairs,
            lambda p: [p.municipality.name if p.municipality else "Place not known"],
            by_money,
        ),
        by_technology=_group(pairs, lambda p: list(p.technology_tags) or ["Not tagged"], by_money),
        by_year=_group(
            pairs, lambda p: [str(p.year) if p.year else "Year not known"], lambda r: r.label
        ),
    )


def analysis_for(user: Any, program_id: int | None = None) -> Analysis:
    """The roll-ups of the funded projects the user may see (cancelled ones left out).

    "From a referral" counts the projects any referral led to, which the user may know
    of as a count even when the referral itself is not theirs to read."""
    qs = (
        policy.visible(user, FundedProject)
        .exclude(status=ProjectStatus.CANCELLED)
        .select_related("program", "municipality")
    )
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    projects = list(qs.order_by("pk"))
    return analyse(projects, referred_project_ids([p.pk for p in projects]))


def referred_project_ids(project_ids: list[int]) -> set[int]:
    from corridor.core.scoping import system_scope

    with system_scope("counting the funded projects that came from referrals"):
        return set(
            Referral.objects.filter(funded_project_id__in=project_ids).values_list(
                "funded_project_id", flat=True
            )
        )


def chart(rows: list[Rollup], label: str, value: str, limit: int = 12) -> dict[str, Any]:
    """A bar chart spec for includes/chart.html of one measure of the rows."""
    shown = rows[:limit]
    return {
        "type": "bar",
        "labels": [r.label for r in shown],
        "datasets": [{"label": label, "data": [getattr(r, value) or 0 for r in shown]}],
        "stacked": False,
        "horizontal": True,
    }
