"""Forms of the program pages: the project a company plans, referrals, a program's campaign,
and the coordinator's corrections to a program."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from corridor.calls.models import FollowUp
from corridor.core.forms import VersionedForm
from corridor.core.models import Organisation
from corridor.programs.editing import EDITABLE
from corridor.programs.eligibility import PROJECT_TYPES, ProjectPlan
from corridor.programs.models import FundedProject, FundingProgram, ReferralStatus
from corridor.programs.referrals import FOLLOW_UP_NOT_CITABLE
from corridor.supplychain.forms import DATE


class PlanForm(forms.Form):
    """What the company has in mind: the facility page's programs panel re-checks with it."""

    project_type = forms.ChoiceField(
        label="Type of project",
        required=False,
        choices=[("", "Not known yet"), *PROJECT_TYPES.items()],
    )
    partners = forms.IntegerField(
        label="Partners in the project",
        required=False,
        min_value=1,
        max_value=100,
        help_text="Organisations taking part, the company included",
    )
    includes_sme = forms.ChoiceField(
        label="Is a partner a small or medium-sized firm?",
        required=False,
        choices=[("", "Not known"), ("yes", "Yes"), ("no", "No")],
    )
    contribution = forms.IntegerField(
        label="Contribution asked ($)", required=False, min_value=0, max_value=10**12
    )
    total_cost = forms.IntegerField(
        label="Total project cost ($)", required=False, min_value=0, max_value=10**12
    )

    def plan(self) -> ProjectPlan | None:
        """The plan, or None when nothing was said (then project rules are conditions)."""
        if not self.is_bound or not self.is_valid():
            return None
        data = self.cleaned_data
        sme = {"yes": True, "no": False}.get(data.get("includes_sme") or "")
        plan = ProjectPlan(
            project_type=data.get("project_type") or None,
            partners=data.get("partners"),
            includes_sme=sme,
            contribution=data.get("contribution"),
            total_cost=data.get("total_cost"),
        )
        return None if plan == ProjectPlan() else plan


class ReferralForm(forms.Form):
    program: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=FundingProgram.objects.none(),
        label="Program",
        help_text=(
            "A program a partner delivers needs the company's consent to be referred to that "
            "kind of partner, recorded on one of your municipality's calls on this company"
        ),
    )
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Referred by",
        help_text="Your municipality (the referral stays with it, the coordinator and the partner)",
    )
    referred_on = forms.DateField(label="Referred on", widget=DATE)
    follow_up: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=FollowUp.objects.none(),
        required=False,
        label="From the follow-up",
        empty_label="No follow-up (referred outside a call)",
        # the same words as the service's, whatever the reason (``referrals.py``)
        error_messages={"invalid_choice": FOLLOW_UP_NOT_CITABLE},
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, programs: Any, organisations: Any, follow_ups: Any, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("referred_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["program"].queryset = programs
        fields["organisation"].queryset = organisations
        fields["follow_up"].queryset = follow_ups
        fields["follow_up"].label_from_instance = lambda f: (
            f"{f.get_category_display()}, due {f.due_on:%Y-%m-%d} ({f.get_status_display()})"
        )
        first_two = list(organisations.values_list("pk", flat=True)[:2])
        if len(first_two) == 1:  # one organisation to refer for: chosen already
            fields["organisation"].initial = first_two[0]


class ReferralUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ReferralStatus.choices)
    application_ref = forms.CharField(label="Application reference", required=False, max_length=120)
    applied_on = forms.DateField(label="Applied on", required=False, widget=DATE)
    funded_project: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=FundedProject.objects.none(),
        required=False,
        label="Funded project",
        empty_label="None yet",
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    loaded_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["funded_project"]
        field.queryset = projects


class ProgramCampaignForm(forms.Form):
    name = forms.CharField(label="Campaign name", max_length=200)
    focus = forms.CharField(
        label="Focus",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What every call of the campaign tells the company about the program",
    )
    starts_on = forms.DateField(label="Starts on", widget=DATE)
    ends_on = forms.DateField(label="Ends on", widget=DATE)
    include_possible = forms.BooleanField(
        label="Also the possibly eligible facilities (data missing)", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "A campaign ends after it starts.")
        return data

    @staticmethod
    def initial_for(program: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return {
            "name": f"{program}: reach the eligible companies ({today:%Y-%m})",
            "focus": f"Tell eligible companies about {program.label}.",
            "starts_on": today,
            "ends_on": today + dt.timedelta(days=90),
            "include_possible": False,
        }


class ProgramForm(VersionedForm):
    """A program's facts as the coordinator corrects them (its rules stay in the data file)."""

    class Meta(VersionedForm.Meta):
        model = FundingProgram
        fields = list(EDITABLE)
        labels = {
            "short_name": "Short name",
            "aliases": "Also called",
            "delivered_by": "Delivered by",
            "starts_on": "Opens on",
            "ends_on": "Closes on",
            "source": "Facts from",
        }
        help_texts = {
            "funder": "The government or organisation that pays",
            "ends_on": "The last day to apply, when the program has one",
            "source": "Where these facts come from: the program's page, an announcement, …",
        }
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["funder"].queryset = organisations
        fields["delivered_by"].queryset = organisations
        fields["funder"].empty_label = fields["delivered_by"].empty_label = "Not known"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("starts_on"), data.get("ends_on")
        if opens and closes and closes < opens:
            self.add_error("ends_on", "The program cannot close before it opens.")
        return data
