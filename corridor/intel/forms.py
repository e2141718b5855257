"""Forms of the intelligence pages: adding a document, checking a fact, filtering."""

from __future__ import annotations

from typing import Any

from django import forms

from corridor.core import policy
from corridor.intel.models import DocumentKind, FactKind, Jurisdiction, TrendTag
from corridor.intel.models.fact import Instrument

MAX_UPLOAD = 20 * 1024 * 1024
MAX_FILES = 50


class SeveralFilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class SeveralFilesField(forms.FileField):
    """One file or several: cleans to a list (empty when none was chosen)."""

    widget = SeveralFilesInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        chosen = data if isinstance(data, list | tuple) else [data]
        cleaned = []
        for one in chosen:
            upload = super().clean(one, initial)
            if upload:
                cleaned.append(upload)
        return cleaned


class UploadForm(forms.Form):
    file = SeveralFilesField(
        label="Files",
        required=False,
        help_text=(
            "A press release, news story, policy or report (.txt, .html or .pdf; 20 MB each). "
            f"Choose several at once (up to {MAX_FILES}) to add a stack of documents."
        ),
    )
    text = forms.CharField(
        label="Or paste the text",
        required=False,
        max_length=500_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    title = forms.CharField(
        label="Title", required=False, max_length=300, help_text="Blank: the first line."
    )
    date = forms.DateField(
        label="Date published",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Blank: the date the document states.",
    )
    source = forms.CharField(label="Published by", required=False, max_length=200)
    url = forms.URLField(label="Web address", required=False, max_length=500, assume_scheme="https")
    jurisdiction: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Government it is about",
        queryset=Jurisdiction.objects.none(),
        required=False,
        empty_label="Work it out from the text",
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Work it out from the text"), *DocumentKind.choices],
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["jurisdiction"]
        field.queryset = policy.visible(user, Jurisdiction).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        uploads = data.get("file") or []
        if not uploads and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose a file or paste the text of the document.")
        if len(uploads) > MAX_FILES:
            self.add_error("file", f"Choose at most {MAX_FILES} files at a time.")
        for upload in uploads:
            if upload.size > MAX_UPLOAD:
                self.add_error("file", f"{upload.name} is larger than 20 MB.")
        return data


class FactForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=FactKind.choices)
    funder = forms.CharField(
        label="Funder", required=False, max_length=200, help_text="Who gives the money"
    )
    recipient = forms.CharField(
        label="Recipient", required=False, max_length=200, help_text="Who gets it"
    )
    program = forms.CharField(
        label="Program", required=False, max_length=200, help_text="As written"
    )
    amount_cad = forms.DecimalField(
        label="Amount", required=False, min_value=0, max_digits=18, decimal_places=2,
        help_text="In the currency below; $12 million is 12000000.",
    )  # fmt: skip
    currency = forms.CharField(
        label="Currency", max_length=3, min_length=3, help_text="CAD, USD, MXN, EUR"
    )
    total_value_cad = forms.DecimalField(
        label="Total project value", required=False, min_value=0, max_digits=18, decimal_places=2
    )
    projects = forms.IntegerField(label="Projects", required=False, min_value=0, max_value=10**6)
    jobs = forms.IntegerField(
        label="Jobs created", required=False, min_value=0, max_value=10**7,
        help_text="New jobs only",
    )  # fmt: skip
    jobs_retained = forms.IntegerField(
        label="Jobs retained", required=False, min_value=0, max_value=10**7,
        help_text="Existing jobs kept (retained, maintained, protected)",
    )  # fmt: skip
    instrument = forms.ChoiceField(
        label="Instrument", required=False, choices=[("", "Not said"), *Instrument.choices],
        help_text="How the money is given, when the document says",
    )  # fmt: skip
    date = forms.DateField(
        label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    jurisdiction: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Government",
        queryset=Jurisdiction.objects.none(),
        required=False,
        empty_label="Not known",
    )
    trends: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Trends",
        queryset=TrendTag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(label="Why (optional)", required=False, max_length=300)
    loaded_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        jurisdiction: Any = self.fields["jurisdiction"]
        jurisdiction.queryset = policy.visible(user, Jurisdiction).order_by("name")
        trends: Any = self.fields["trends"]
        trends.queryset = policy.visible(user, TrendTag).order_by("order")

    def clean_currency(self) -> str:
        value: str = self.cleaned_data["currency"].upper()
        if not value.isalpha():
            raise forms.ValidationError("Three letters, such as CAD or USD.")
        return value
