"""One call: its page, the call form (with autosave), decisions, consent and follow-ups."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from corridor.calls import follow_ups, planning, recording
from corridor.calls.forms import (
    ConsentForm,
    DecisionForm,
    FollowUpForm,
    answer_sections,
    posted_answers,
    stored_values,
)
from corridor.calls.leads import lead_for
from corridor.calls.models import Approval, Call, CallAnswers, CallStatus, Flag, FollowUp
from corridor.calls.recording import REFERRAL_KINDS
from corridor.core import policy
from corridor.core.form_errors import show_refusal
from corridor.core.models import Organisation, OrganisationKind

NAV = "calls"


def visible_call(request: HttpRequest, pk: int) -> Call:
    """The call if the user may see it (404 otherwise)."""
    calls = policy.visible(request.user, Call).select_related(
        "facility", "facility__municipality", "organisation", "template", "campaign", "planned_by"
    )
    return get_object_or_404(calls, pk=pk)


def writable_answers(request: HttpRequest, call: Call) -> CallAnswers:
    """The call's answers if the user may change them (403 otherwise)."""
    answers = recording.answers_of(request.user, call)  # PermissionDenied if confidential
    policy.require_change(request.user, answers)
    return answers


@login_required
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    call = visible_call(request, pk)
    readable = policy.can_read_confidential(user, call)
    sections: list[Any] = []
    draft_pending = False
    if readable:
        answers = recording.answers_of(user, call)
        draft_pending = answers.draft_saved_at is not None
        sections = [
            (s, [(q, q.display(answers.answers.get(q.path))) for q in s.questions])
            for s in call.template.parsed
        ]
        sections = [(s, rows) for s, rows in sections if any(text for _, text in rows)]
    flags = list(policy.visible(user, Flag).filter(call=call).order_by("severity", "pk"))
    follow_up_rows = (
        policy.visible(user, FollowUp)
        .filter(call=call)
        .select_related("owner_organisation", "owner", "referral_to", "call", "flag")
    )
    can_change = policy.can_change(user, call)
    kinds = dict(OrganisationKind.choices)
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "lead": lead_for(call.facility),
            "participants": list(call.participants.order_by("last_name", "username")),
            "partners": list(policy.visible(user, Organisation).filter(joined_calls=call)),
            "readable": readable,
            "sections": sections,
            "draft_pending": draft_pending,
            "flags": [(f, policy.can_read_confidential(user, f)) for f in flags],
            "follow_ups": [(f, policy.can_read_confidential(user, f)) for f in follow_up_rows],
            "consent_scope": [kinds.get(k, k) for k in call.consent_scope or []],
            "can_change": can_change,
            "can_record": readable and can_change and call.status != CallStatus.CANCELLED,
            "can_cancel": can_change and call.status == CallStatus.PLANNED,
            "can_decide": planning.can_decide(user, call),
            "pending": call.approval == Approval.PENDING and call.status == CallStatus.PLANNED,
            "holding": planning.holding_calls(call.facility, exclude=call),
            "decision_form": DecisionForm(),
            "nav_current": NAV,
        },
    )


