"""Who was met: linking a person to the calls and follow-ups of their company.

Only the calls and follow-ups the officer may see are offered; a link to one the
officer was not offered (another municipality's call) is left as it is.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from corridor.calls.models import Call, FollowUp
from corridor.contacts import services
from corridor.contacts.models import Contact
from corridor.contacts.views.contacts import NAV, _contact
from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.programs.models import Referral

OFFERED = 30  # the company's most recent calls and follow-ups


def offered(user: Any, contact: Contact) -> tuple[list[Call], list[FollowUp], list[Referral]]:
    calls = list(
        policy.visible(user, Call)
        .filter(facility__company_id=contact.company_id)
        .select_related("facility", "organisation")
        .order_by("-scheduled_on", "-pk")[:OFFERED]
    )
    follow_ups = list(
        policy.visible(user, FollowUp)
        .filter(facility__company_id=contact.company_id)
        .select_related("facility")
        .order_by("-due_on", "-pk")[:OFFERED]
    )
    referrals = list(
        policy.visible(user, Referral)
        .filter(facility__company_id=contact.company_id)
        .select_related("facility", "program")
        .order_by("-referred_on", "-pk")[:OFFERED]
    )
    return calls, follow_ups, referrals


def _call_label(call: Call) -> str:
    return (
        f"{call.scheduled_on:%Y-%m-%d}, {call.facility.name}, by {call.organisation.label} "
        f"({call.get_status_display().lower()})"
    )


def _follow_up_label(item: FollowUp) -> str:
    # the category and status only: a follow-up's text may be confidential
    return (
        f"Due {item.due_on:%Y-%m-%d}, {item.facility.name}: {item.get_category_display()} "
        f"({item.get_status_display().lower()})"
    )


def _referral_label(item: Referral) -> str:
    program = item.program.short_name or item.program.name
    return (
        f"Referred {item.referred_on:%Y-%m-%d}, {item.facility.name}: {program} "
        f"({item.get_status_display().lower()})"
    )


class LinksForm(forms.Form):
    calls = forms.MultipleChoiceField(
        label="Calls they were met on", required=False, widget=forms.CheckboxSelectMultiple
    )
    follow_ups = forms.MultipleChoiceField(
        label="Follow-ups about them", required=False, widget=forms.CheckboxSelectMultiple
    )
    referrals = forms.MultipleChoiceField(
        label="Referrals to programs for them", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: Any,
        calls: list[Call],
        follow_ups: list[FollowUp],
        referrals: list[Referral],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["calls"].choices = [(str(c.pk), _call_label(c)) for c in calls]  # type: ignore[attr-defined]
        self.fields["follow_ups"].choices = [  # type: ignore[attr-defined]
            (str(f.pk), _follow_up_label(f)) for f in follow_ups
        ]
        self.fields["referrals"].choices = [  # type: ignore[attr-defined]
            (str(r.pk), _referral_label(r)) for r in referrals
        ]


def _linked(user: Any, model: type[Any], contact: Contact) -> set[int]:
    return set(policy.visible(user, model).filter(contacts=contact).values_list("pk", flat=True))


def _chosen(form: LinksForm, name: str, items: list[Any]) -> list[Any]:
    ticked = set(form.cleaned_data[name])
    return [item for item in items if str(item.pk) in ticked]


@login_required
def contact_links(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    user = request.user
    if not policy.can_change(user, contact):
        raise PermissionDenied("Only the municipality that recorded this person links them.")
    calls, follow_ups, referrals = offered(user, contact)
    linked = {
        "calls": [str(c.pk) for c in calls if c.pk in _linked(user, Call, contact)],
        "follow_ups": [str(f.pk) for f in follow_ups if f.pk in _linked(user, FollowUp, contact)],
        "referrals": [str(r.pk) for r in referrals if r.pk in _linked(user, Referral, contact)],
    }
    data = request.POST if request.method == "POST" else None
    form = LinksForm(data, initial=linked, calls=calls, follow_ups=follow_ups, referrals=referrals)
    if data is not None and form.is_valid():
        chosen_calls = _chosen(form, "calls", calls)
        chosen_follow_ups = _chosen(form, "follow_ups", follow_ups)
        chosen_referrals = _chosen(form, "referrals", referrals)
        with refusals_shown_on(form):
            services.set_links(
                user, contact, calls=chosen_calls, follow_ups=chosen_follow_ups,
                referrals=chosen_referrals, offered_calls=calls, offered_follow_ups=follow_ups,
                offered_referrals=referrals,
            )  # fmt: skip
        if not form.errors:
            messages.success(
                request,
                f"Saved: {contact.name} met on {len(chosen_calls)} call(s), "
                f"named on {len(chosen_follow_ups)} follow-up(s) "
                f"and {len(chosen_referrals)} referral(s).",
            )
            return redirect("company-contact-detail", pk=contact.pk)
    return render(
        request,
        "contacts/contact_links.html",
        {
            "contact": contact,
            "form": form,
            "offered": OFFERED,
            "nav_current": NAV,
        },
    )
