from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
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
