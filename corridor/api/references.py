"""Objects an API request names by id in its body (``facility_id``, ``owner_id``, ...)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from corridor.core import policy


def referenced(request: HttpRequest, model: type[Any], pk: int | None, field: str) -> Any:
    """The object ``pk`` of ``model`` if the caller may see it (None for no id); otherwise
    a 422 naming ``field``, so an id the caller may not see reads as one that is not there."""
    if pk is None:
        return None
    found = policy.visible(request.user, model).filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: f"No such {model._meta.verbose_name} (or not yours to see)."})
    return found
