"""Text folding shared by every normaliser, and loading of the shipped data files."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold_uncached(text: str) -> str:
    """Lower-case, strip accents, unify dashes/quotes; keep punctuation.

    For callers that cache their own result per distinct value (parse_name, parse_street...):
    a second cache in front of it would only hold the same strings twice.
    """
    if text.isascii():
        out = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        out = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        out = (
            out.replace("\u2013", "-")
            .replace("\u2014", "-")
            .replace("\u2019", "'")
            .replace("\u2018", "'")
        )
    return " ".join(out.split())


fold = lru_cache(maxsize=65536)(fold_uncached)


def alnum_tokens(text: str) -> list[str]:
    """Folded text split on anything that is not a letter or digit."""
    return [t for t in _NON_ALNUM.split(fold(text).replace("'", "")) if t]


def data_lines(name: str) -> Iterator[str]:
    """Non-comment, non-blank lines of a data file (its first lines name its source)."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                yield stripped


def data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV data file whose header follows its comment lines."""
    yield from csv.DictReader(data_lines(name))
