"""Forms of the outreach pages: engagements, participants, follow-ups, the visit planner,
and endorsements (the records kept whole: ``forms_records``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from corridor.core.models import Organisation
from corridor.outreach.models import (
    EngagementKind,
    EngagementStatus,
    ParticipantRole,
)

NOTHING: Any = Organisation.objects.none()  # each form sets its own queryset
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _described(form: forms.BaseForm) -> None:
    """Point each input at its help text (screen readers read it with the field)."""
    for name, field in form.fields.items():
        if field.help_text:
            field.widget.attrs.setdefault("aria-describedby", f"id_{name}-help")


class EngagementForm(forms.Form):
    kind = forms.ChoiceField(label="What kind", choices=EngagementKind.choices)
    title = forms.CharField(max_length=200)
    starts_on = forms.DateField(label="Date", widget=DATE)
    ends_on = forms.DateField(label="Until", required=False, widget=DATE,
                              help_text="For an event of more than a day")  # fmt: skip
    location = forms.CharField(max_length=200, required=False)
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Run by", queryset=NOTHING
    )
    status = forms.ChoiceField(choices=EngagementStatus.choices, initial=EngagementStatus.PLANNED)
    agenda = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                             help_text="One item a line")  # fmt: skip
    messages: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Messages to deliver", queryset=NOTHING, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    press_coverage = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                     help_text="One article or clip a line")  # fmt: skip
    outcomes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    shared = forms.BooleanField(label="Partner organisations may read it", required=False,
                                initial=True)  # fmt: skip
    # the version the engagement had when the form was opened: a stale form conflicts
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, organisations: Any, messages: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["messages"].queryset = messages  # type: ignore[attr-defined]
        _described(self)


class ParticipantForm(forms.Form):
    role = forms.ChoiceField(choices=ParticipantRole.choices)
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=NOTHING, required=False
    )
    contact: forms.ModelChoiceField[Any] = forms.ModelChoiceField(queryset=NOTHING, required=False)
    name = forms.CharField(max_length=200, required=False, help_text="When not a contact")

    def __init__(self, *args: Any, organisations: Any, contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["contact"].queryset = contacts  # type: ignore[attr-defined]
        _described(self)


class FollowUpForm(forms.Form):
    description = forms.CharField(
        label="What was promised", widget=forms.Textarea(attrs={"rows": 2})
    )
    owner_organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Who owns it", queryset=NOTHING
    )
    due_on = forms.DateField(label="Due", widget=DATE)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = organisations  # type: ignore[attr-defined]


class CompleteForm(forms.Form):
    outcome = forms.CharField(max_length=2000, required=False)


class VisitPlanForm(forms.Form):
    head_office: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Head office", queryset=NOTHING
    )
    starts_on = forms.DateField(label="Date of the visit", widget=DATE)
    municipalities: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Mayors going (their municipalities)", queryset=NOTHING,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    messages: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Messages to deliver", queryset=NOTHING, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(
        self, *args: Any, head_offices: Any, municipalities: Any, messages: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["head_office"].queryset = head_offices  # type: ignore[attr-defined]
        self.fields["municipalities"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["messages"].queryset = messages  # type: ignore[attr-defined]


class EndorsementForm(forms.Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Municipality", queryset=NOTHING
    )
    council_resolution = forms.CharField(
        max_length=200, help_text="The resolution's number or title, e.g. CR 123/2026"
    )
    resolved_on = forms.DateField(label="Date of the resolution", widget=DATE)
    notes = forms.CharField(max_length=2000, required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["resolved_on"].initial = timezone.localdate()
        _described(self)
