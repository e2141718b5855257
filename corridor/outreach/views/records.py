"""One page shape that adds or edits a record kept whole: a message, a policy ask, a
contact, a relationship, a working group, a partnership, a tour or a fleet pilot.

Each kind names its form, the choices its user has, its defaults and, where the
outreach services add rules of their own (owners, municipalities, vendors), the
services that write it. Edits are versioned: a form loaded before someone else saved
ends in an edit conflict and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.core.models import Organisation
from corridor.outreach import forms_records as f
from corridor.outreach import services
from corridor.outreach.models import (
    Contact,
    FleetPilot,
    HeadOffice,
    Message,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)
from corridor.outreach.views.common import (
    acting_organisation,
    own_organisations,
    section,
)
from corridor.registry.models import Facility

Choices = Callable[[Any], dict[str, Any]]


def _organisations(user: Any) -> Any:
    return policy.visible(user, Organisation).filter(deleted_at__isnull=True).order_by("name")


def _none(user: Any, request: HttpRequest) -> dict[str, Any]:
    return {}


def _acting(user: Any, request: HttpRequest) -> dict[str, Any]:
    found = acting_organisation(user)
    return {"organisation": found.pk} if found else {}


def _owner(user: Any, request: HttpRequest) -> dict[str, Any]:
    found = acting_organisation(user)
    return {"owner": found.pk} if found else {}


def _own_first(user: Any, request: HttpRequest, *, municipalities_only: bool = False) -> Any:
    return own_organisations(user, municipalities_only=municipalities_only).first()


def _relationship_defaults(user: Any, request: HttpRequest) -> dict[str, Any]:
    own = _own_first(user, request)
    found: dict[str, Any] = {"last_contact_on": timezone.localdate()}
    if own is not None:
        found["organisation"] = own.pk
    if (request.GET.get("contact") or "").isdigit():
        found["contact"] = int(request.GET["contact"])
    return found


def _pilot_defaults(user: Any, request: HttpRequest) -> dict[str, Any]:
    own = _own_first(user, request, municipalities_only=True)
    return {"organisation": own.pk} if own else {}


@dataclass(frozen=True)
class Kind:
    model: type[Any]
    form: type[f.RecordForm]
    noun: str  # "message": the page says "New message", "Saved “…”."
    list_url: str
    section: str
    detail_url: str | None = None
    choices: Choices = lambda user: {}
    defaults: Callable[[Any, HttpRequest], dict[str, Any]] = _none
    create: Callable[..., Any] | None = None  # service(user, **fields)
    update: Callable[..., Any] | None = None  # service(user, obj, changes, version)
    intro: str = ""

    def done_url(self, obj: Any) -> str:
        if self.detail_url:
            return reverse(self.detail_url, args=[obj.pk])
        return reverse(self.list_url)

    def save(self, user: Any, obj: Any, data: dict[str, Any], version: int | None) -> Any:
        many = {m.name: data.pop(m.name) for m in self.model._meta.many_to_many if m.name in data}
        if obj is None:
            if self.create is not None:
                return self.create(user, **data)
            return services.create_record(user, self.model, many=many, **data)
        if self.update is not None:
            return self.update(user, obj, data, version)
        return services.update_record(user, obj, data, version or 0, many=many)


KINDS: dict[str, Kind] = {
    "message": Kind(
        Message, f.MessageForm, "message", "message-list", "messages",
        intro="Talking points for everyone who speaks for the corridor, with live figures.",
    ),
    "ask": Kind(
        PolicyAsk, f.AskForm, "policy ask", "ask-list", "agenda", detail_url="ask-detail",
        choices=lambda user: {"owner": _organisations(user)}, defaults=_owner,
    ),
    "contact": Kind(
        Contact, f.ContactForm, "stakeholder", "contact-list", "directory",
        detail_url="contact-detail",
        choices=lambda user: {
            "organisation": _organisations(user),
            "head_office": policy.visible(user, HeadOffice).order_by("automaker", "name"),
        },
    ),
    "relationship": Kind(
        Relationship, f.RelationshipForm, "relationship", "relationship-list", "relationships",
        choices=lambda user: {
            "contact": policy.visible(user, Contact).order_by("name"),
            "organisation": own_organisations(user),
        },
        defaults=_relationship_defaults,
        create=services.add_relationship,
        update=services.update_relationship,
        intro="Who in the network knows a stakeholder, and how well.",
    ),
    "working_group": Kind(
        WorkingGroup, f.WorkingGroupForm, "working group", "working-group-list", "centre",
        choices=lambda user: {"lead": _organisations(user), "members": _organisations(user)},
    ),
    "partnership": Kind(
        Partnership, f.PartnershipForm, "partnership", "partnership-list", "partnerships",
        choices=lambda user: {"partners": _organisations(user)},
    ),
    "tour": Kind(
        Tour, f.TourForm, "tour", "tour-list", "visits", detail_url="tour-detail",
        choices=lambda user: {"organisation": own_organisations(user)}, defaults=_acting,
        intro="A tour groups the head-office visits of a group of mayors; plan the visits on "
        "the tour's page.",
    ),
    "pilot": Kind(
        FleetPilot, f.PilotForm, "fleet pilot", "pilot-list", "pilots",
        choices=lambda user: {
            "organisation": own_organisations(user, municipalities_only=True),
            "vendor": policy.visible(user, Facility).select_related("municipality").order_by(
                "name"
            ),
        },
        defaults=_pilot_defaults,
        create=services.record_pilot,
        update=services.update_pilot,
        intro="A municipality's fleet offered for a pilot of new vehicle technology.",
    ),
}  # fmt: skip


def links(user: Any, model: type[Any]) -> dict[str, bool]:
    """May ``user`` add records of ``model``, and edit them (for rules that do not look at
    the record: the coordinator keeps the library, the agenda, the directory, the centre)."""
    return {
        "can_create": policy.can_create(user, model),
        "can_change": policy.can_change(user, model()),
    }


@login_required
def record_edit(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    found = KINDS.get(kind)
    if found is None:
        raise Http404("No such record.")
    user = request.user
    obj: Any = None
    if pk is not None:
        obj = get_object_or_404(policy.visible(user, found.model), pk=pk)
        policy.require_change(user, obj)
    else:
        policy.require_create(user, found.model)
    form = found.form(
        request.POST or None,
        instance=obj,
        initial=None if obj is not None else found.defaults(user, request),
        querysets=found.choices(user),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("loaded_version")
        with refusals_shown_on(form):
            saved = found.save(user, obj, data, version)
        if not form.errors:
            flash.success(request, f"{'Saved' if obj else 'Added'} “{saved}”.")
            return redirect(found.done_url(saved))
    return render(
        request,
        "outreach/record_edit.html",
        {
            "form": form,
            "kind": found,
            "record": obj,
            "back_url": found.done_url(obj) if obj is not None else reverse(found.list_url),
            **section(found.section),
        },
    )
