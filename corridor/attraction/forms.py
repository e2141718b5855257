"""The prospect form and the short form that moves a prospect to another stage."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from corridor.attraction.models import OutcomeReason, Prospect, Stage
from corridor.core.forms import VersionedForm


class DateInput(forms.DateInput):
    input_type = "date"


class ProspectForm(VersionedForm):
    class Meta(VersionedForm.Meta):
        model = Prospect
        fields = [
            "name",
            "kind",
            "capability",
            "source",
            "source_note",
            "company",
            "facility",
            "estimated_investment",
            "estimated_jobs",
            "municipality",
            "owner",
            "shared",
            "summary",
            "competing_jurisdictions",
            "next_step",
            "next_step_due",
        ]
        widgets = {
            "next_step_due": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "name": "Company or project",
            "estimated_investment": "Estimated investment (CAD)",
            "municipality": "Where it would land",
            "owner": "Lead officer",
            "competing_jurisdictions": "Competing jurisdictions",
        }
        help_texts = {
            "summary": "What the company told you. Only your organisation and the "
            "coordinator read it, even when the prospect is shared.",
            "competing_jurisdictions": "Where else it is looking, separated by ';' "
            "(confidential, as the summary).",
            "next_step": "What happens next (confidential, as the summary).",
        }

    def __init__(
        self,
        *args: Any,
        capabilities: Any = None,
        companies: Any = None,
        facilities: Any = None,
        municipalities: Any = None,
        owners: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].required = bool(self.instance.pk)
        for name, qs in (
            ("capability", capabilities),
            ("company", companies),
            ("facility", facilities),
            ("municipality", municipalities),
            ("owner", owners),
        ):
            field: Any = self.fields[name]
            field.queryset = qs if qs is not None else field.queryset.none()
        self.fields["owner"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: u.get_full_name() or u.get_username()
        )
        self.fields["company"].help_text = "When it is in the registry (an expansion: always)"


class StageForm(forms.Form):
    """Move a prospect: a radio per stage, so a keyboard is enough."""

    to_stage = forms.ChoiceField(label="Move to", widget=forms.RadioSelect)
    on = forms.DateField(label="On", widget=DateInput())
    note = forms.CharField(
        label="Note",
        max_length=300,
        required=False,
        help_text="What happened (confidential: your organisation and the coordinator).",
    )
    outcome_reason = forms.ChoiceField(
        label="Why it was won or lost",
        choices=[("", "—"), *OutcomeReason.choices],
        required=False,
        help_text="Required when lost.",
    )
    won_investment = forms.IntegerField(
        label="Investment won (CAD)", min_value=0, required=False, help_text="When won"
    )
    won_jobs = forms.IntegerField(
        label="Jobs won", min_value=0, required=False, help_text="When won: jobs or investment"
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, prospect: Prospect, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [  # type: ignore[attr-defined]
            (v, label) for v, label in Stage.choices if v != prospect.stage
        ]
        self.fields["on"].initial = timezone.localdate()
        self.fields["loaded_version"].initial = prospect.version
