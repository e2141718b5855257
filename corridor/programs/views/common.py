"""What the program pages share: their navigation entry and sub-page, form error handling."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

NAV = "programs"


def section(name: str) -> dict[str, Any]:
    return {"nav_current": NAV, "programs_section": name}


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """A model's validation error onto the form (its field when the form has it)."""
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)
