"""The contacts' pages: the list, a contact, adding and editing one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.contacts import services
from corridor.contacts.facility_panel import recent_touches
from corridor.contacts.filtersets import CompanyContactFilter
from corridor.contacts.forms import ContactForm
from corridor.contacts.models import Contact, Role
from corridor.contacts.rules import may_merge
from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.core.views.common import paginate, read_filters
from corridor.registry.models import Company, Facility

NAV = "contacts"


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, Contact):
        raise PermissionDenied("Contacts are kept by the municipalities and the coordinator.")


@login_required
def contact_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    filters, problems = read_filters(request, CompanyContactFilter)
    qs = (
        filters.filter(policy.visible(user, Contact))
        .select_related("company", "facility", "owner_organisation")
        .order_by("name", "pk")
    )
    page, keep = paginate(request, qs)
    return render(
        request,
        "contacts/contact_list.html",
        {
            "page_obj": page,
            "querystring_without_page": keep,
            "filters": filters,
            "problems": problems,
            "roles": Role.choices,
            "may_merge": may_merge(user),
            "may_import": policy.can_create(user, Contact),
            "nav_current": NAV,
        },
    )


def _contact(request: HttpRequest, pk: int) -> Contact:
    _require_view(request)
    return get_object_or_404(
        policy.visible(request.user, Contact).select_related(
            "company", "facility", "owner_organisation", "merged_into"
        ),
        pk=pk,
    )


@login_required
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_view(request)
    user = request.user
    folded = (
        policy.visible(user, Contact, include_deleted=True)
        .filter(pk=pk, merged_into__isnull=False, deleted_at__isnull=False)
        .first()
    )
    # a record folded into another by the coordinator: the person is there now
    survivor = folded.merged_into_id if folded is not None else None
    if survivor is not None and policy.visible(user, Contact).filter(pk=survivor).exists():
        messages.info(request, f"{folded.name} was merged into this record.")  # type: ignore[union-attr]
        return redirect("company-contact-detail", pk=survivor)
    contact = _contact(request, pk)
    facility_ids = list(
        policy.visible(user, Facility)
        .filter(company_id=contact.company_id)
        .values_list("pk", flat=True)
    )
    touches = [
        line
        for line in recent_touches(user, facility_ids, limit=200)
        if any(c.pk == contact.pk for c in line.touch.seen_contacts)  # type: ignore[attr-defined]
    ]
    return render(
        request,
        "contacts/contact_detail.html",
        {
            "contact": contact,
            "consent_note_readable": policy.can_read_confidential(user, contact),
            "can_change": policy.can_change(user, contact),
            "touches": touches,
            "calls": _calls_of(user, contact),
            "follow_ups": _follow_ups_of(user, contact),
            "referrals": _referrals_of(user, contact),
            "nav_current": NAV,
        },
    )


def _referrals_of(user: Any, contact: Contact) -> list[Any]:
    from corridor.programs.models import Referral

    return list(
        policy.visible(user, Referral)
        .filter(contacts=contact)
        .select_related("facility", "program")
        .order_by("-referred_on", "-pk")[:20]
    )


def _follow_ups_of(user: Any, contact: Contact) -> list[Any]:
    from corridor.calls.models import FollowUp

    return list(
        policy.visible(user, FollowUp)
        .filter(contacts=contact)
        .select_related("facility")
        .order_by("-due_on", "-pk")[:20]
    )


def _calls_of(user: Any, contact: Contact) -> list[Any]:
    from corridor.calls.models import Call

    return list(
        policy.visible(user, Call)
        .filter(contacts=contact)
        .select_related("organisation", "facility")
        .order_by("-scheduled_on", "-pk")[:20]
    )


def _facilities(user: Any, company: Company) -> Any:
    return policy.visible(user, Facility).filter(company=company).order_by("name", "pk")


@login_required
def contact_add(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    policy.require_create(user, Contact)
    facility = None
    source = request.POST if request.method == "POST" else request.GET
    facility_id = source.get("at", "")
    company_id = source.get("company", "")
    if facility_id.isdigit():
        facility = get_object_or_404(policy.visible(user, Facility), pk=int(facility_id))
        company = facility.company
    elif company_id.isdigit():
        company = get_object_or_404(policy.visible(user, Company), pk=int(company_id))
    else:
        raise Http404("Add a person from their company's or facility's page.")
    form = ContactForm(
        request.POST or None,
        facilities=_facilities(user, company),
        initial={"facility": facility.pk if facility else None},
    )
    if request.method == "POST" and form.is_valid():
        values = {n: form.cleaned_data[n] for n in ContactForm.Meta.fields}
        with refusals_shown_on(form):
            contact = services.create_contact(user, company=company, **values)
        if not form.errors:
            messages.success(request, f"Added {contact.name}.")
            return redirect("company-contact-detail", pk=contact.pk)
    return render(
        request,
        "contacts/contact_form.html",
        {
            "form": form,
            "company": company,
            "facility": facility,
            "cancel_url": _back(company, facility),
            "nav_current": NAV,
        },
    )


def _back(company: Company, facility: Facility | None) -> str:
    from django.urls import reverse

    if facility is not None:
        return reverse("facility-detail", args=[facility.pk])
    return reverse("company-detail", args=[company.pk])


@login_required
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _contact(request, pk)
    user = request.user
    policy.require_change(user, contact)
    form = ContactForm(
        request.POST or None, instance=contact, facilities=_facilities(user, contact.company)
    )
    if request.method == "POST" and form.is_valid():
        changes = {n: form.cleaned_data[n] for n in ContactForm.Meta.fields}
        fresh = _contact(request, pk)
        with refusals_shown_on(form):
            services.update_contact(user, fresh, changes, form.cleaned_data["loaded_version"])
        if not form.errors:
            messages.success(request, f"Saved {fresh.name}.")
            return redirect("company-contact-detail", pk=fresh.pk)
    return render(
        request,
        "contacts/contact_form.html",
        {
            "form": form,
            "contact": contact,
            "company": contact.company,
            "facility": contact.facility,
            "cancel_url": _back_to_contact(contact),
            "nav_current": NAV,
        },
    )


def _back_to_contact(contact: Contact) -> str:
    from django.urls import reverse

    return reverse("company-contact-detail", args=[contact.pk])
