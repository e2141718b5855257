"""How Corridor draws form widgets: Django's widget templates in their Jinja2 form.

Jinja2 draws the same HTML as the Django template engine at about a quarter of
its CPU, which is most of a page with many checkboxes or a long select. The
Django admin's own widget templates (``admin/widgets/…``) exist only for the
Django engine, so any template Jinja2 does not have is drawn by Django's.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class CorridorFormRenderer(BaseRenderer):
    def __init__(self) -> None:
        self.fast = Jinja2()
        self.usual = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return self.fast.get_template(template_name)
        except TemplateDoesNotExist:
            return self.usual.get_template(template_name)
