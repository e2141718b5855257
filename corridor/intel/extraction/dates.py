"""Dates: " date 2021-12-07", "December 16, 2020", "Dec. 16, 2020", "16 December 2020",
"2020/12/16", "le 16 décembre 2020", "16 de diciembre de 2020", and a document's own date."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"
    ),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE)


def _build(year: str, month: str, day: str) -> dt.date | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full date in ``text`` with its position, in order."""
    found: list[tuple[int, dt.date]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _build(match.group("year"), match.group("month"), match.group("day"))
            if value is not None and not any(pos == match.start() for pos, _ in found):
                found.append((match.start(), value))
    return sorted(found)


def parse_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


def document_date(text: str) -> dt.date | None:
    """The date a document was published: a date line near the top ("date 2021-12-07",
    "December 16, 2020", "WINDSOR, ON, March 3, 2022 /CNW/"), a "Published ..." line
    anywhere, or else the first full date of the text."""
    for match in re.finditer(
        r"(?:published|posted|released|issued|dated?)\s*(?:on)?\s*[:\-]?\s*(.{6,40})",
        text[:3000],
        re.IGNORECASE,
    ):
        value = parse_date(match.group(1))
        if value:
            return value
    head = text[:400]
    dates = find_dates(head)
    if dates:
        return dates[0][1]
    dates = find_dates(text)
    if dates:
        return dates[0][1]
    month_year = _MONTH_YEAR.search(text[:400])
    if month_year:
        return _build(month_year.group("year"), month_year.group("month"), "1")
    return None


def resolve_year(phrase: str, today: dt.date) -> int | None:
    """Relative years: "this year", "last year", "next year", "in 2025"."""
    lowered = phrase.lower()
    if "last year" in lowered or "l'an dernier" in lowered or "l'année dernière" in lowered:
        return today.year - 1
    if "next year" in lowered or "l'an prochain" in lowered:
        return today.year + 1
    if "this year" in lowered or "cette année" in lowered:
        return today.year
    found = re.search(r"\b(?:19|20)\d\d\b", lowered)
    return int(found.group(0)) if found else None
