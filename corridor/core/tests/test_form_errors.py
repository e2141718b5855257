"""A service's refusal lands on the field it names; a conflict says how to see the change."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.core.form_errors import (
    RELOAD_ADVICE,
    refusals_shown_on,
    show_conflict,
    show_refusal,
)
from corridor.core.models import EditConflict, Municipality


class _Form(forms.Form):
    name = forms.CharField()


def _bound() -> _Form:
    form = _Form({"name": "Windsor"})
    assert form.is_valid()
    return form


def test_a_refusal_naming_a_field_of_the_form_is_shown_on_that_field() -> None:
    form = _bound()
    show_refusal(form, ValidationError({"name": "Taken.", "elsewhere": "Not on this form."}))
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Not on this form."]


def test_a_refusal_naming_no_field_is_shown_at_the_top() -> None:
    form = _bound()
    show_refusal(form, ValidationError(["First.", "Second."]))
    assert form.non_field_errors() == ["First.", "Second."]
    assert "name" not in form.errors


def test_a_conflict_says_who_changed_what_and_to_reload() -> None:
    form = _bound()
    show_conflict(form, EditConflict(Municipality(name="Windsor"), 2, 3))
    (error,) = form.non_field_errors()
    message = str(error)
    assert message.startswith("Windsor was changed by someone else")
    assert "version 2" in message and "version 3" in message
    assert message.endswith(RELOAD_ADVICE)


def test_a_save_that_goes_through_leaves_the_form_without_errors() -> None:
    form = _bound()
    with refusals_shown_on(form):
        saved = "saved"
    assert saved == "saved" and not form.errors


def test_a_save_refused_or_in_conflict_leaves_its_reason_on_the_form() -> None:
    refused, conflicted = _bound(), _bound()
    with refusals_shown_on(refused):
        raise ValidationError({"name": "Taken."})
    with refusals_shown_on(conflicted):
        raise EditConflict(Municipality(name="Windsor"), 1, 2)
    assert refused.errors == {"name": ["Taken."]}
    assert str(conflicted.non_field_errors()[0]).endswith(RELOAD_ADVICE)


def test_what_is_not_a_refusal_is_not_hidden_on_the_form() -> None:
    form = _bound()
    with pytest.raises(PermissionDenied), refusals_shown_on(form):
        raise PermissionDenied("Not yours.")
    assert not form.errors
