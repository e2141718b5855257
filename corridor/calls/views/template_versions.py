"""The common call template's versions: read them, and (the coordinator) publish a new one."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corridor.calls.forms_work import TemplatePublishForm, section
from corridor.calls.models import Call, CallTemplate
from corridor.calls.template_versions import publish_template
from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_refusal


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    versions = list(policy.visible(user, CallTemplate).order_by("-number"))
    # How many calls use each version: counts only, shared with every participant.
    uses = dict(
        policy.visible(user, Call)
        .values("template_id")
        .annotate(n=Count("pk", filter=Q(deleted_at__isnull=True)))
        .values_list("template_id", "n")
    )
    current = versions[0].pk if versions else None
    shows_uses = policy.can_view(user, Call)
    header = ["version", "title", "published_on", "published_by", "what_changed"]
    exported = export(
        request,
        "call-templates",
        header + (["calls_on_it"] if shows_uses else []),
        (
            [
                t.number,
                t.title,
                timezone.localtime(t.published_at).date() if t.published_at else "",
                (t.published_by.get_full_name() or t.published_by.username)
                if t.published_by
                else "",
                t.change_note,
            ]
            + ([uses.get(t.pk, 0)] if shows_uses else [])
            for t in versions
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "calls/template_list.html",
        {
            "rows": [(t, t.pk == current, uses.get(t.pk, 0)) for t in versions],
            "shows_uses": shows_uses,
            "can_publish": policy.can_create(user, CallTemplate),
            **section("templates"),
            **export_links(request),
        },
    )


@login_required
def template_detail(request: HttpRequest, number: int) -> HttpResponse:
    user = request.user
    template = get_object_or_404(
        policy.visible(user, CallTemplate).select_related("published_by"), number=number
    )
    latest = policy.visible(user, CallTemplate).order_by("-number").values_list("number", flat=True)
    return render(
        request,
        "calls/template_detail.html",
        {
            "template": template,
            "sections": template.parsed,
            "is_current": template.number == (latest.first() or 0),
            "can_publish": policy.can_create(user, CallTemplate),
            **section("templates"),
        },
    )


@login_required
def template_publish(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_create(user, CallTemplate)
    current = policy.visible(user, CallTemplate).order_by("-number").first()
    initial = (
        {
            "title": current.title,
            "sections": json.dumps(current.sections, indent=2, ensure_ascii=False),
        }
        if current
        else {}
    )
    form = TemplatePublishForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            template = publish_template(user, data["title"], data["sections"], data["change_note"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                f"Published version {template.number}. New calls use it; calls already planned "
                "or made keep the version they were made on.",
            )
            return redirect("template-detail", number=template.number)
    return render(
        request,
        "calls/template_publish.html",
        {"form": form, "current": current, **section("templates")},
    )
