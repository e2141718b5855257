"""NAICS 2022 codes for automotive and related manufacturing (data/naics_automotive.csv)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from corridor.core.datafiles import read_rows

NAICS_FILE = Path(__file__).resolve().parent / "data" / "naics_automotive.csv"


@lru_cache(maxsize=1)
def naics_titles() -> dict[str, str]:
    return {row["code"]: row["title"] for row in read_rows(NAICS_FILE)}


def naics_title(code: str | None) -> str:
    """The title of a code, or of its nearest listed parent ("" when unknown)."""
    if not code:
        return ""
    titles = naics_titles()
    for length in range(len(code), 1, -1):
        title = titles.get(code[:length])
        if title:
            return title
    return ""


def clean_naics(raw: str | None) -> str | None:
    """Digits of a NAICS cell ("3363 - parts", "336390.0"), or None; ValueError if not a code."""
    if raw is None or not str(raw).strip():
        return None
    text = str(raw).strip()
    if text.endswith(".0"):
        text = text[:-2]
    digits = text.split()[0].rstrip("-–:")
    if not digits.isdigit() or not 2 <= len(digits) <= 6:
        raise ValueError(f"{raw!r} is not a NAICS code (2 to 6 digits)")
    return digits
