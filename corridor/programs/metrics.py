"""The funding programs' headline figures, registered with ``corridor.core.metrics``:
funded projects, their program money and expected jobs (the reports dashboards and the
outreach evidence read the same figure, for a quarter and a place or for the corridor
to date), the projects that came from referrals, and the referrals themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.core import metrics
from corridor.core.metrics import Period
from corridor.programs.models import FundedProject, ProjectStatus, Referral

SOURCE = "Funding programs"
WON = ("approved", "funded")


@dataclass(frozen=True, slots=True)
class Funded:
    """Funded projects (cancelled ones left out): how many, the program money, the jobs
    they expect to create, and their ids (to count those that came from referrals)."""

    projects: int
    contribution: int
    jobs_expected: int
    ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Referrals:
    referrals: int
    won: int  # approved or funded


def funded_projects(reader: Any, period: Period | None, place: Any) -> Funded:
    """Projects approved in ``period`` (every one when ``None``) at ``place``."""
    rows = metrics.between(
        metrics.rows_of(FundedProject, reader, place, "municipality"), period, "approved_on"
    )
    rows = rows.exclude(status=ProjectStatus.CANCELLED)
    count = contribution = jobs = 0
    ids = []
    for pk, money, expected in rows.values_list("pk", "contribution", "jobs_created_expected"):
        count += 1
        contribution += money or 0
        jobs += expected or 0
        ids.append(pk)
    return Funded(count, contribution, jobs, tuple(ids))


def from_referrals(reader: Any, period: Period | None, place: Any) -> int:
    """Funded projects that any referral led to (a count the reader may know even when
    the referral is not theirs to read)."""
    from corridor.programs.analytics import referred_project_ids

    funded = metrics.raw("programs.funded_projects", reader, period, place)
    return len(referred_project_ids(list(funded.ids)))


def contribution(reader: Any, period: Period | None, place: Any) -> int:
    return int(metrics.raw("programs.funded_projects", reader, period, place).contribution)


def jobs_expected(reader: Any, period: Period | None, place: Any) -> int:
    return int(metrics.raw("programs.funded_projects", reader, period, place).jobs_expected)


def referrals(reader: Any, period: Period | None, place: Any) -> Referrals:
    """Referrals to programs made in ``period`` for facilities at ``place``."""
    rows = metrics.between(
        metrics.rows_of(Referral, reader, place, "facility__municipality"), period, "referred_on"
    )
    return Referrals(rows.count(), rows.filter(status__in=WON).count())


def register() -> None:
    """The funding programs' figures (from ``ProgramsConfig.ready``)."""
    evidence = ("evidence",)
    metrics.register(
        "programs.funded_projects",
        "Funded projects (program money, jobs expected)",
        funded_projects,
        source=SOURCE,
        unit="projects",
    )
    metrics.register(
        "programs.contribution",
        "Government contributions to funded projects in the corridor ($)",
        contribution,
        source=SOURCE,
        unit="money",
        tags=evidence,
    )  # public funding records
    metrics.register(
        "programs.jobs_expected",
        "Jobs funded projects expect to create",
        jobs_expected,
        source=SOURCE,
        unit="jobs",
        tags=evidence,
    )
    metrics.register(
        "programs.from_referrals",
        "Funded projects that came from a Corridor referral",
        from_referrals,
        source=SOURCE,
        unit="projects",
        tags=evidence,
    )
    metrics.register(
        "programs.referrals",
        "Referrals to programs (won)",
        referrals,
        source=SOURCE,
        unit="referrals",
    )
