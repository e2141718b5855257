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
        ("program", "By program", "Program", analysis.by_program),
        ("municipality", "By municipality", "Municipality", analysis.by_municipality),
        ("technology", "By technology", "Technology", analysis.by_technology),
        ("year", "By year approved", "Year", analysis.by_year),
    ]
    return render(
        request,
        "programs/analytics.html",
        {
            "analysis": analysis,
            "tables": [
                (key, title, column, rows, chart(rows, "Contribution ($)", "contribution"))
                for key, title, column, rows in tables
            ],
            "jobs_chart": chart(
                analysis.by_program, "Jobs expected per $1 million", "jobs_per_million"
            ),
            **section("analytics"),
        },
    )
