"""What corporate calls put on the calendar: planned calls and follow-up deadlines.

* ``call``: every planned call the user may see (the fact of a call is shared with the
  participants), at its time when one is set (an hour long), else all day. Its purpose
  only for whoever may read its answers.
* ``follow_up``: the due dates of open follow-ups, all day. The description only for
  whoever may read it (``policy.can_read_confidential``).

Two queries each, whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from corridor.calls.models import Approval, Call, CallStatus, FollowUp, FollowUpStatus
from corridor.core import policy
from corridor.core.calendar_entries import CalendarEntry
from corridor.core.timeline import moment

CALL_LENGTH = dt.timedelta(hours=1)


def _place(facility: Any) -> str:
    parts = [facility.name, facility.street, facility.city]
    return ", ".join(p for p in parts if p)


def planned_calls(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    if not policy.can_view(user, Call):
        return []
    calls = list(
        policy.visible(user, Call)
        .filter(status=CallStatus.PLANNED, scheduled_on__gte=first, scheduled_on__lte=last)
        .exclude(approval=Approval.DECLINED)
        .select_related("facility", "organisation")
        .order_by("scheduled_on", "starts_at", "pk")
    )
    visitors: dict[int, list[int]] = {}
    through = Call.participants.through.objects  # ids only, of calls already visible
    for call_id, user_id in through.filter(call_id__in=[c.pk for c in calls]).values_list(
        "call_id", "user_id"
    ):
        visitors.setdefault(call_id, []).append(user_id)
    entries = []
    for call in calls:
        start: dt.date | dt.datetime = call.scheduled_on
        end: dt.date | dt.datetime | None = None
        if call.starts_at is not None:
            start = moment(call.scheduled_on, call.starts_at)
            end = start + CALL_LENGTH
        waiting = " (waiting for approval)" if call.approval == Approval.PENDING else ""
        people = [*visitors.get(call.pk, []), *([call.planned_by_id] if call.planned_by_id else [])]
        entries.append(
            CalendarEntry(
                uid=f"call-{call.pk}",
                kind="call",
                title=f"Call: {call.facility.name} ({call.organisation.label}){waiting}",
                start=start,
                end=end,
                detail=call.purpose if policy.can_read_confidential(user, call) else "",
                location=_place(call.facility),
                url=reverse("call-detail", args=[call.pk]),
                user_ids=tuple(sorted(set(people))),
                organisation_ids=(call.organisation_id,),
            )
        )
    return entries


def follow_up_deadlines(user: Any, first: dt.date, last: dt.date) -> Iterable[CalendarEntry]:
    follow_ups = (
        policy.visible(user, FollowUp)
        .filter(status=FollowUpStatus.OPEN, due_on__gte=first, due_on__lte=last)
        .select_related("facility", "call", "owner_organisation")
        .order_by("due_on", "pk")
    )
    entries = []
    for follow_up in follow_ups:
        organisations = {follow_up.owner_organisation_id}
        if follow_up.call is not None:
            organisations.add(follow_up.call.organisation_id)
        if follow_up.referral_to_id is not None:
            organisations.add(follow_up.referral_to_id)
        readable = policy.can_read_confidential(user, follow_up)
        entries.append(
            CalendarEntry(
                uid=f"follow-up-{follow_up.pk}",
                kind="follow_up",
                title=(
                    f"Follow-up due: {follow_up.get_category_display()} — "
                    f"{follow_up.facility.name} ({follow_up.owner_organisation.label})"
                ),
                start=follow_up.due_on,
                detail=follow_up.description if readable else "",
                url=reverse("follow-up-list") + f"?facility={follow_up.facility_id}",
                user_ids=(follow_up.owner_id,) if follow_up.owner_id else (),
                organisation_ids=tuple(sorted(organisations)),
            )
        )
    return entries


def register_sources() -> None:
    from corridor.core import calendar_entries

    calendar_entries.register("call", "Planned calls", planned_calls)
    calendar_entries.register("follow_up", "Follow-up deadlines", follow_up_deadlines)
