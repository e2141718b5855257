"""Form widgets are drawn by Jinja2; the admin's own widget templates by Django's engine."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer

from corridor.core.form_renderer import CorridorFormRenderer


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", html.replace("&#x27;", "&#39;")).replace("> <", "><").strip()


class Visit(forms.Form):
    municipality = forms.ChoiceField(choices=[("1", "Windsor"), ("2", "St. Catharines's")])
    note = forms.CharField(required=False, widget=forms.Textarea, help_text="Who & why")


def test_corridor_draws_widgets_with_jinja2_and_the_same_html() -> None:
    renderer = get_default_renderer()
    assert isinstance(renderer, CorridorFormRenderer)
    template = renderer.get_template("django/forms/widgets/select.html")
    assert type(template).__module__ == "django.template.backends.jinja2"
    fast = Visit({"municipality": "2"}, renderer=renderer).as_div()
    usual = Visit({"municipality": "2"}, renderer=DjangoTemplates()).as_div()
    assert _normal(fast) == _normal(usual)
    assert 'value="2" selected' in fast


def test_the_admins_widget_templates_fall_back_to_django_templates() -> None:
    template = CorridorFormRenderer().get_template("admin/widgets/related_widget_wrapper.html")
    assert type(template).__module__ == "django.template.backends.django"
