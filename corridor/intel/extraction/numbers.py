"""Numbers as announcements write them: "1,200", "1.5", "12,5" (French), "a dozen", "sixty-five"."""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "a dozen": 12, "dozen": 12, "a hundred": 100, "one hundred": 100,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

NUMBER_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|a\s+dozen|dozen|a\s+hundred|one\s+hundred|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen)"
)
# 1,200 | 1 200 (French thousands) | 1.5 | 12,5 (French decimal) | 613
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f]\d{3})+|\d+(?:[.,]\d+)?)"
COUNT = rf"(?:{DIGITS}|{NUMBER_WORDS})"


def parse_number(text: str) -> float | None:
    """The value of a written number, or None."""
    raw = text.strip().lower().replace("\u202f", " ")
    raw = re.sub(r"\s+", " ", raw)
    if raw in _UNITS:
        return float(_UNITS[raw])
    if raw in _TENS:
        return float(_TENS[raw])
    if "-" in raw:
        tens, _, unit = raw.partition("-")
        if tens in _TENS and unit in _UNITS:
            return float(_TENS[tens] + _UNITS[unit])
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", raw):
        return float(raw.replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", raw):  # French decimal comma: "12,5 millions"
        return float(raw.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return float(raw)
    return None


def as_count(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None
