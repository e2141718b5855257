"""Forms of the records kept whole on one page: messages, policy asks, contacts,
relationships, working groups, partnerships, tours and fleet pilots.

Each carries the version it was loaded at (``loaded_version``) so a stale form ends in
an edit conflict instead of overwriting someone's change."""

from __future__ import annotations

from typing import Any

from django import forms

from corridor.core.forms import VersionedForm
from corridor.core.scoping import system_scope
from corridor.outreach import evidence
from corridor.outreach.forms import DATE, _described
from corridor.outreach.models import (
    Contact,
    FleetPilot,
    Message,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)

LINES = {"rows": 4}
TICKS = forms.CheckboxSelectMultiple


class RecordForm(VersionedForm):
    """``querysets``: the choices of each related field, as the page's user may see them."""

    def __init__(self, *args: Any, querysets: dict[str, Any] | None = None, **kwargs: Any) -> None:
        # the record's current links fill the form; its choices are the user's (below)
        with system_scope("reading the links of a record the user may edit"):
            super().__init__(*args, **kwargs)
        self.fields["loaded_version"].required = bool(self.instance.pk)
        for name, qs in (querysets or {}).items():
            self.fields[name].queryset = qs  # type: ignore[attr-defined]
        _described(self)


def _evidence_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Live evidence", choices=evidence.choices, required=False, widget=TICKS,
        help_text="Figures drawn from Corridor and shown with it",
    )  # fmt: skip


class MessageForm(RecordForm):
    evidence = _evidence_field()

    class Meta(RecordForm.Meta):
        model = Message
        fields = ["theme", "title", "summary", "talking_points", "evidence", "position"]
        widgets = {"summary": forms.Textarea(attrs=LINES), "talking_points": forms.Textarea}
        labels = {"position": "Order within the theme"}


class AskForm(RecordForm):
    evidence = _evidence_field()

    class Meta(RecordForm.Meta):
        model = PolicyAsk
        fields = ["theme", "title", "ask", "rationale", "addressed_to", "evidence", "owner",
                  "status"]  # fmt: skip
        widgets = {"ask": forms.Textarea(attrs=LINES), "rationale": forms.Textarea(attrs=LINES)}
        labels = {"ask": "What is asked", "owner": "Who carries it"}


class ContactForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Contact
        fields = ["name", "role", "organisation", "organisation_name", "head_office",
                  "is_decision_maker", "email", "phone", "notes"]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs=LINES)}
        labels = {"organisation": "Organisation in Corridor", "organisation_name": "Or another"}


class RelationshipForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Relationship
        fields = ["contact", "organisation", "person_name", "strength", "last_contact_on",
                  "notes"]  # fmt: skip
        widgets = {"last_contact_on": DATE, "notes": forms.Textarea(attrs=LINES)}
        labels = {
            "contact": "Stakeholder",
            "organisation": "Known by someone of",
            "person_name": "Who (leave blank if it is you)",
            "last_contact_on": "Last in touch",
        }


class WorkingGroupForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = WorkingGroup
        fields = ["name", "mandate", "issues", "lead", "mayors_lead", "members", "meets"]
        widgets = {"mandate": forms.Textarea(attrs=LINES), "issues": forms.Textarea(attrs=LINES),
                   "members": TICKS}  # fmt: skip
        labels = {"lead": "Who leads"}


class PartnershipForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Partnership
        fields = ["name", "kind", "focus", "partners", "other_partners", "funding",
                  "funding_amount", "status", "website"]  # fmt: skip
        widgets = {"focus": forms.Textarea(attrs=LINES), "partners": TICKS}


class TourForm(RecordForm):
    class Meta(RecordForm.Meta):
        model = Tour
        fields = ["name", "purpose", "starts_on", "ends_on", "organisation"]
        widgets = {"purpose": forms.Textarea(attrs=LINES), "starts_on": DATE, "ends_on": DATE}
        labels = {"starts_on": "First day", "ends_on": "Last day", "organisation": "Run by"}


class PilotForm(RecordForm):
    vehicles = forms.IntegerField(min_value=1, max_value=100_000, initial=1)

    class Meta(RecordForm.Meta):
        model = FleetPilot
        fields = ["title", "organisation", "technology", "fleet", "vehicles", "vendor",
                  "vendor_name", "starts_on", "ends_on", "status", "results", "shared"]  # fmt: skip
        widgets = {"starts_on": DATE, "ends_on": DATE, "results": forms.Textarea(attrs=LINES)}
        labels = {
            "organisation": "Municipality",
            "vendor": "Vendor in the registry",
            "vendor_name": "Or another vendor",
            "starts_on": "Starts",
            "ends_on": "Ends",
            "shared": "Partner organisations may read it",
        }
        help_texts = {"vendor": "A local company's plant", "fleet": "e.g. Transit buses"}
