"""Watched sources (the feeds, pages and folders the worker reads) and events (one
announcement reported by several outlets).

Participants see the sources, when each was last read, with what result, and what it
brought in; the coordinator adds, changes, stops (inactive) and removes them, and reads
one at once ("Read now", a background job). Partners do not see the sources. An event's
page is public like its documents."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.core.forms import VersionedForm
from corridor.core.history import WEB, change_context
from corridor.intel import watch_tasks, watching
from corridor.intel.models import (
    Document,
    Event,
    Fact,
    Jurisdiction,
    SourceKind,
    WatchedItem,
    WatchedSource,
)
from corridor.intel.views.common import section

ITEMS_SHOWN = 50


class SourceForm(VersionedForm):
    class Meta(VersionedForm.Meta):
        model = WatchedSource
        fields = list(watching.SOURCE_FIELDS)
        labels = {
            "name": "Name",
            "kind": "What it is",
            "location": "Web address or folder",
            "jurisdiction": "Government",
            "document_kind": "Its documents are",
            "active": "Read it on schedule",
        }
        help_texts = {
            "name": "How officers will recognise it, e.g. 'Ontario newsroom: economic development'",
            "location": "For a feed or page: its web address (https://…). For a folder: its full "
            "path on the server, inside the watched folders' place.",
            "jurisdiction": "The government whose announcements it carries; leave empty for news "
            "outlets (Corridor works it out from each text)",
            "active": "Untick to stop reading it without losing what it brought in",
        }
        widgets = {"location": forms.TextInput(attrs={"spellcheck": "false"})}

    def __init__(self, *args: Any, jurisdictions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].required = bool(self.instance.pk)
        field: Any = self.fields["jurisdiction"]
        field.queryset = jurisdictions if jurisdictions is not None else field.queryset.none()
        field.empty_label = "Any (worked out from each text)"
        self.fields["every_hours"].widget.attrs.update({"min": 1, "max": 168})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, location = data.get("kind"), data.get("location")
        if kind and location:
            try:
                data["location"] = watching.check_location(kind, location)
            except ValueError as exc:
                self.add_error("location", str(exc))
        return data


def _require_view(request: HttpRequest) -> None:
    if not policy.can_view(request.user, WatchedSource):
        raise PermissionDenied("The watched sources are kept by the coordinator for participants.")


def _source(request: HttpRequest, pk: int) -> WatchedSource:
    _require_view(request)
    found: WatchedSource = get_object_or_404(
        policy.visible(request.user, WatchedSource).select_related("jurisdiction", "added_by"),
        pk=pk,
    )
    return found


def _jurisdictions(user: Any) -> Any:
    return policy.visible(user, Jurisdiction).order_by("name")


def _facts_per_document(user: Any, **where: Any) -> dict[int, int]:
    """How many facts ``user`` may see in each document matching ``where``."""
    return dict(
        policy.visible(user, Fact)
        .filter(**where)
        .values("document_id")
        .annotate(n=Count("pk"))
        .values_list("document_id", "n")
    )


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    sources = list(
        policy.visible(user, WatchedSource)
        .select_related("jurisdiction")
        .annotate(
            document_count=Count("documents", distinct=True),
            last_document=Max("documents__created_at"),
        )
        .order_by("-active", "name", "pk")
    )
    return render(
        request,
        "intel/source_list.html",
        {
            **section("sources"),
            "sources": sources,
            "can_add": policy.can_create(user, WatchedSource),
            "watch_root": watching.watch_root(),
        },
    )


@login_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source(request, pk)
    user = request.user
    items = list(
        policy.visible(user, WatchedItem)
        .filter(source=source)
        .select_related("document")
        .order_by("-seen_at", "-pk")[:ITEMS_SHOWN]
    )
    documents = policy.visible(user, Document).filter(watched_source=source)
    facts = _facts_per_document(user, document__watched_source=source)
    return render(
        request,
        "intel/source_detail.html",
        {
            **section("sources"),
            "source": source,
            "items": [(i, facts.get(i.document_id, 0) if i.document_id else 0) for i in items],
            "document_count": documents.count(),
            "fact_count": sum(facts.values()),
            "can_change": policy.can_change(user, source),
            "can_delete": policy.can_delete(user, source),
            "items_shown": ITEMS_SHOWN,
        },
    )


@login_required
def source_add(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = request.user
    policy.require_create(user, WatchedSource)
    form = SourceForm(
        request.POST or None,
        jurisdictions=_jurisdictions(user),
        initial={"kind": SourceKind.FEED, "every_hours": 6, "active": True},
    )
    if request.method == "POST" and form.is_valid():
        values = {n: form.cleaned_data[n] for n in watching.SOURCE_FIELDS}
        with refusals_shown_on(form), change_context(user=user, source=WEB):
            source = watching.create_source(user, **values)
        if not form.errors:
            messages.success(
                request, f"Corridor will read {source.name} within 15 minutes, then every "
                f"{source.every_hours} hours."
            )  # fmt: skip
            return redirect("intel-source-detail", pk=source.pk)
    return render(
        request,
        "intel/source_form.html",
        {**section("sources"), "form": form, "watch_root": watching.watch_root()},
    )


@login_required
def source_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source(request, pk)
    user = request.user
    policy.require_change(user, source)
    form = SourceForm(request.POST or None, instance=source, jurisdictions=_jurisdictions(user))
    if request.method == "POST" and form.is_valid():
        changes = {n: form.cleaned_data[n] for n in watching.SOURCE_FIELDS}
        fresh = _source(request, pk)
        with refusals_shown_on(form), change_context(user=user, source=WEB):
            watching.update_source(user, fresh, changes, form.cleaned_data["loaded_version"])
        if not form.errors:
            messages.success(request, f"Saved {fresh.name}.")
            return redirect("intel-source-detail", pk=fresh.pk)
    return render(
        request,
        "intel/source_form.html",
        {
            **section("sources"),
            "form": form,
            "source": source,
            "watch_root": watching.watch_root(),
        },
    )


@login_required
@require_POST
def source_delete(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source(request, pk)
    with change_context(user=request.user, source=WEB):
        watching.delete_source(request.user, source)
    messages.success(
        request, f"Corridor no longer watches {source.name}. The documents it brought in stay."
    )
    return redirect("intel-source-list")


@login_required
@require_POST
def source_read(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source(request, pk)
    policy.require_change(request.user, source)
    job = watch_tasks.start_read(source, user=request.user)
    messages.info(request, f"Reading {source.name} in the background.")
    return redirect("job-detail", pk=job.pk)


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    event = get_object_or_404(policy.visible(user, Event), pk=pk)
    documents = list(
        policy.visible(user, Document)
        .filter(event=event)
        .select_related("jurisdiction", "watched_source")
        .order_by("date", "pk")
    )
    facts = _facts_per_document(user, document__event=event)
    return render(
        request,
        "intel/event_detail.html",
        {
            **section("documents"),
            "event": event,
            "rows": [(d, facts.get(d.pk, 0)) for d in documents],
            "sees_sources": policy.can_view(user, WatchedSource),
        },
    )
