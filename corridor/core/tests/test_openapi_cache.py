"""The OpenAPI document is built once per process and served the same each time."""

from __future__ import annotations

import json
from typing import Any

from corridor.api.api import api


def test_the_document_is_built_once_and_served_as_built(world: Any, as_user: Any) -> None:
    first = api.get_openapi_schema(path_prefix="/api/v1/")
    assert api.get_openapi_schema(path_prefix="/api/v1/") is first
    served = as_user("alice").get("/api/v1/openapi.json")
    assert served.status_code == 200
    assert (
        json.loads(served.content)["paths"].keys() == json.loads(json.dumps(first))["paths"].keys()
    )
