"""Campaigns: a period in which calls focus on a set of target facilities."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from corridor.core.models import CorridorModel
from corridor.registry.models import Facility


class Campaign(CorridorModel):
    """e.g. "Automotive focus, 6 months": target facilities, dates, coverage per municipality."""

    name = models.CharField(max_length=200, unique=True)
    focus = models.TextField(
        blank=True, help_text="The messages and objectives every call of the campaign carries."
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    targets = models.ManyToManyField(Facility, related_name="campaigns", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A campaign ends after it starts."})

    def is_running(self, on: dt.date | None = None) -> bool:
        day = on or dt.date.today()
        return self.starts_on <= day <= self.ends_on
