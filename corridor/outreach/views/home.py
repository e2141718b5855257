"""The outreach overview: what is coming up, the agenda's strongest asks, the evidence."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from corridor.core import policy
from corridor.outreach import agenda, evidence
from corridor.outreach.models import Engagement, EngagementStatus, FleetPilot, HeadOffice
from corridor.outreach.views.common import section


@login_required
def outreach_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    common = agenda.common_agenda(user, with_figures=False)
    return render(
        request,
        "outreach/home.html",
        {
            "upcoming": policy.visible(user, Engagement)
            .filter(starts_on__gte=today)
            .exclude(status=EngagementStatus.CANCELLED)
            .select_related("organisation", "head_office")
            .order_by("starts_on", "pk")[:6],
            "common": common,
            "top": common.lines[:5],
            "figures": evidence.figures(user),
            "head_offices": policy.visible(user, HeadOffice).count(),
            "pilots": policy.visible(user, FleetPilot).count(),
            **section("home"),
        },
    )
