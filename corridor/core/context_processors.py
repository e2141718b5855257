from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from corridor.core import policy
from corridor.core.navigation import CAPABILITIES


def corridor(request: HttpRequest) -> dict[str, Any]:
    actor = policy.actor_for(getattr(request, "user", None))
    return {
        "capabilities": CAPABILITIES,
        "actor": actor,
        "can_use_admin": actor.is_coordinator,
        "demo_mode": settings.DEMO_MODE,
        "tile_url": settings.CORRIDOR_TILE_URL,
        "tile_attribution": settings.CORRIDOR_TILE_ATTRIBUTION,
    }
