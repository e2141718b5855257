"""Forms of the pages that plan and log calls, and the call form built from the template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone

from corridor.calls.answers import Question, Section, form_value, questions_of
from corridor.calls.models import Call, CallStatus, Campaign, Flag, FollowUpCategory
from corridor.calls.planning import planning_organisations
from corridor.calls.recording import REFERRAL_KINDS
from corridor.core import policy
from corridor.core.models import Membership, Organisation, OrganisationKind, User
from corridor.core.models.organisation import PARTICIPANT_KINDS
from corridor.registry.models import Facility

FOLLOW_UP_DAYS = 14


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def people_of(user: Any, organisations: list[Organisation]) -> dict[int, str]:
    """The active people of ``organisations`` that ``user`` may see: a label by user id."""
    memberships = (
        policy.visible(user, Membership)
        .filter(organisation__in=[o.pk for o in organisations], user__is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "user__username")
    )
    names: dict[int, str] = {}
    places: dict[int, list[str]] = {}
    for membership in memberships:
        person = membership.user
        names.setdefault(person.pk, person.get_full_name() or person.username)
        places.setdefault(person.pk, []).append(membership.organisation.label)
    return {pk: f"{name} ({', '.join(places[pk])})" for pk, name in names.items()}


def offer_people(field: Any, people: dict[int, str]) -> None:
    """Let a user field choose among ``people``, labelled with their organisations."""
    field.queryset = User.objects.filter(pk__in=list(people)).order_by(
        "last_name", "first_name", "username"
    )
    field.label_from_instance = lambda obj: people.get(obj.pk, str(obj))


class PlanForm(forms.Form):
    facility = forms.ModelChoiceField(queryset=Facility.objects.none(), widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label="Calling municipality",
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text="Who makes the call (the visiting municipality).",
    )
    scheduled_on = forms.DateField(label="Date of the visit", widget=DateInput())
    starts_at = forms.TimeField(label="Time (optional)", required=False, widget=TimeInput())
    purpose = forms.CharField(
        label="Purpose (optional)",
        max_length=200,
        required=False,
        help_text="e.g. Retention visit, follow-up on the expansion",
    )
    campaign = forms.ModelChoiceField(
        label="Campaign (optional)",
        queryset=Campaign.objects.none(),
        required=False,
        empty_label="Not part of a campaign",
    )
    participants = forms.ModelMultipleChoiceField(
        label="Who goes",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="People of the calling municipality.",
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label="Partners on the visit (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_participants = forms.CharField(
        label="Others on the visit (optional)",
        max_length=300,
        required=False,
        help_text="People without a Corridor account, e.g. the mayor",
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.organisations = planning_organisations(user)
        organisations = policy.visible(user, Organisation)
        facility_field: Any = self.fields["facility"]
        facility_field.queryset = policy.visible(user, Facility)
        org_field: Any = self.fields["organisation"]
        org_field.queryset = organisations.filter(pk__in=[o.pk for o in self.organisations])
        if len(self.organisations) > 1:
            org_field.empty_label = "Choose the municipality"
        today = timezone.localdate()
        campaign_field: Any = self.fields["campaign"]
        campaign_field.queryset = policy.visible(user, Campaign).filter(
            starts_on__lte=today, ends_on__gte=today
        )
        offer_people(self.fields["participants"], people_of(user, self.organisations))
        partner_field: Any = self.fields["partner_organisations"]
        partner_field.queryset = organisations.exclude(kind__in=PARTICIPANT_KINDS).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation = data.get("organisation")
        chosen = data.get("participants") or []
        if organisation is not None and chosen:
            members = {
                m.user_id
                for m in policy.visible(self.user, Membership).filter(organisation=organisation)
            }
            strangers = [p for p in chosen if p.pk not in members]
            if strangers:
                names = ", ".join(p.get_full_name() or p.username for p in strangers)
                self.add_error(
                    "participants",
                    f"{names} do{'es' if len(strangers) == 1 else ''} "
                    f"not act for {organisation.label}; name them under 'Others on the visit'.",
                )
        return data


class DecisionForm(forms.Form):
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)


class ConsentForm(forms.Form):
    consent_on = forms.DateField(label="Consent given on", widget=DateInput())
    consent_scope = forms.MultipleChoiceField(
        label="The company agreed to be referred to",
        choices=[(str(k), k.label) for k in REFERRAL_KINDS],
        widget=forms.CheckboxSelectMultiple,
    )
    consent_note = forms.CharField(
        label="Note (optional)",
        max_length=300,
        required=False,
        help_text="e.g. Agreed on the visit; by email of 12 October",
    )


class FlagChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        flag: Flag = obj
        return f"{flag.get_severity_display()} flag: {flag.get_category_display()}"


class FollowUpForm(forms.Form):
    category = forms.ChoiceField(label="What", choices=FollowUpCategory.choices)
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What was promised. Confidential to the visiting municipality and the "
        "coordinator (and the owner and partner of a referral).",
    )
    owner_organisation = forms.ModelChoiceField(
        label="Owner organisation", queryset=Organisation.objects.none(), empty_label=None
    )
    owner = forms.ModelChoiceField(
        label="Owner (optional)",
        queryset=User.objects.none(),
        required=False,
        empty_label="Nobody in particular",
        help_text="Must act for the owner organisation.",
    )
    due_on = forms.DateField(label="Due on", widget=DateInput())
    referral_to = forms.ModelChoiceField(
        label="Refer the company to (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="No referral",
        help_text="A partner organisation. A referral needs the company's consent, "
        "recorded on the call.",
    )
    flag = FlagChoiceField(
        label="About a flag of this call (optional)",
        queryset=Flag.objects.none(),
        required=False,
        empty_label="No flag",
    )

    def __init__(self, user: Any, call: Call, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "due_on": timezone.localdate() + dt.timedelta(days=FOLLOW_UP_DAYS),
                "owner_organisation": call.organisation_id,
                "owner": user.pk,
            },
        )
        super().__init__(*args, **kwargs)
        organisations = policy.visible(user, Organisation)
        owners = list(
            organisations.filter(
                kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]
            ).order_by("name")
        )
        fields: Any = self.fields
        fields["owner_organisation"].queryset = organisations.filter(pk__in=[o.pk for o in owners])
        offer_people(fields["owner"], people_of(user, owners))
        fields["referral_to"].queryset = organisations.exclude(kind__in=PARTICIPANT_KINDS).order_by(
            "name"
        )
        fields["flag"].queryset = policy.visible(user, Flag).filter(call=call)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("referral_to") is not None:
            data["category"] = FollowUpCategory.REFERRAL
        return data


class PlannerFilter(forms.Form):
    """The filters of the call planner (all optional)."""

    organisation = forms.ModelChoiceField(
        label="Municipality", queryset=Organisation.objects.none(), required=False,
        empty_label="All municipalities",
    )  # fmt: skip
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any status"), *CallStatus.choices], required=False
    )
    start = forms.DateField(label="From", required=False, widget=DateInput())
    end = forms.DateField(label="To", required=False, widget=DateInput())

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisation"]
        field.queryset = (
            policy.visible(user, Organisation)
            .filter(kind__in=PARTICIPANT_KINDS)
            .order_by("kind", "name")
        )


# The call form: one input per question of the template the call was made on.


@dataclass(frozen=True, slots=True)
class AnswerField:
    question: Question
    value: Any  # a string, or a list for multiple choice
    error: str

    @property
    def name(self) -> str:
        return self.question.path

    @property
    def id(self) -> str:
        return "q-" + self.question.path.replace(".", "-").replace("_", "-")

    @property
    def widget(self) -> str:
        """Which input the template draws."""
        kind = self.question.type
        if kind in ("yesno", "choice", "rating"):
            return "radios"
        if kind == "multichoice":
            return "checkboxes"
        if kind in ("longtext", "occupations"):
            return "textarea"
        return kind  # text, integer, money, date

    @property
    def describedby(self) -> str:
        """The ids of the help and error texts, for aria-describedby."""
        ids = [f"{self.id}-help"] if self.help else []
        if self.error:
            ids.append(f"{self.id}-error")
        return " ".join(ids)

    @property
    def help(self) -> str:
        if self.question.type == "occupations":
            hint = "One per line: occupation, number (e.g. Millwright, 4)."
            return f"{self.question.help} {hint}".strip()
        if self.question.type == "money":
            return f"{self.question.help} In dollars, e.g. 250,000.".strip()
        return self.question.help


@dataclass(frozen=True, slots=True)
class AnswerSection:
    key: str
    title: str
    fields: list[AnswerField]

    @property
    def answered(self) -> int:
        return sum(1 for f in self.fields if f.value not in ("", [], None))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.fields if f.error)


def stored_values(sections: tuple[Section, ...], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Saved answers as the form shows them back."""
    return {q.path: form_value(q, answers.get(q.path)) for q in questions_of(sections)}


def posted_answers(sections: tuple[Section, ...], data: QueryDict) -> dict[str, Any]:
    """What the call form sent for the template's questions (and nothing else)."""
    raw: dict[str, Any] = {}
    for question in questions_of(sections):
        if question.type == "multichoice":
            raw[question.path] = data.getlist(question.path)
        elif question.path in data:
            raw[question.path] = data.get(question.path, "")
    return raw


def answer_sections(
    sections: tuple[Section, ...], values: Mapping[str, Any], errors: Mapping[str, str]
) -> list[AnswerSection]:
    empty: dict[str, Any] = {"multichoice": []}
    return [
        AnswerSection(
            s.key,
            s.title,
            [
                AnswerField(q, values.get(q.path, empty.get(q.type, "")), errors.get(q.path, ""))
                for q in s.questions
            ],
        )
        for s in sections
    ]
