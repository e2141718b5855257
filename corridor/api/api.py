"""The REST API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Each capability contributes a router from its own ``api.py``; every endpoint
reads through the access policy, as the pages do.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.security import django_auth

from corridor.api import errors
from corridor.api.auth import BearerToken
from corridor.attraction.api_pipeline import router as attraction_pipeline_router
from corridor.attraction.api_pitch import router as attraction_pitch_router
from corridor.attraction.api_risk import router as attraction_risk_router
from corridor.calls.api import router as calls_router
from corridor.contacts.api import router as contacts_router
from corridor.core.api import router as core_router
from corridor.intel.api import router as intel_router
from corridor.intel.api_compare import router as intel_compare_router
from corridor.intel.api_watch import router as intel_watch_router
from corridor.notifications.api import router as notifications_router
from corridor.outreach.api import router as outreach_router
from corridor.outreach.api_answers import router as outreach_answers_router
from corridor.programs.api import router as programs_router
from corridor.registry.api import router as registry_router
from corridor.supplychain.api import router as supplychain_router
from corridor.supplychain.api_needs import router as supplychain_needs_router
from corridor.workforce.api import router as workforce_router


class CorridorAPI(NinjaAPI):
    """The API, whose OpenAPI document is built once per process and path: the routes do
    not change while Corridor runs, and building it takes about half a second."""

    _documents: dict[str, Any]

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> Any:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if not hasattr(self, "_documents"):
            self._documents = {}
        if path_prefix not in self._documents:
            self._documents[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return self._documents[path_prefix]


api = CorridorAPI(
    title="Corridor API",
    version="1",
    description=(
        "The shared workspace of Ontario's auto corridor. Authenticate with "
        "`Authorization: Bearer <token>` (create one on your account page or with "
        "`corridor issue-token USERNAME`). Errors always have the shape "
        '`{"error": {"code", "message", "field"}}`; lists are paginated with '
        "`page` and `page_size`."
    ),
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
)
errors.install(api)
api.add_router("", core_router)
api.add_router("", registry_router)
api.add_router("", calls_router)
api.add_router("", supplychain_router)
api.add_router("", supplychain_needs_router)
api.add_router("", workforce_router)
api.add_router("", programs_router)
api.add_router("", outreach_router)
api.add_router("", intel_router)
api.add_router("", contacts_router)
api.add_router("", notifications_router)
api.add_router("", attraction_pipeline_router)
api.add_router("", attraction_pitch_router)
api.add_router("", attraction_risk_router)
api.add_router("", outreach_answers_router)
api.add_router("", intel_compare_router)
api.add_router("", intel_watch_router)
