"""What the skills map does when other capabilities record something."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from corridor.calls.signals import call_recorded
from corridor.workforce.calls_demand import demand_from_call


@receiver(call_recorded, dispatch_uid="workforce-demand-from-calls")
def demand_from_recorded_call(
    sender: Any, call: Any, answers: Any, user: Any, **kwargs: Any
) -> None:
    demand_from_call(user, call, answers)
