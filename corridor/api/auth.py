"""API authentication by bearer token (the browser's session is ninja's django_auth)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from corridor.core.models import ApiToken
from corridor.core.models.tokens import digest
from corridor.core.scoping import system_scope

# last_used_at is written at most this often per token, to keep reads read-only.
TOUCH_SECONDS = 300


class BearerToken(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        with system_scope("API token lookup"):
            record = (
                ApiToken.objects.select_related("user")
                .filter(token_digest=digest(token), revoked_at__isnull=True)
                .first()
            )
        if record is None or not record.user.is_active:
            return None
        from django.conf import settings

        if record.user.is_demo and not settings.DEMO_MODE:
            return None
        now = timezone.now()
        if (
            record.last_used_at is None
            or (now - record.last_used_at).total_seconds() > TOUCH_SECONDS
        ):
            ApiToken.objects.filter(pk=record.pk).scoped("token owner").update(last_used_at=now)
        request.user = record.user
        return record.user
