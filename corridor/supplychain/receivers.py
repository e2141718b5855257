"""What the supply chain does when other capabilities record something."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from corridor.calls.signals import call_recorded
from corridor.supplychain.needs import needs_from_call


@receiver(call_recorded, dispatch_uid="supplychain-needs-from-calls")
def needs_from_recorded_call(
    sender: Any, call: Any, answers: Any, user: Any, **kwargs: Any
) -> None:
    needs_from_call(user, call, answers)
