"""Organisation and account operations shared by pages, the API and commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from corridor.core import policy
from corridor.core.models import ApiToken, CorridorModel, Organisation


def update_versioned(
    user: Any,
    obj: CorridorModel,
    changes: dict[str, Any],
    expected_version: int,
    *,
    allowed: Iterable[str] | None = None,
    check: Callable[[Any], None] | None = None,
) -> CorridorModel:
    """Apply ``changes`` if ``user`` may and nobody saved since ``expected_version``.

    ``allowed``: the fields a caller may change (others are a programming error,
    ValueError); ``check``: the service's own validation of the changed object (raises
    ValidationError), run before the model's. Raises PermissionDenied or EditConflict;
    writes nothing in any of these cases.
    """
    if allowed is not None:
        unknown = set(changes) - set(allowed)
        if unknown:
            raise ValueError(f"not {obj._meta.verbose_name} fields: {sorted(unknown)}")
    policy.require_change(user, obj)
    with transaction.atomic():
        for name, value in changes.items():
            setattr(obj, name, value)
        if check is not None:
            check(obj)
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
