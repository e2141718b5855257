"""The coordinator's review of an imported recipient's uncertain link to a registry facility.

The import (``corridor import-projects``) links a recipient it is sure of and proposes a
``candidate`` facility when it is not (``LinkStatus.REVIEW``). The coordinator confirms the
candidate (the recipient is then that facility, and its company) or rejects it (the
recipient is linked to no facility). The project's page calls this; so would the API.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from corridor.core import policy
from corridor.programs.models import LinkStatus, ProjectRecipient

NOT_WAITING = "This recipient's link is not waiting for review."


def decide_link(user: Any, recipient: ProjectRecipient, *, confirm: bool) -> ProjectRecipient:
    """Confirm (``confirm``) or reject the facility proposed for ``recipient``.

    Raises PermissionDenied unless ``user`` may change the recipient, and ValidationError
    when its link is not waiting for review; writes nothing in either case."""
    policy.require_change(user, recipient)
    if recipient.link_status != LinkStatus.REVIEW or recipient.candidate is None:
        raise ValidationError(NOT_WAITING)
    if confirm:
        recipient.facility = recipient.candidate
        recipient.company_id = recipient.candidate.company_id
        recipient.link_status = LinkStatus.LINKED
    else:
        recipient.candidate = None
        recipient.link_status = LinkStatus.UNLINKED
    recipient.save()
    return recipient
