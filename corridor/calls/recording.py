"""Recording what a call found: answers, drafts, completion, consent, and the flags it raises."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corridor.calls import flagging
from corridor.calls.answers import parse_answers
from corridor.calls.models import (
    Approval,
    Call,
    CallAnswers,
    CallStatus,
    Flag,
    FlagStatus,
    FollowUp,
    FollowUpCategory,
    Severity,
)
from corridor.calls.signals import call_recorded
from corridor.core import policy
from corridor.core.models import OrganisationKind
from corridor.core.scoping import system_scope

MAX_DRAFT_FIELDS = 500
# Kinds of partner a company can consent to be referred to.
REFERRAL_KINDS = (
    OrganisationKind.ASSOCIATION,
    OrganisationKind.COLLEGE,
    OrganisationKind.RESEARCH_CENTRE,
    OrganisationKind.GOVERNMENT,
    OrganisationKind.UNION,
)


def answers_of(user: Any, call: Call) -> CallAnswers:
    """The call's answers if ``user`` may read them; ``PermissionDenied`` otherwise."""
    found = policy.visible(user, CallAnswers).filter(call=call).first()
    if found is None:
        raise PermissionDenied("What the company said on this call is confidential.")
    return found


def _writable_answers(user: Any, call: Call) -> CallAnswers:
    answers = answers_of(user, call)
    policy.require_change(user, answers)
    return answers


def autosave_draft(user: Any, call: Call, raw: Mapping[str, Any]) -> dt.datetime:
    """Keep what the form holds, unchecked, so that nothing typed on a tablet is lost."""
    answers = _writable_answers(user, call)
    draft = {str(k): v for k, v in raw.items() if isinstance(v, str | list)}
    if len(draft) > MAX_DRAFT_FIELDS:
        raise ValidationError("Too many fields in this draft.")
    answers.draft = draft
    answers.draft_saved_at = timezone.now()
    answers.save(update_fields=["draft", "draft_saved_at"])
    return answers.draft_saved_at


def save_answers(
    user: Any,
    call: Call,
    raw: Mapping[str, Any],
    *,
    complete: bool = False,
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> dict[str, str]:
    """Check and store the answers (and complete the call if asked).

    Returns a message per field that did not read; then nothing is stored. With
    ``expected_version`` (the answers' version the caller read) the answers are
    stored only if nobody saved them since: ``EditConflict`` otherwise, and then
    nothing is stored either (neither the answers nor the call's completion).
    """
    answers = _writable_answers(user, call)
    parsed, errors = parse_answers(call.template.parsed, raw)
    if errors:
        return errors
    if complete and (call.status == CallStatus.CANCELLED or call.approval == Approval.PENDING):
        raise ValidationError(
            "This call waits for approval."
            if call.approval == Approval.PENDING
            else "A cancelled call cannot be completed."
        )
    with transaction.atomic():
        answers.answers = parsed
        answers.draft = {}
        answers.draft_saved_at = None
        if expected_version is None:
            answers.save()
        else:
            answers.save_versioned(expected_version)
        if complete and call.status != CallStatus.COMPLETED:
            call.status = CallStatus.COMPLETED
            call.completed_at = timezone.now()
            call.save()
        if call.status == CallStatus.COMPLETED:
            sync_flags(call, parsed, user, today or timezone.localdate())
            call_recorded.send(sender=Call, call=call, answers=parsed, user=user)
    return {}


def sync_flags(call: Call, answers: Mapping[str, Any], user: Any, today: dt.date) -> list[Flag]:
    """Raise the flags the answers call for; withdraw open rule flags they no longer raise.

    A new red flag gets a follow-up at once, owned by the visiting municipality and
    the officer who logged the call, due at the flag's response deadline."""
    raised = {f.rule: f for f in flagging.evaluate(answers, call.scheduled_on)}
    with system_scope("flags follow the answers of the call they come from"):
        existing = {f.rule: f for f in Flag.objects.filter(call=call).exclude(rule="")}
        for rule, flag in existing.items():
            if rule not in raised and flag.status == FlagStatus.OPEN:
                flag.status = FlagStatus.WITHDRAWN
                flag.save()
        current: list[Flag] = []
        for rule, found in raised.items():
            known = existing.get(rule)
            if known is None:
                flag = Flag.objects.create(
                    facility_id=call.facility_id,
                    call=call,
                    organisation_id=call.organisation_id,
                    severity=found.severity,
                    category=found.category,
                    rule=rule,
                    detail=found.detail,
                    respond_by=flagging.respond_by(found.severity, today),
                    raised_by=user,
                )
                if found.severity == Severity.RED:
                    FollowUp.objects.create(
                        facility_id=call.facility_id,
                        call=call,
                        flag=flag,
                        owner_organisation_id=call.organisation_id,
                        owner=user,
                        due_on=flag.respond_by,
                        category=FollowUpCategory.RETENTION,
                        description=f"Respond to the red flag: {found.detail}",
                    )
            else:
                flag = known
            if flag.detail != found.detail or flag.status == FlagStatus.WITHDRAWN:
                flag.detail = found.detail
                if flag.status == FlagStatus.WITHDRAWN:
                    flag.status = FlagStatus.OPEN
                    flag.respond_by = flagging.respond_by(flag.severity, today)
                flag.save()
            current.append(flag)
        return current


def record_consent(
    user: Any, call: Call, on: dt.date | None, scope: Iterable[str], note: str = ""
) -> Call:
    """Record (or withdraw, with ``on=None``) the company's consent to referrals."""
    policy.require_change(user, call)
    kinds = sorted(set(scope))
    unknown = [k for k in kinds if k not in {str(r) for r in REFERRAL_KINDS}]
    if unknown:
        raise ValidationError({"consent_scope": f"Not a kind of partner: {', '.join(unknown)}."})
    if on is not None and not kinds:
        raise ValidationError(
            {"consent_scope": "Say which kinds of partner the company agreed to."}
        )
    call.consent_on = on
    call.consent_scope = kinds if on is not None else []
    call.consent_note = note
    call.save()
    return call
