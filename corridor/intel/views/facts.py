"""Checking a fact: confirm it, correct it, or reject it (officers and the coordinator)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.core import policy
from corridor.core.form_errors import refusals_shown_on
from corridor.core.history import WEB, change_context
from corridor.intel import fact_records
from corridor.intel.forms import FactForm
from corridor.intel.models import Fact, FactCorrection, TrendTag
from corridor.intel.models.fact import CORRECTABLE
from corridor.intel.views.common import money, section


def _initial(user: Any, fact: Fact) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(fact, name) for name in CORRECTABLE}
    values["trends"] = list(policy.visible(user, TrendTag).filter(facts=fact))
    values["loaded_version"] = fact.version
    return values


@login_required
def fact_review(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    qs = policy.visible(user, Fact).select_related(
        "document", "jurisdiction", "recipient_company", "funding_program"
    )
    fact: Fact = get_object_or_404(qs, pk=pk)
    can_change = policy.can_change(user, fact)
    form = FactForm(user, initial=_initial(user, fact))
    if request.method == "POST":
        policy.require_change(user, fact)
        action = request.POST.get("action", "correct")
        with change_context(user=user, source=WEB, request=request):
            if action == "confirm":
                fact_records.confirm(user, fact)
                messages.success(request, "Fact confirmed.")
                return redirect("intel-document-detail", pk=fact.document_id)
            if action == "reject":
                fact_records.reject(user, fact, request.POST.get("note", ""))
                messages.success(request, "Fact rejected: it no longer counts in the tracker.")
                return redirect("intel-document-detail", pk=fact.document_id)
            form = FactForm(user, request.POST)
            if form.is_valid():
                data = dict(form.cleaned_data)
                trends = list(data.pop("trends"))
                note = data.pop("note")
                expected = data.pop("loaded_version")
                with refusals_shown_on(form):
                    fact_records.correct(user, fact, data, expected, note, trends)
                if not form.errors:
                    messages.success(
                        request, "Correction saved. Reading the document again will not undo it."
                    )
                    return redirect("intel-document-detail", pk=fact.document_id)
    corrections = (
        policy.visible(user, FactCorrection).filter(fact=fact).select_related("corrected_by")
    )
    return render(
        request,
        "intel/fact_review.html",
        {
            **section("documents"),
            "fact": fact,
            "form": form,
            "can_change": can_change,
            "corrections": corrections.order_by("pk"),
            "amount": money(fact.amount_cad, fact.currency),
            "extracted": fact.extracted,
        },
    )
