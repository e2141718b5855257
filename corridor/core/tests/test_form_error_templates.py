"""Forms' own errors are announced the same way wherever a form is drawn."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

ANNOUNCED = '<ul class="errorlist" role="alert"><li>The call was changed meanwhile.</li></ul>'


class _Form(forms.Form):
    note = forms.CharField()


def _refused() -> _Form:
    form = _Form({"note": "seen"})
    assert form.is_valid()
    form.add_error(None, "The call was changed meanwhile.")
    return form


def test_the_call_forms_announce_their_own_errors() -> None:
    drawn = render_to_string("calls/call_form_errors.html", {"form": _refused()})
    assert ANNOUNCED in drawn
    assert "Please correct the fields marked below." not in drawn


def test_the_call_forms_point_to_their_fields_when_only_fields_are_wrong() -> None:
    form = _Form({"note": ""})
    assert not form.is_valid()
    drawn = render_to_string("calls/call_form_errors.html", {"form": form})
    assert '<p class="errorlist" role="alert">Please correct the fields marked below.</p>' in drawn
    assert "<ul" not in drawn


def test_the_password_page_announces_its_forms_own_errors() -> None:
    request = RequestFactory().get("/account/password/")
    drawn = render_to_string(
        "registration/password_change_form.html", {"form": _refused()}, request=request
    )
    assert ANNOUNCED in drawn
