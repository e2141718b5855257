from __future__ import annotations

from typing import Any

from django import forms

MAX_UPLOAD_BYTES = 25 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Company list",
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,.xlsm,.txt,.tsv"}),
        help_text=(
            "A .csv or .xlsx file with a header row. It needs an id column (source_id, id, "
            "ref, …) and a name column (name, company, …); address, town, postal code, phone, "
            "website, NAICS, employees and products are read when present."
        ),
    )
    source = forms.CharField(
        label="Source name",
        max_length=120,
        required=False,
        help_text=(
            "Who keeps this list, e.g. 'Windsor business directory'. Import the next version "
            "of the same list under the same name. Empty: the file name."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
                "split it into smaller lists."
            )
        return upload


class ImportConfirmForm(forms.Form):
    """The second step: import the file the preview showed."""

    upload = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    source = forms.CharField(max_length=120, required=False, widget=forms.HiddenInput)


class MergeForm(forms.Form):
    merged = forms.IntegerField(
        label="Id of the facility to merge into this one",
        min_value=1,
        max_value=2**31 - 1,
        help_text=(
            'The number on the other facility\'s page ("Facility 42, version 3"). Its imported '
            "rows move here and it disappears from the lists; the merge can be undone."
        ),
    )
