"""API shapes of organisations, people, geography and history, and ``CleanText``, the base
of every API input schema."""

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

# C0 control characters other than tab, line feed and carriage return. NUL cannot be stored
# (PostgreSQL refuses it in text); the others can, but break what is made from the text:
# XML (workbook exports), PDFs, terminals, and people's eyes.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def text_problem(value: Any, where: str = "") -> str | None:
    """Why ``value`` is not acceptable text (or None): a NUL or other C0 control character,
    or a lone surrogate, in a string or in any string inside lists, tuples, sets and dicts
    (keys too). ``where`` is the position inside the field, for the message."""
    if isinstance(value, str):
        bad = CONTROL_CHARACTERS.search(value)
        if bad is not None:
            return (
                f"Text may not contain a control character{where}: U+{ord(bad.group()):04X} "
                f"at character {bad.start() + 1} (tab, line feed and carriage return are allowed)."
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return (
                f"Text must be valid Unicode{where}: a lone surrogate "
                f"U+{ord(value[exc.start]):04X} at character {exc.start + 1}."
            )
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            problem = text_problem(key, f"{where} (in a key)") or text_problem(
                item, f"{where} (in {key!r})"
            )
            if problem:
                return problem
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            problem = text_problem(item, f"{where} (in item {index + 1})")
            if problem:
                return problem
    return None


class CleanText(Schema):
    """The base of every API input schema (the one input rule for text, docs/api.md): no text
    field, nor any text inside a list or dict field, may hold a NUL or another C0 control
    character (tab, line feed and carriage return are text) or a lone surrogate. Refused with
    422 ``invalid`` naming the field; ``tests/test_api_input_schemas.py`` checks every
    operation's input derives from it."""

    @field_validator("*", mode="after")
    @classmethod
    def _clean_text(cls, value: Any) -> Any:
        problem = text_problem(value)
        if problem is not None:
            raise PydanticCustomError("control_character", problem)
        return value


class MunicipalityOut(Schema):
    id: int
    name: str
    census_division: str
    economic_region: str
    latitude: Decimal
    longitude: Decimal
    population: int | None
    aliases: list[str] = Field(..., alias="alias_list")
    source: str


class OrganisationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    municipality_id: int | None
    website: str
    description: str
    version: int
    deleted: bool = Field(..., alias="is_deleted")
    updated_at: dt.datetime


class OrganisationPatch(CleanText):
    """Send the version you read; a stale version is refused with 409 edit_conflict."""

    version: int = Field(..., ge=1, description="The version the change was based on")
    name: str | None = Field(None, min_length=1, max_length=200)
    short_name: str | None = Field(None, max_length=60)
    website: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=5000)


class MembershipOut(Schema):
    id: int
    user_id: int
    username: str = Field(..., alias="user.username")
    full_name: str = Field(..., alias="user.get_full_name")
    organisation_id: int
    organisation: str = Field(..., alias="organisation.name")
    role: str


class MyMembership(Schema):
    organisation_id: int
    organisation: str
    organisation_kind: str
    role: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    is_coordinator: bool
    memberships: list[MyMembership]


class ChangeOut(Schema):
    id: int
    time: dt.datetime
    user_name: str
    request_id: str
    source: str
    model: str = Field(..., alias="content_type.model")
    app: str = Field(..., alias="content_type.app_label")
    object_id: int
    object_repr: str
    action: str
    changed_fields: list[str]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
