"""Schemathesis generates requests from the OpenAPI document; none may cause a server error.

Each operation is exercised by a signed-in coordinator (who may do most) and an
editor (who is refused some), through the real WSGI application and database.
Ten generated requests per operation (each sent twice, once per person) cover
its parameters' edge cases (empty, long, odd text, out-of-range numbers); more
examples mostly repeat them and cost CI time on every new endpoint.
"""

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from corridor.core.models import ApiToken
from corridor.wsgi import application
from tests.openapi_document import openapi_document

# The document /api/v1/openapi.json serves, built once per process (tests/openapi_document.py);
# the generated requests go to the WSGI application, as from_wsgi would send them. A copy:
# schemathesis may resolve references in place, and the other readers share the document.
schema = schemathesis.openapi.from_dict(copy.deepcopy(openapi_document()))
schema.app = application
schema.location = "/api/v1/openapi.json"


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Requests go straight to the WSGI app here, not through Django's test client,
    so stop Django closing the test's database connection after each request
    (the test client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(world: Any) -> dict[str, str]:
    return {name: ApiToken.issue(getattr(world, name))[1] for name in ("carol", "alice")}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_no_request_causes_a_server_error(case: Any, tokens: dict[str, str]) -> None:
    for token in tokens.values():
        case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"},
            excluded_checks=[
                # 404/409/422 bodies are documented per operation; ids generated at
                # random rarely exist, and that is not a fault.
                status_code_conformance,
                negative_data_rejection,
                # Text with NUL characters is refused with 400 everywhere, on purpose
                # (no database column can hold it); the schema cannot say so per field.
                positive_data_acceptance,
            ],
            additional_checks=[response_schema_conformance],
        )
