"""What the retention early warning plugs into: the periodic assessment in the worker.

Every day at 06:00 (local time, before the 07:00 digest that carries its notices) the
worker assesses every facility (``assessment.assess_all``) and tells people of the
facilities that entered the list or rose (``notices_risk.tell``). The coordinator may
queue the same task from the risk list's page (``queue_reassessment``);
``corridor assess-risk`` runs it in the terminal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

NAME = "attraction.risk-assessment"
AT = dt.time(6, 0)


def assess_and_tell(now: dt.datetime | None = None) -> Any:
    """Assess every facility, then notify; returns the ``AssessmentRun``."""
    from corridor.attraction import assessment, notices_risk

    run = assessment.assess_all(now)
    notices_risk.tell(run)
    return run


@task()
def assess_risk_task() -> str:
    from django.urls import reverse

    from corridor.jobs import services as jobs

    run = assess_and_tell()
    jobs.finished(
        result_url=reverse("attraction-risk-list"),
        result_label="See the risk list",
        message=f"Assessed: {run}.",
    )
    return str(run)


def queue_reassessment(user: Any) -> Any:
    """Put an assessment on the worker's queue for ``user`` (the coordinator); its Job."""
    from django.core.exceptions import PermissionDenied

    from corridor.core import policy
    from corridor.jobs import services as jobs

    if not policy.actor_for(user).is_coordinator:
        raise PermissionDenied("The coordinator reassesses the risk list.")
    return jobs.start(assess_risk_task, user=user, label="Reassess the jobs at risk")


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
    from corridor.jobs import periodic

    periodic.register(NAME, assess_risk_task, at=AT)
