"""Organisation and account operations shared by pages, the API and commands."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from corridor.core import policy
from corridor.core.models import ApiToken, CorridorModel, Organisation


def update_versioned(
    user: Any, obj: CorridorModel, changes: dict[str, Any], expected_version: int
) -> CorridorModel:
    """Apply ``changes`` if ``user`` may and nobody saved since ``expected_version``.

    Raises PermissionDenied or EditConflict; writes nothing in either case.
    """
    policy.require_change(user, obj)
    with transaction.atomic():
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.full_clean()
        obj.save_versioned(expected_version)
    return obj


def delete_organisation(user: Any, org: Organisation) -> None:
    policy.require_delete(user, org)
    org.delete()


def restore_organisation(user: Any, org: Organisation) -> None:
    policy.require_delete(user, org)
    org.restore()


def issue_token(user: Any, name: str) -> tuple[ApiToken, str]:
    policy.require_create(user, ApiToken)
    return ApiToken.issue(user, name)


def revoke_token(user: Any, token: ApiToken) -> None:
    policy.require_change(user, token)
    token.revoke()
