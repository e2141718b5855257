"""What a service refused, shown on the form that asked for it.

Services raise ``ValidationError`` (naming a field or not) and ``EditConflict``
(someone saved the record since the form was loaded); every edit page shows them
the same way, so an officer reads the same advice everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.core.exceptions import ValidationError

from corridor.core.models import EditConflict

RELOAD_ADVICE = "Reload the page to see their change."


def show_refusal(form: forms.BaseForm, error: ValidationError) -> None:
    """Each message on the field it names, the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def show_conflict(form: forms.BaseForm, conflict: EditConflict) -> None:
    """Who saved first, and how to see what they changed."""
    form.add_error(None, f"{conflict} {RELOAD_ADVICE}")


@contextmanager
def refusals_shown_on(form: forms.BaseForm) -> Iterator[None]:
    """Run a valid form's save: a conflict or refusal it raises is shown on the form
    instead, so afterwards ``form.errors`` says whether it was saved."""
    try:
        yield
    except EditConflict as conflict:
        show_conflict(form, conflict)
    except ValidationError as error:
        show_refusal(form, error)
