"""The API's OpenAPI document, built once per test process.

Building it walks every operation and schema of the API (about a second), and several
test modules read it: the schemathesis run, the schema-name checks and the access
matrix's completeness test. They share this one build. It is the document exactly as
``/api/v1/openapi.json`` serves it (the same renderer, read back from JSON); treat it as
read-only, since every caller in the process gets the same object.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ninja.responses import Response

from corridor.api.api import api


@functools.cache
def openapi_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(Response(api.get_openapi_schema()).content)
    return document
