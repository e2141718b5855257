"""The reports' background work: building the mayors' quarterly briefing that an officer
asked for on the dashboard (``views/dashboard.py``), kept under ``VAR_DIR/briefings/``
for the job's page to link to."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from corridor.core.models import Municipality, User
from corridor.core.scoping import system_scope
from corridor.jobs import services as jobs
from corridor.reports import briefing, briefing_files
from corridor.reports.dashboards import BadQuarter, parse_quarter


@task()
def build_briefing(token: str, user_id: int, quarter: str, municipality_id: int | None) -> str:
    """Build the briefing as ``user_id`` would have downloaded it; its download address.

    Built again from the start when run again: the file is only written at the end."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise jobs.Refused("The person who asked for this briefing can no longer sign in.")
    try:
        period = parse_quarter(quarter)
    except BadQuarter as exc:
        raise jobs.Refused(str(exc)) from exc
    place = None
    if municipality_id is not None:
        with system_scope("the municipality the dashboard let this person choose"):
            place = Municipality.objects.filter(pk=municipality_id).first()
        if place is None:
            raise jobs.Refused("The municipality of this briefing is no longer in Corridor.")
    pdf = briefing.render(user, period, place, today=timezone.localdate(), progress=jobs.progress())
    where = "-" + place.name.lower().replace(" ", "-") if place else ""
    briefing_files.save(
        briefing_files.StoredBriefing(
            token=token,
            built_by=user.pk,
            quarter=quarter,
            municipality=municipality_id,
            file_name=f"briefing-{quarter}{where}.pdf",
        ),
        pdf,
    )
    url = reverse("reports-briefing-file", args=[token])
    jobs.finished(
        result_url=url,
        result_label="Download the briefing (PDF)",
        message="The briefing is ready: download it below.",
    )
    return url
