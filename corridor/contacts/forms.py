"""The contact form and the one short form that logs a touch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from corridor.contacts.models import Contact, TouchKind
from corridor.core.forms import VersionedForm


class DateInput(forms.DateInput):
    input_type = "date"


class ContactForm(VersionedForm):
    class Meta(VersionedForm.Meta):
        model = Contact
        fields = [
            "name",
            "role",
            "title",
            "facility",
            "phone",
            "email",
            "language",
            "consent_basis",
            "consent_on",
            "consent_note",
            "shared",
            "shared_on",
        ]
        widgets = {
            "consent_on": DateInput(),
            "shared_on": DateInput(),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args: Any, facilities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].required = bool(self.instance.pk)
        field: Any = self.fields["facility"]
        field.queryset = facilities if facilities is not None else field.queryset.none()
        field.help_text = "The plant where the person works, when it is one of them"


class TouchForm(forms.Form):
    kind = forms.ChoiceField(choices=TouchKind.choices, initial=TouchKind.PHONE)
    happened_on = forms.DateField(label="Date", widget=DateInput())
    contacts = forms.MultipleChoiceField(
        label="Who", required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label="Short note", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    confidential = forms.BooleanField(
        label="Confidential: only my organisation and the coordinator read the note",
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, people: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.fields["contacts"].choices = [  # type: ignore[attr-defined]
            (str(p.pk), f"{p.name}, {p.role_label}") for p in people
        ]
        self.fields["happened_on"].initial = timezone.localdate()

    def chosen_people(self) -> list[Any]:
        return [self.people[k] for k in self.cleaned_data.get("contacts", [])]


MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # a contact list is a few hundred rows, not megabytes


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label="Contact list",
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,.xlsm,.txt"}),
        help_text=(
            "A .csv or .xlsx file with a header row: name and company are required; role, "
            "title, phone, e-mail, language, consent, its date and sharing are read when "
            "present. Download the template to start from the right columns."
        ),
    )
    organisation = forms.ChoiceField(
        label="Recorded by",
        help_text="The people are your organisation's: only it and the coordinator see them "
        "unless a row says they agreed to be shared.",
    )

    def __init__(self, *args: Any, organisations: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        field: Any = self.fields["organisation"]
        field.choices = [(k, o.label) for k, o in self.organisations.items()]
        if len(self.organisations) == 1:
            del self.fields["organisation"]  # an officer of one municipality is not asked

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; a contact "
                "list is much smaller. Is it the right file?"
            )
        return upload

    def chosen_organisation(self) -> Any:
        if "organisation" not in self.fields:
            return next(iter(self.organisations.values()))
        return self.organisations[self.cleaned_data["organisation"]]
