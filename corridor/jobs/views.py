"""The "Background work" pages: my jobs (the coordinator's: everyone's), one job with
its progress bar (refreshed by htmx polling while it runs)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from corridor.core import policy
from corridor.core.views.common import paginate
from corridor.jobs import services
from corridor.jobs.models import Job, JobStatus
from corridor.jobs.rules import sees_traceback

STATUS_FILTERS = {"": "Any status", **dict(JobStatus.choices)}


def _visible(request: HttpRequest) -> object:
    return policy.visible(request.user, Job).select_related("started_by")


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = _visible(request)
    status = request.GET.get("status", "")
    if status in JobStatus.values:
        jobs = jobs.filter(status=status)  # type: ignore[attr-defined]
    else:
        status = ""
    page, keep = paginate(request, jobs)
    return render(
        request,
        "jobs/job_list.html",
        {
            "page_obj": page,
            "jobs": [services.shown(job) for job in page],
            "querystring_without_page": keep,
            "status": status,
            "statuses": STATUS_FILTERS.items(),
            "everyone": policy.actor_for(request.user).is_coordinator,
            "nav_current": "jobs",
        },
    )


def _job(request: HttpRequest, pk: int) -> Job:
    return services.shown(get_object_or_404(_visible(request), pk=pk))  # type: ignore[arg-type]


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "jobs/job_detail.html",
        {
            "job": _job(request, pk),
            "show_traceback": sees_traceback(policy.actor_for(request.user)),
            "nav_current": "jobs",
        },
    )


@login_required
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress part of the job's page, which the page polls while the job runs."""
    return render(
        request,
        "jobs/_progress.html",
        {
            "job": _job(request, pk),
            "show_traceback": sees_traceback(policy.actor_for(request.user)),
        },
    )
