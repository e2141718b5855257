"""What the pipeline tells people through notifications (see docs/notifications.md).

* ``attraction.step-due``: the next step of a prospect I lead is due tomorrow, today or
  overdue (the worker's quarter-hourly scan, from 07:00; told once per stage: soon,
  today, overdue in its first week);
* ``attraction.won``: a shared prospect was won: every participant is told (the owning
  organisation's people too), but not the person who recorded the win.

What the company said (the next step's words, the outcome note) is written only for
readers who may read it (``policy.can_read_confidential``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models.signals import post_save
from django.utils import timezone

from corridor.attraction.models import OPEN_STAGES, Prospect, Stage, StageChange
from corridor.core import policy
from corridor.core.models import User
from corridor.core.scoping import system_scope
from corridor.notifications import Delivery, register_kind
from corridor.notifications.jobs import register_scan
from corridor.notifications.services import acting_user, notify, participants

STEP_DUE = "attraction.step-due"
WON = "attraction.won"
MORNING = dt.time(7, 0)
OVERDUE_TOLD_FOR = 7  # days: later, an overdue step is on the board, not in the bell


def _path(prospect: Prospect) -> str:
    return f"/attraction/prospects/{prospect.pk}/"


def _stage(due: dt.date, today: dt.date) -> str:
    if due > today:
        return "soon"
    return "today" if due == today else "overdue"


def steps_due(today: dt.date) -> int:
    """Tell each lead officer of their open prospects whose next step is due tomorrow,
    today, or overdue by less than a week; how many were told."""
    with system_scope("next steps are looked at for every prospect's lead officer"):
        prospects = list(
            Prospect.objects.filter(
                stage__in=OPEN_STAGES,
                owner__isnull=False,
                next_step_due__lte=today + dt.timedelta(days=1),
                next_step_due__gte=today - dt.timedelta(days=OVERDUE_TOLD_FOR),
            ).select_related("owner", "organisation")
        )
    told = 0
    for p in prospects:
        due = p.next_step_due
        assert due is not None and p.owner is not None
        when = _stage(due, today)
        late = (today - due).days
        said = (
            "due tomorrow"
            if when == "soon"
            else (
                "due today"
                if when == "today"
                else f"overdue by {late} day{'s' if late != 1 else ''}"
            )
        )
        told += len(
            notify(
                [p.owner],
                STEP_DUE,
                f"Next step {said}: {p.name}",
                lambda reader, p=p: (  # type: ignore[misc]
                    p.next_step if policy.can_read_confidential(reader, p) else ""
                ),
                url=_path(p),
                subject=p,
                key=f"{STEP_DUE}:{p.pk}:{due:%Y-%m-%d}:{when}",
            )
        )
    return told


def scan_steps(now: dt.datetime) -> str:
    local = timezone.localtime(now)
    if local.time() < MORNING:
        return "next steps are looked at from 07:00"
    return f"{steps_due(local.date())} prospect next-step notification(s)"


def prospect_won(prospect: Prospect) -> list[Any]:
    """Tell the participants that a shared prospect was won."""
    me = acting_user()
    people = [p for p in participants() if me is None or p.pk != me.pk]
    result = ", ".join(
        part
        for part in (
            f"{prospect.won_jobs} jobs" if prospect.won_jobs else "",
            f"${prospect.won_investment:,}" if prospect.won_investment else "",
        )
        if part
    )

    def body(reader: User) -> str:
        note = prospect.outcome_note if policy.can_read_confidential(reader, prospect) else ""
        line = f"{prospect.organisation.label} won {prospect.name}"
        line += f" ({result})." if result else "."
        return f"{line} {note}".strip()

    return notify(
        people,
        WON,
        f"Won: {prospect.name}" + (f", {result}" if result else ""),
        body,
        url=_path(prospect),
        subject=prospect,
        key=f"{WON}:{prospect.pk}:{prospect.decided_on or ''}",
    )


def _stage_changed(
    sender: Any, instance: StageChange, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not created or instance.to_stage != Stage.WON:
        return
    with system_scope("the prospect just won"):
        prospect = Prospect.objects.select_related("organisation").get(pk=instance.prospect_id)
    if prospect.shared:
        prospect_won(prospect)


def register() -> None:
    """Called once, from ``notices.register()``."""
    register_kind(STEP_DUE, "The next step of a prospect I lead is due", Delivery.AT_ONCE)
    register_kind(WON, "A shared investment prospect was won", Delivery.DIGEST)
    register_scan("attraction.next-steps", scan_steps)
    post_save.connect(
        _stage_changed, sender=StageChange, dispatch_uid="attraction-notices-stage-change"
    )
