from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy, services
from corridor.core.forms import TokenForm
from corridor.core.models import ApiToken, Membership


@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = services.issue_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    memberships = (
        policy.visible(request.user, Membership)
        .filter(user_id=policy.actor_for(request.user).user_id or 0)
        .select_related("organisation")
    )
    tokens = policy.visible(request.user, ApiToken)
    return render(
        request,
        "core/account.html",
        {"memberships": memberships, "tokens": tokens, "form": form, "new_token": new_token},
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(policy.visible(request.user, ApiToken), pk=pk)
    services.revoke_token(request.user, token)
    messages.success(request, f"Revoked {token}.")
    return redirect("account")


def lockout_message(cool_off: timedelta | None) -> str:
    """What a locked sign-in is told: why, and when it may try again."""
    reason = "Too many failed sign-ins for this account or from this address."
    if not cool_off:
        return f"{reason} Ask the coordinator to unlock it."
    return f"{reason} Try again in {_duration(cool_off)}, or ask the coordinator to unlock it."


def _duration(span: timedelta) -> str:
    """15 minutes, 1 hour, 90 minutes, 30 seconds: whole units, rounded up."""
    seconds = max(1, math.ceil(span.total_seconds()))
    if seconds % 3600 == 0:
        amount, unit = seconds // 3600, "hour"
    elif seconds >= 60:
        amount, unit = math.ceil(seconds / 60), "minute"
    else:
        amount, unit = seconds, "second"
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """The sign-in page for a sign-in the throttle refused (``AXES_LOCKOUT_CALLABLE``).

    Corridor's layout and form with the reason in an alert, status 429 and, with a
    cool-off, ``Retry-After``. Nothing says whether the account exists or the password
    was right: the lock is the only reason given.
    """
    cool_off = get_cool_off(request)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    response = render(
        request,
        "registration/login.html",
        {
            "form": form,
            "next": request.POST.get("next", request.GET.get("next", "")),
            "locked_out": lockout_message(cool_off),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        response["Retry-After"] = str(max(1, math.ceil(cool_off.total_seconds())))
    return response
