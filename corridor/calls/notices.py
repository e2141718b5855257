"""What corporate calls tell people through notifications (``corridor.notifications``).

* a follow-up of mine due soon, due today or overdue (``reminders``, the scan below);
* a flag of my organisation nearing its response deadline with nothing planned on it;
* a red flag raised on a company in my municipality (or by my organisation);
* a planned call waiting for my approval (a lead conflict: the coordinator, and the lead
  municipality's editors when they may decide);
* a call I am made a participant of, a follow-up I am made the owner of;
* a company referred to my (partner) organisation on a follow-up.

Each is written as its recipient may read it: a flag's detail, a follow-up's description
and a call's purpose only for those the calls rules let read them
(``policy.can_read_confidential``); the others get the shared facts and where to ask. The person
whose change it is is not told of it. Wired from ``CallsConfig.ready()``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models.signals import m2m_changed, post_save
from django.utils import timezone

from corridor.calls import reminders
from corridor.calls.models import (
    Approval,
    Call,
    Flag,
    FlagStatus,
    FollowUp,
    FollowUpStatus,
    Severity,
)
from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind, Role, User
from corridor.core.scoping import system_scope
from corridor.notifications import Delivery, register_kind
from corridor.notifications.jobs import register_scan
from corridor.notifications.services import acting_user, notify, people_of

FOLLOW_UP_DUE = reminders.KIND
FLAG_DUE = "calls.flag-due"
RED_FLAG = "calls.red-flag"
CONFLICT = "calls.conflict"
ASSIGNED = "calls.assigned"
REFERRED = "calls.referral"

# Deadlines are looked at from this hour, so at-once reminders come in the morning.
MORNING = dt.time(7, 0)


def _others(people: list[User]) -> list[User]:
    me = acting_user()
    return [p for p in people if me is None or p.pk != me.pk]


def _call_path(call_id: int | None) -> str:
    return f"/calls/{call_id}/" if call_id else "/calls/flags/"


# Red flags in my municipality


def _municipal_organisations(municipality_id: int | None) -> list[int]:
    if municipality_id is None:
        return []
    with system_scope("the municipality a flagged facility is in"):
        return list(
            Organisation.objects.filter(
                kind=OrganisationKind.MUNICIPALITY, municipality_id=municipality_id
            ).values_list("pk", flat=True)
        )


def red_flag_raised(flag: Flag) -> None:
    facility = flag.facility
    orgs = {flag.organisation_id, *_municipal_organisations(facility.municipality_id)}
    people = _others(people_of(orgs))

    def body(reader: User) -> str:
        if policy.can_read_confidential(reader, flag):
            return flag.detail
        return f"What the company said stays with {flag.organisation.label}, who raised it."

    notify(
        people,
        RED_FLAG,
        f"Red flag at {facility.name}: {flag.get_category_display()}, "
        f"respond by {flag.respond_by:%Y-%m-%d}",
        body,
        url=_call_path(flag.call_id),
        subject=flag,
        key=f"{RED_FLAG}:{flag.pk}",
    )


def _flag_saved(
    sender: Any, instance: Flag, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not created or instance.severity != Severity.RED:
        return
    red_flag_raised(instance)


# Lead conflicts


def conflict_waiting(call: Call) -> None:
    from corridor.calls.leads import lead_for
    from corridor.calls.planning import can_decide

    lead = lead_for(call.facility)
    orgs: set[int] = set()
    with system_scope("the coordinator office"):
        orgs |= set(
            Organisation.objects.filter(kind=OrganisationKind.COORDINATOR_OFFICE).values_list(
                "pk", flat=True
            )
        )
    if lead.organisation is not None:
        orgs.add(lead.organisation.pk)
    deciders = [
        p
        for p in _others(people_of(orgs, roles=[Role.EDITOR, Role.COORDINATOR]))
        if can_decide(p, call)
    ]
    who = lead.organisation.label if lead.organisation else "no member municipality"
    notify(
        deciders,
        CONFLICT,
        f"Waiting for your approval: {call.organisation.label}'s call on {call.facility.name} "
        f"on {call.scheduled_on:%Y-%m-%d}",
        f"{who} leads calls on {call.facility.name}. Approve or decline the plan on the "
        "call's page or on the conflicts page.",
        url=_call_path(call.pk),
        subject=call,
        key=f"{CONFLICT}:{call.pk}",
    )


def _call_saved(
    sender: Any, instance: Call, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    # a plan waits for approval from the moment it is made (planning.plan_call)
    if raw or not created or instance.approval != Approval.PENDING:
        return
    conflict_waiting(instance)


# Assignments: a call's participants, a follow-up's owner


def made_participant(call: Call, people: list[User]) -> None:
    def body(reader: User) -> str:
        if call.purpose and policy.can_read_confidential(reader, call):
            return f"Purpose: {call.purpose}"
        return ""

    notify(
        _others(people),
        ASSIGNED,
        f"You are on {call.organisation.label}'s call on {call.facility.name} "
        f"on {call.scheduled_on:%Y-%m-%d}",
        body,
        url=_call_path(call.pk),
        subject=call,
        key=f"{ASSIGNED}:call:{call.pk}",
    )


def _participants_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any
) -> None:
    if action != "post_add" or not pk_set:
        return
    with system_scope("the people and calls just linked"):
        if reverse:  # user.calls.add(call, ...)
            for call in Call.objects.filter(pk__in=pk_set).select_related(
                "facility", "organisation"
            ):
                made_participant(call, [instance])
        else:
            made_participant(instance, list(User.objects.filter(pk__in=pk_set, is_active=True)))


def made_owner(follow_up: FollowUp) -> None:
    owner = follow_up.owner
    if owner is None:
        return
    notify(
        _others([owner]),
        ASSIGNED,
        f"A follow-up is yours: {follow_up.facility.name}, {follow_up.get_category_display()}, "
        f"due {follow_up.due_on:%Y-%m-%d}",
        lambda reader: reminders.body_of(follow_up, reader),
        url=reminders.FOLLOW_UPS_PATH,
        subject=follow_up,
        key=f"{ASSIGNED}:follow-up:{follow_up.pk}:{follow_up.owner_id}",
    )


def referred(follow_up: FollowUp) -> None:
    partner = follow_up.referral_to
    if partner is None:
        return
    notify(
        _others(people_of([partner.pk])),
        REFERRED,
        f"{follow_up.facility.name} was referred to {partner.label} "
        f"(follow up by {follow_up.due_on:%Y-%m-%d})",
        lambda reader: reminders.body_of(follow_up, reader),
        url=reminders.FOLLOW_UPS_PATH,
        subject=follow_up,
        key=f"{REFERRED}:{follow_up.pk}",
    )


def _follow_up_saved(sender: Any, instance: FollowUp, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.status != FollowUpStatus.OPEN:
        return
    me = acting_user()
    if instance.owner_id is not None and (me is None or instance.owner_id != me.pk):
        made_owner(instance)
    if instance.referral_to_id is not None:
        referred(instance)


# Deadlines: follow-ups (the reminders) and flags with nothing planned on them


def flag_deadlines(today: dt.date) -> int:
    """Tell the raiser (or the raising organisation's editors) of each open flag without
    an open follow-up whose response is due soon, due today or overdue (in its first
    week: an older one is on the flag board, not in the bell week after week); how
    many were told."""
    horizon = today + dt.timedelta(days=settings.CORRIDOR_REMINDER_DAYS)
    with system_scope("flag deadlines are looked at for every organisation"):
        flags = list(
            Flag.objects.filter(status=FlagStatus.OPEN, respond_by__lte=horizon)
            .exclude(follow_ups__status=FollowUpStatus.OPEN)
            .select_related("facility", "organisation", "raised_by")
        )
    told = 0
    for flag in flags:
        when = reminders.stage(flag.respond_by, today)
        if when.startswith("overdue-") and when != "overdue-0":
            # told in its first overdue week; after that it stays on the flag board
            continue
        raiser = flag.raised_by
        people = (
            [raiser]
            if raiser is not None and raiser.is_active
            else people_of([flag.organisation_id], roles=[Role.EDITOR, Role.COORDINATOR])
        )
        late = (today - flag.respond_by).days
        due = (
            f"overdue by {late} day{'s' if late != 1 else ''}"
            if late > 0
            else ("due today" if late == 0 else f"due {flag.respond_by:%a %Y-%m-%d}")
        )
        told += len(
            notify(
                people,
                FLAG_DUE,
                f"Flag response {due}: {flag.facility.name}, {flag.get_category_display()}",
                lambda reader, flag=flag: (  # type: ignore[misc]
                    flag.detail if policy.can_read_confidential(reader, flag) else ""
                ),
                url=_call_path(flag.call_id),
                subject=flag,
                key=f"{FLAG_DUE}:{flag.pk}:{flag.respond_by:%Y-%m-%d}:{when}",
            )
        )
    return told


def scan_deadlines(now: dt.datetime) -> str:
    """The quarter-hourly scan: from 07:00 local time, today's reminders and flag
    deadlines (each person told once per stage, so later scans add nothing)."""
    local = timezone.localtime(now)
    if local.time() < MORNING:
        return "deadlines are looked at from 07:00"
    run = reminders.send_reminders(local.date())
    flags = flag_deadlines(local.date())
    return (
        f"{run.follow_ups} follow-up(s) reminded ({run.sent} e-mail(s)), "
        f"{flags} flag deadline notification(s)"
    )


def register() -> None:
    register_kind(FOLLOW_UP_DUE, "A follow-up of mine is due soon or overdue", Delivery.AT_ONCE)
    register_kind(
        FLAG_DUE, "A flag of my organisation is near its response deadline", Delivery.DIGEST
    )
    register_kind(RED_FLAG, "A red flag on a company in my municipality", Delivery.AT_ONCE)
    register_kind(CONFLICT, "A planned call waits for my approval", Delivery.AT_ONCE)
    register_kind(ASSIGNED, "I am put on a call or given a follow-up", Delivery.AT_ONCE)
    register_kind(REFERRED, "A company is referred to my organisation", Delivery.AT_ONCE)
    register_scan("calls.deadlines", scan_deadlines)
    post_save.connect(_flag_saved, sender=Flag, dispatch_uid="calls-notices-flag")
    post_save.connect(_call_saved, sender=Call, dispatch_uid="calls-notices-call")
    post_save.connect(_follow_up_saved, sender=FollowUp, dispatch_uid="calls-notices-follow-up")
    m2m_changed.connect(
        _participants_changed,
        sender=Call.participants.through,
        dispatch_uid="calls-notices-participants",
    )
