"""Campaign coverage: how many target facilities each lead municipality has called."""

from __future__ import annotations

from dataclasses import dataclass

from corridor.calls.leads import leads_for
from corridor.calls.models import Call, CallStatus, Campaign
from corridor.core.scoping import system_scope


@dataclass(frozen=True, slots=True)
class Coverage:
    label: str  # the lead municipality, or "No lead yet"
    organisation_id: int | None
    targets: int
    called: int

    @property
    def percent(self) -> int:
        return round(100 * self.called / self.targets) if self.targets else 0


def coverage(campaign: Campaign) -> tuple[Coverage, list[Coverage]]:
    """The whole campaign and each lead municipality: targets with a completed call in its dates.

    Counts only (no answers), so every participant may see them."""
    with system_scope("campaign coverage counts calls of every municipality"):
        targets = list(campaign.targets.filter(deleted_at__isnull=True))
        called = set(
            Call.objects.filter(
                facility__in=targets,
                status=CallStatus.COMPLETED,
                scheduled_on__gte=campaign.starts_on,
                scheduled_on__lte=campaign.ends_on,
            ).values_list("facility_id", flat=True)
        )
    leads = leads_for(targets)
    groups: dict[int | None, list[int]] = {}
    labels: dict[int | None, str] = {None: "No lead yet"}
    for facility in targets:
        lead = leads[facility.pk].organisation
        key = lead.pk if lead else None
        if lead:
            labels[key] = lead.label
        groups.setdefault(key, []).append(facility.pk)
    rows = [
        Coverage(labels[key], key, len(ids), sum(1 for i in ids if i in called))
        for key, ids in groups.items()
    ]
    rows.sort(key=lambda r: r.label)
    total = Coverage(
        "All municipalities", None, len(targets), len(called & {f.pk for f in targets})
    )
    return total, rows
