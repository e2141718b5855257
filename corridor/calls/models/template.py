"""The common call template, versioned: every call keeps the version it was made on."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from corridor.calls.answers import Section, TemplateError, read_sections
from corridor.core.models import CorridorModel


class CallTemplate(CorridorModel):
    """One published version of the common template. Published versions never change."""

    number = models.PositiveIntegerField("version number", unique=True)
    title = models.CharField(max_length=200)
    sections = models.JSONField(help_text="Sections and their questions (see calls/answers.py)")
    change_note = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def clean(self) -> None:
        try:
            read_sections(self.sections)
        except TemplateError as error:
            raise ValidationError({"sections": str(error)}) from None

    @property
    def parsed(self) -> tuple[Section, ...]:
        cached = getattr(self, "_parsed", None)
        if cached is None:
            cached = self._parsed = read_sections(self.sections)
        return cached
