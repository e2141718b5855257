"""The classifications the skills map counts by: occupations (NOC 2021) and economic regions."""

from __future__ import annotations

from django.db import models

from corridor.core.models import CorridorModel

TEER_LABELS = {
    0: "Management",
    1: "University degree",
    2: "College diploma or apprenticeship of 2 years or more",
    3: "College diploma or apprenticeship of less than 2 years",
    4: "High school diploma and on-the-job training",
    5: "Short work demonstration, no formal education",
}


def teer_of(noc_code: str) -> int:
    """The TEER category of a NOC 2021 code: its second digit."""
    return int(noc_code[1])


class Occupation(CorridorModel):
    """An occupation of the National Occupational Classification 2021 (``data/occupations.csv``)."""

    noc_code = models.CharField("NOC 2021 code", max_length=5, unique=True)
    title = models.CharField(max_length=200)
    synonyms = models.TextField(
        blank=True, help_text="Names companies use for it, separated by ';'"
    )

    class Meta:
        ordering = ["noc_code"]

    def __str__(self) -> str:
        return f"{self.title} ({self.noc_code})"

    @property
    def teer(self) -> int:
        return teer_of(self.noc_code)

    @property
    def teer_label(self) -> str:
        return f"TEER {self.teer}: {TEER_LABELS[self.teer]}"

    def synonym_list(self) -> list[str]:
        return [s.strip() for s in self.synonyms.split(";") if s.strip()]


class Region(CorridorModel):
    """A Statistics Canada economic region of the corridor (``data/regions.csv``).

    Its municipalities are those whose ``economic_region`` carries its name."""

    code = models.CharField("SGC 2021 code", max_length=4, unique=True)
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
