"""Campaigns: saving one with its target facilities, and its coverage (how many target
facilities each lead municipality has called). The campaign pages call these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from corridor.calls.leads import leads_for
from corridor.calls.models import Call, CallStatus, Campaign
from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility

# What a person sets on a campaign (its targets are set apart).
CAMPAIGN_FIELDS = ("name", "focus", "starts_on", "ends_on")


def targets_after(
    current: list[Facility],
    matches: Iterable[Facility] | None,
    action: str,
    removed: set[int],
) -> list[Facility]:
    """The targets a campaign has after an edit: the ``current`` ones but the ``removed``
    (none of them when ``action`` is "replace"), and, for "add" or "replace", the
    facilities the edit's filters ``matches``; each facility once, in that order."""
    keep = [f for f in current if f.pk not in removed] if action != "replace" else []
    added = list(matches) if matches is not None and action in ("add", "replace") else []
    return list({f.pk: f for f in keep + added}.values())


def save_campaign(
    user: Any,
    campaign: Campaign | None,
    fields: dict[str, Any],
    targets: list[Facility],
    *,
    expected_version: int | None = None,
) -> Campaign:
    """Create a campaign (``campaign`` None) or change one, and set its target
    facilities: all or nothing.

    Raises PermissionDenied unless ``user`` may, EditConflict when someone saved the
    campaign since ``expected_version`` (default: the version it was read at) and
    ValidationError for facts a campaign may not have; writes nothing in any case."""
    with transaction.atomic():
        if campaign is None:
            policy.require_create(user, Campaign)
            campaign = Campaign(created_by=user, **fields)
            campaign.full_clean()
            campaign.save()
        else:
            policy.require_change(user, campaign)
            expected = expected_version if expected_version is not None else campaign.version
            for name, value in fields.items():
                setattr(campaign, name, value)
            campaign.full_clean()
            campaign.save_versioned(expected)
        with system_scope("setting the targets of a campaign the coordinator may change"):
            campaign.targets.set(targets)
    return campaign


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
