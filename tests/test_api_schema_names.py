"""No two of the API's schemas share a name.

The OpenAPI document files each schema under its class name, so two classes of one name
(a call's follow-up and an engagement's, say) leave one of them documented with the
other's fields, and a client written from the document sends the wrong body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ninja import Schema

from tests.openapi_document import openapi_document


def _schemas(base: type[Schema]) -> Iterator[type[Schema]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _schemas(sub)


def test_no_two_api_schemas_share_a_name() -> None:
    openapi_document()  # every router and its schemas loaded
    ours = {c for c in _schemas(Schema) if c.__module__.startswith("corridor.")}
    named = Counter(c.__name__ for c in ours)
    twice = {
        name: sorted(c.__module__ for c in ours if c.__name__ == name)
        for name, count in named.items()
        if count > 1
    }
    assert twice == {}


def test_each_documented_body_has_the_fields_of_its_own_schema() -> None:
    from corridor.calls.schemas import FollowUpIn

    components = openapi_document()["components"]["schemas"]
    assert set(components["FollowUpIn"]["properties"]) == set(FollowUpIn.model_fields)
