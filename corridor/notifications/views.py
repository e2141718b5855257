"""The notification pages: my notifications (newest first, unread marked, mark read or
unread, all read), opening one (marks it read and goes to what it is about), and my
settings (for each kind: off, in Corridor only, e-mail at once, daily digest).

Everything here is the signed-in person's own (``rules.py``): another person's
notification answers 404 as if it were not there."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.views.common import paginate
from corridor.notifications import services
from corridor.notifications.kinds import Delivery, all_kinds
from corridor.notifications.models import Notification

SHOW = {"all": "All", "unread": "Unread only"}


def _mine(request: HttpRequest, pk: int) -> Notification:
    found: Notification = get_object_or_404(policy.visible(request.user, Notification), pk=pk)
    return found


def _back(request: HttpRequest) -> HttpResponse:
    """Back to the list as it was (filter and page), never to another site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notification-list")


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "all")
    if show not in SHOW:
        show = "all"
    mine = policy.visible(request.user, Notification)
    if show == "unread":
        mine = mine.filter(read_at__isnull=True)
    page, keep = paginate(request, mine.order_by("-created_at", "-pk"), per_page=25)
    labels = {k.slug: k.label for k in all_kinds()}
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page_obj": page,
            "notifications": [(n, labels.get(n.kind, n.kind)) for n in page],
            "querystring_without_page": keep,
            "show": show,
            "shows": SHOW.items(),
            "here": request.get_full_path(),
        },
    )


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark it read and go to what it is about (a path in Corridor only)."""
    item = _mine(request, pk)
    services.mark_read(request.user, item)
    url = item.url if item.url.startswith("/") and not item.url.startswith("//") else ""
    return redirect(url or reverse("notification-list"))


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    item = services.mark_read(request.user, _mine(request, pk))
    messages.success(request, f"Marked read: {item.title}")
    return _back(request)


@login_required
@require_POST
def notification_unread(request: HttpRequest, pk: int) -> HttpResponse:
    item = services.mark_unread(request.user, _mine(request, pk))
    messages.success(request, f"Marked unread: {item.title}")
    return _back(request)


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.user)
    messages.success(
        request,
        f"Marked {count} notification{'s' if count != 1 else ''} read."
        if count
        else "Nothing was unread.",
    )
    return _back(request)


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    kinds = all_kinds()
    errors: dict[str, Any] = {}
    if request.method == "POST":
        chosen = {k.slug: request.POST[k.slug] for k in kinds if k.slug in request.POST}
        try:
            services.set_preferences(request.user, chosen)
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, "Your notification settings are saved.")
            return redirect("notification-settings")
    current = services.preferences(request.user)
    rows = [
        {
            "kind": k,
            "field": f"kind-{n}",
            "chosen": request.POST.get(k.slug, current[k.slug]) if errors else current[k.slug],
            "default": k.default.label,
            "error": " ".join(errors.get(k.slug, [])),
        }
        for n, k in enumerate(kinds, 1)
    ]
    return render(
        request,
        "notifications/notification_settings.html",
        {
            "rows": rows,
            "choices": Delivery.choices,
            "email": request.user.email,  # type: ignore[union-attr]
            "errors": errors,
        },
        status=422 if errors else 200,
    )
