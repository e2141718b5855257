"""What the money did: charts with their tables, by program, municipality, technology, year."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.programs.analytics import analysis_for, chart
from corridor.programs.views.common import section


@login_required
def analytics_page(request: HttpRequest) -> HttpResponse:
    analysis = analysis_for(request.user)
    tables = [
        ("program", "By program", analysis.by_program),
        ("municipality", "By municipality", analysis.by_municipality),
        (
            "technology",
            "By technology (a project counts under each of its tags)",
            analysis.by_technology,
        ),
        ("year", "By year approved", analysis.by_year),
    ]
    return render(
        request,
        "programs/analytics.html",
        {
            "analysis": analysis,
            "tables": [
                (key, title, rows, chart(rows, "Contribution ($)", "contribution"))
                for key, title, rows in tables
            ],
            "jobs_chart": chart(
                analysis.by_program, "Jobs expected per $1 million", "jobs_per_million"
            ),
            **section("analytics"),
        },
    )
