"""Access rules for background work.

* A person sees the jobs they started; the coordinator sees every job, including the
  ones the system started on a schedule (no one's name on them).
* No one creates or edits a job through a page: jobs are written by the code that puts
  work on the queue (``corridor.jobs.services.start``) and by the worker.
* The traceback of a failed job (program detail) is shown to the coordinator only; the
  error's one-line message is shown to whoever may see the job.
"""

from __future__ import annotations

from typing import Any

from corridor.core.policy import Actor, Rule, register
from corridor.core.scoping import ScopedQuerySet
from corridor.jobs.models import Job


@register(Job)
class JobRule(Rule):
    def can_view(self, actor: Actor) -> bool:
        return actor.is_authenticated

    def visible(self, actor: Actor, qs: ScopedQuerySet[Any]) -> ScopedQuerySet[Any]:
        if actor.is_coordinator:
            return qs
        if actor.is_authenticated:
            return qs.filter(started_by_id=actor.user_id)
        return qs.none()


def sees_traceback(actor: Actor) -> bool:
    return actor.is_coordinator
