"""Forms of the pages that act on calls: follow-ups, flags, campaigns, leads, template versions."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from corridor.calls.models import Campaign, FlagCategory, Severity
from corridor.core.models import Organisation
from corridor.registry.models import Facility, Tier

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FollowUpCompleteForm(forms.Form):
    outcome = forms.CharField(
        label="Outcome",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
        help_text=(
            "What was done and what came of it. It stays with the visiting municipality, "
            "the coordinator and, for a referral, the partner."
        ),
    )


class FlagRaiseForm(forms.Form):
    facility = forms.ModelChoiceField(
        label="Facility", queryset=Facility.objects.none(), empty_label="Choose a facility"
    )
    organisation = forms.ModelChoiceField(
        label="Raised by (organisation)",
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text="The municipality that raises the flag and answers for it.",
    )
    severity = forms.ChoiceField(
        label="Severity",
        choices=Severity.choices,
        widget=forms.RadioSelect,
        help_text=(
            "Red: a risk to jobs here (relocation, closure, downsizing), answered within days; "
            "a follow-up is created at once. Yellow: an opportunity or a need."
        ),
    )
    category = forms.ChoiceField(label="Category", choices=FlagCategory.choices)
    detail = forms.CharField(
        label="What you learned",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=(
            "Confidential: only your municipality and the coordinator read this. Other "
            "municipalities see the category, the severity and the status."
        ),
    )

    def __init__(self, *args: Any, facilities: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["facility"]
        field.queryset = facilities
        field.label_from_instance = lambda f: (
            f"{f.name} ({f.municipality.name if f.municipality_id else f.city or 'place unknown'})"
        )
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class LeadAssignForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Lead municipality", queryset=Organisation.objects.none(), empty_label=None
    )
    reason = forms.CharField(
        label="Reason",
        max_length=300,
        required=False,
        help_text="Why this municipality leads, e.g. 'Head office relationship is in Windsor'.",
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


TARGET_CHOICES = (
    ("keep", "Keep the targets as they are"),
    ("add", "Add the facilities that match to the targets"),
    ("replace", "Make the facilities that match the only targets"),
)


class CampaignForm(forms.ModelForm):
    """A campaign's name, focus and dates, and filters that choose its target facilities."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    municipalities = forms.MultipleChoiceField(
        label="In these municipalities",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every municipality.",
    )
    naics = forms.RegexField(
        label="Industry (NAICS code or its first digits)",
        regex=r"^\d{2,6}$",
        required=False,
        max_length=6,
        help_text="e.g. 3363 for motor vehicle parts, 336390 for other parts.",
        error_messages={"invalid": "Enter 2 to 6 digits of a NAICS code, e.g. 3363."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "short"}),
    )
    tier = forms.ChoiceField(
        label="Tier",
        required=False,
        choices=[("", "Any tier")] + [(v, label) for v, label in Tier.choices if v],
    )
    employees_min = forms.IntegerField(
        label="At least this many employees",
        required=False,
        min_value=0,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"class": "short"}),
    )
    name_contains = forms.CharField(
        label="Facility or company name contains",
        required=False,
        max_length=200,
        help_text="To add one facility: type part of its name.",
    )
    targets_action = forms.ChoiceField(
        label="With the facilities that match",
        choices=TARGET_CHOICES,
        widget=forms.RadioSelect,
        initial="add",
    )
    remove = forms.MultipleChoiceField(
        label="Remove these targets", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Campaign
        fields = ["name", "focus", "starts_on", "ends_on"]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "focus": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"starts_on": "Starts on", "ends_on": "Ends on"}

    FILTERS = ("municipalities", "naics", "tier", "employees_min", "name_contains")

    def __init__(
        self, *args: Any, municipalities: Any, current_targets: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["municipalities"]
        field.choices = [(str(m.pk), m.name) for m in municipalities]
        remove: Any = self.fields["remove"]
        remove.choices = [(str(f.pk), f.name) for f in current_targets]
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
            self.fields["targets_action"].initial = "keep"

    def has_target_filters(self) -> bool:
        return any(self.cleaned_data.get(name) not in (None, "", []) for name in self.FILTERS)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        chosen = any(data.get(name) not in (None, "", []) for name in self.FILTERS)
        if data.get("targets_action") == "replace" and not chosen:
            self.add_error(
                "targets_action", "Choose at least one filter, or keep the targets as they are."
            )
        return data


class TemplatePublishForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    change_note = forms.CharField(
        label="What changed",
        max_length=300,
        required=False,
        help_text="One line officers read when they meet the new version, e.g. 'Adds EV questions'",
    )
    sections = forms.CharField(
        label="Sections and questions (JSON)",
        widget=forms.Textarea(attrs={"rows": 24, "class": "code", "spellcheck": "false"}),
        help_text=(
            'A list of sections: {"key", "title", "questions": [...]}; a question is '
            '{"key", "label", "type", "choices"?, "help"?}. Keep the keys of questions '
            "that keep their meaning, so answers and flag rules carry over."
        ),
    )

    def clean_sections(self) -> Any:
        text = self.cleaned_data["sections"]
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                f"This is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
            ) from None


# Shared by the work pages' views.

NAV = "calls"


def section(name: str) -> dict[str, Any]:
    """Context every work page carries: its entry in the main navigation, and which part of
    the calls section it is."""
    return {"nav_current": NAV, "calls_section": name}


def safe_next(request: Any, default: str) -> str:
    """Where to go back to after a form: ``next`` if it stays on this site, else ``default``."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return str(target)
    return default
