"""The tick filter draws a checkbox or radio button exactly as Django's templates do."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, Jinja2

from corridor.core.templatetags.ticks import tick

CHOICES = [("stamping", "Stamping"), ("die-casting", "Die casting & <moulds>"), ("3", "Three")]


class Search(forms.Form):
    capability = forms.MultipleChoiceField(
        choices=CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"aria-describedby": "capability-help"}),
    )
    severity = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)


@pytest.mark.parametrize("renderer", [DjangoTemplates, Jinja2])
@pytest.mark.parametrize("data", [{}, {"capability": ["die-casting", "3"], "severity": "3"}])
def test_each_option_is_the_same_html_as_its_tag(renderer: Any, data: dict[str, Any]) -> None:
    form = Search(data or None, renderer=renderer())
    options = list(form["capability"]) + list(form["severity"])
    assert len(options) == 6
    for option in options:
        assert tick(option) == option.tag()
    if data:
        assert "checked" in tick(form["capability"][1]) and "checked" not in tick(
            form["capability"][0]
        )
    assert "&lt;" not in "".join(tick(o) for o in options)  # labels are not part of the tag
