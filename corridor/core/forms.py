from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from corridor.core.models import Organisation


def https_by_default(field: models.Field[Any, Any], **kwargs: Any) -> Any:
    """Web addresses typed without a scheme are taken as https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class VersionedForm(forms.ModelForm):
    """A model form that carries the version it was loaded at, to detect concurrent edits."""

    class Meta:
        formfield_callback = https_by_default

    loaded_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["loaded_version"].initial = self.instance.version


class OrganisationForm(VersionedForm):
    class Meta(VersionedForm.Meta):
        model = Organisation
        fields = ["name", "short_name", "website", "description"]


class CoordinatorOrganisationForm(VersionedForm):
    """The coordinator may also change what an organisation is and where."""

    class Meta(VersionedForm.Meta):
        model = Organisation
        fields = ["name", "short_name", "kind", "municipality", "website", "description"]

    def __init__(self, *args: Any, municipalities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, initial="API token", help_text="What the token is for, e.g. 'GIS sync'."
    )
