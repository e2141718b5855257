"""Every API operation's input follows the one text rule (docs/api.md, "Text"): each schema a
request body is read into derives from ``corridor.core.schemas.CleanText``, and each of its
text fields (a string, a string in a list or a dict, optional or not, in a nested schema)
refuses a NUL, another C0 control character and a lone surrogate.

The operations are walked from the API object itself, so a new endpoint whose input schema
forgets the rule fails here. Query strings are not schemas of this kind: a NUL in one is
answered 400 by ``RejectNullCharactersMiddleware`` before any endpoint runs.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel, ValidationError

from corridor.api.api import api
from corridor.core.schemas import CleanText

BODY_SOURCES = {"body", "form"}
BAD_TEXT = ["Acme\x00", "Acme\x1b", "\x01", "Acme \ud800"]


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The pydantic models an annotation holds (itself, or inside Optional, list, dict...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in get_args(annotation):
        yield from _models_in(arg)


def _input_models() -> dict[str, type[BaseModel]]:
    """Every schema a request body is read into, nested ones included, by qualified name."""
    found: dict[str, type[BaseModel]] = {}

    def add(model: type[BaseModel]) -> None:
        name = f"{model.__module__}.{model.__qualname__}"
        if name in found:
            return
        found[name] = model
        for field in model.model_fields.values():
            for nested in _models_in(field.annotation):
                add(nested)

    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for param_model in operation.models:
                    if getattr(param_model, "__ninja_param_source__", None) not in BODY_SOURCES:
                        continue
                    for field in param_model.model_fields.values():
                        for model in _models_in(field.annotation):
                            add(model)
    return found


def _with_text(annotation: Any, text: str) -> tuple[bool, Any]:
    """(whether the annotation takes free text somewhere, a value with ``text`` there)."""
    origin = get_origin(annotation)
    if annotation is str or annotation is Any:
        return True, text
    if origin is Annotated:
        return _with_text(get_args(annotation)[0], text)
    if origin is Literal or (isinstance(annotation, type) and issubclass(annotation, enum.Enum)):
        return False, None  # a closed set of values: never free text
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            takes, value = _with_text(arg, text)
            if takes:
                return True, value
        return False, None
    if origin in (list, set, frozenset, tuple, typing.Sequence):
        args = [a for a in get_args(annotation) if a is not Ellipsis] or [Any]
        takes, value = _with_text(args[0], text)
        return takes, [value] if takes else None
    if origin is dict:
        key_type, value_type = get_args(annotation) or (Any, Any)
        takes, value = _with_text(value_type, text)
        if takes:
            return True, {"key": value}
        takes, key = _with_text(key_type, text)
        return (True, {key: None}) if takes else (False, None)
    return False, None


MODELS = _input_models()
TEXT_FIELDS = [
    (name, field_name)
    for name, model in sorted(MODELS.items())
    for field_name, field in model.model_fields.items()
    if _with_text(field.annotation, "x")[0]
]


def test_the_walk_finds_the_input_schemas() -> None:
    """A guard on the walk itself: it must see the schemas named in docs/api.md."""
    names = {name.rsplit(".", 1)[-1] for name in MODELS}
    assert {"OrganisationPatch", "CallPlanIn", "AnswersIn", "NeedIn", "DocumentIn"} <= names
    assert len(TEXT_FIELDS) > 50


def test_every_input_schema_derives_from_clean_text() -> None:
    missing = sorted(name for name, model in MODELS.items() if not issubclass(model, CleanText))
    assert missing == [], (
        "These API input schemas do not derive from corridor.core.schemas.CleanText, "
        f"so their text may hold NUL and control characters: {missing}"
    )


@pytest.mark.parametrize(("model_name", "field_name"), TEXT_FIELDS)
def test_every_text_field_refuses_nul_and_control_characters(
    model_name: str, field_name: str
) -> None:
    model = MODELS[model_name]
    annotation = model.model_fields[field_name].annotation
    for bad in BAD_TEXT:
        _, value = _with_text(annotation, bad)
        with pytest.raises(ValidationError) as refused:
            model.__pydantic_validator__.validate_assignment(
                model.model_construct(), field_name, value
            )
        assert refused.value.errors()[0]["loc"][0] == field_name, (model_name, field_name, bad)