@login_required
def call_record(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    call = visible_call(request, pk)
    answers = writable_answers(request, call)
    sections = call.template.parsed
    errors: dict[str, str] = {}
    problem = ""
    if request.method == "POST":
        raw = posted_answers(sections, request.POST)
        complete = request.POST.get("action") == "complete"
        before = _open_flag_ids(user, call)
        try:
            errors = recording.save_answers(user, call, raw, complete=complete)
        except ValidationError as error:
            problem = " ".join(error.messages)
        if not errors and not problem:
            messages.success(request, _saved_message(user, call, complete, before))
            return redirect("call-detail", call.pk)
        values: dict[str, Any] = raw
    elif answers.draft_saved_at is not None:
        values = answers.draft
    else:
        values = stored_values(sections, answers.answers)
    return render(
        request,
        "calls/call_record.html",
        {
            "call": call,
            "sections": answer_sections(sections, values, errors),
            "errors": errors,
            "problem": problem,
            "draft_saved_at": answers.draft_saved_at,
            "can_complete": call.status == CallStatus.PLANNED and call.approval != Approval.PENDING,
            "nav_current": NAV,
        },
    )


def _open_flag_ids(user: Any, call: Call) -> set[int]:
    return set(
        policy.visible(user, Flag).filter(call=call, status="open").values_list("pk", flat=True)
    )


def _saved_message(user: Any, call: Call, complete: bool, before: set[int]) -> str:
    call.refresh_from_db()
    text = "Call completed: the answers are saved." if complete else "Answers saved."
    raised = list(
        policy.visible(user, Flag).filter(call=call, status="open").exclude(pk__in=before)
    )
    if raised:
        listed = "; ".join(
            f"{f.get_severity_display()}: {f.get_category_display()}" for f in raised
        )
        text += f" Flags raised: {listed}."
    elif call.status == CallStatus.PLANNED:
        text += " Flags are raised when the call is marked completed."
    return text


@login_required
@require_POST
def call_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    call = visible_call(request, pk)
    writable_answers(request, call)
    raw = posted_answers(call.template.parsed, request.POST)
    try:
        saved = recording.autosave_draft(request.user, call, raw)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    when = timezone.localtime(saved)
    return render(request, "calls/call_autosaved.html", {"saved_at": when})


def _decide(request: HttpRequest, pk: int, approve: bool) -> HttpResponse:
    call = visible_call(request, pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if approve:
            planning.approve_call(request.user, call, note)
            messages.success(request, f"Approved: the call on {call.facility.name} may go ahead.")
        else:
            planning.decline_call(request.user, call, note)
            messages.success(request, f"Declined: the call on {call.facility.name} is cancelled.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_back(request, call))


def _back(request: HttpRequest, call: Call) -> str:
    """Back to the conflicts page when the decision was taken there, else to the call."""
    if request.POST.get("next") == "conflicts":
        return reverse("call-conflicts")
    return reverse("call-detail", args=[call.pk])


@login_required
@require_POST
def call_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, approve=True)


@login_required
@require_POST
def call_decline(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, approve=False)


@login_required
@require_POST
def call_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    call = visible_call(request, pk)
    try:
        planning.cancel_call(request.user, call)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The call on {call.facility.name} is cancelled.")
    return redirect("call-detail", call.pk)


@login_required
def call_consent(request: HttpRequest, pk: int) -> HttpResponse:
    call = visible_call(request, pk)
    policy.require_change(request.user, call)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        recording.record_consent(request.user, call, None, [], "")
        messages.success(request, "Consent withdrawn: the company is referred to no partner.")
        return redirect("call-detail", call.pk)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                recording.record_consent(
                    request.user,
                    call,
                    data["consent_on"],
                    data["consent_scope"],
                    data["consent_note"],
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, "Consent recorded.")
                return redirect("call-detail", call.pk)
    else:
        form = ConsentForm(
            initial={
                "consent_on": call.consent_on or timezone.localdate(),
                "consent_scope": call.consent_scope or [],
                "consent_note": call.consent_note,
            }
        )
    return render(
        request,
        "calls/call_consent.html",
        {"call": call, "form": form, "kinds": REFERRAL_KINDS, "nav_current": NAV},
    )


@login_required
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    call = visible_call(request, pk)
    policy.require_change(user, call)
    if not policy.can_create(user, FollowUp):
        raise PermissionDenied("You may not add follow-ups.")
    form = FollowUpForm(user, call, request.POST or None)
    kinds = dict(OrganisationKind.choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            follow_ups.add_follow_up(
                user,
                facility=call.facility,
                call=call,
                owner_organisation=data["owner_organisation"],
                owner=data["owner"],
                due_on=data["due_on"],
                category=data["category"],
                description=data["description"],
                flag=data["flag"],
                referral_to=data["referral_to"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Follow-up added.")
            return redirect("call-detail", call.pk)
    return render(
        request,
        "calls/call_follow_up.html",
        {
            "call": call,
            "form": form,
            "consent_kinds": [kinds.get(k, k) for k in call.consent_scope or []],
            "nav_current": NAV,
        },
    )
