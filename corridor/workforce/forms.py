"""Forms of the skills-map pages."""

from __future__ import annotations

from typing import Any

from django import forms

from corridor.core.forms import VersionedForm
from corridor.workforce.models import TEER_LABELS, TrainingProgram

TEER_CHOICES = [("", "Any TEER")] + [(str(k), f"TEER {k}: {v}") for k, v in TEER_LABELS.items()]


class GapFilterForm(forms.Form):
    region: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All regions"
    )
    teer = forms.TypedChoiceField(
        label="TEER", choices=TEER_CHOICES, required=False, coerce=int, empty_value=None
    )
    q = forms.CharField(label="Occupation or NOC code", required=False, max_length=100)
    on = forms.DateField(
        label="As of",
        required=False,
        help_text="The twelve months up to this day (YYYY-MM-DD); today if empty",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, regions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]


class ProgramForm(VersionedForm):
    class Meta(VersionedForm.Meta):
        model = TrainingProgram
        fields = [
            "name",
            "code",
            "credential",
            "length_months",
            "delivery_mode",
            "seats",
            "graduates_per_year",
            "campuses",
            "occupations",
            "source",
        ]
        widgets = {
            "campuses": forms.CheckboxSelectMultiple,
            "occupations": forms.CheckboxSelectMultiple,
        }

    def __init__(
        self, *args: Any, campuses: Any, occupations: Any, institutions: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campuses"].queryset = campuses  # type: ignore[attr-defined]
        self.fields["occupations"].queryset = occupations  # type: ignore[attr-defined]
        self.fields["occupations"].label_from_instance = (  # type: ignore[attr-defined]
            lambda o: f"{o.noc_code} {o.title}"
        )
        self.fields["campuses"].label_from_instance = (  # type: ignore[attr-defined]
            lambda c: f"{c.institution.name}: {c.name} ({c.municipality.name})"
        )
        if institutions is not None:
            self.fields["institution"] = forms.ModelChoiceField(queryset=institutions)
            self.order_fields(["institution", *self.Meta.fields])
        if not self.instance.pk:
            self.fields["loaded_version"].required = False
