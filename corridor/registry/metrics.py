"""The registry's headline figures, registered with ``corridor.core.metrics``: the
plants on record and their jobs (the reports dashboards, the calling program's
dashboard, the outreach evidence)."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum

from corridor.core import metrics, policy
from corridor.core.metrics import Counted, Period
from corridor.registry.models import Facility, Tier

SOURCE = "Registry"


def _facilities(reader: Any, place: Any) -> Any:
    rows = Facility.objects.all() if reader is None else policy.visible(reader, Facility)
    return rows.filter(municipality=place) if place is not None else rows


def _companies(reader: Any, rows: Any) -> int | None:
    """The companies behind a corridor-wide figure (shown to anyone); a reader's own
    figure shows only what they may see."""
    return metrics.companies_behind(rows, "company_id") if reader is None else None


def jobs(reader: Any, period: Period | None, place: Any) -> Counted:
    """Employees on record at the facilities (those of unknown size left out)."""
    rows = _facilities(reader, place).filter(employees__isnull=False)
    total = rows.aggregate(total=Sum("employees"))["total"] or 0
    return Counted(total, _companies(reader, rows))


def facilities(reader: Any, period: Period | None, place: Any) -> Counted:
    """Facilities on record (at ``place``)."""
    rows = _facilities(reader, place)
    return Counted(rows.count(), _companies(reader, rows))


def oem_plants(reader: Any, period: Period | None, place: Any) -> int:
    """Vehicle assembly plants: public knowledge, never suppressed."""
    return int(_facilities(reader, place).filter(tier=Tier.OEM).count())


def register() -> None:
    """The registry's figures (from ``RegistryConfig.ready``)."""
    evidence = ("evidence",)
    metrics.register(
        "registry.jobs",
        "Jobs in the corridor's registered plants",
        jobs,
        source=SOURCE,
        unit="jobs",
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    metrics.register(
        "registry.facilities",
        "Automotive plants in the registry",
        facilities,
        source=SOURCE,
        unit="facilities",
        suppress=metrics.COMPANIES,
        tags=evidence,
    )
    metrics.register(
        "registry.oem_plants",
        "Vehicle assembly plants (OEM)",
        oem_plants,
        source=SOURCE,
        unit="facilities",
        tags=evidence,
    )
