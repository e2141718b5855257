"""Phone numbers and website domains."""

from __future__ import annotations

import re
from functools import lru_cache

_EXTENSION = re.compile(r"(?:ext\.?|extension|x|poste|#)\s*\d+\s*$", re.IGNORECASE)
_SPLIT_PHONES = re.compile(r"\s*(?:/|;|\bor\b|,|&|\band\b)\s*", re.IGNORECASE)
_NOT_DIGIT = re.compile(r"\D+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
# A cell of digits, spaces, parentheses, dots, dashes and '+' only: one number, no extension.
_PLAIN_PHONE = re.compile(r"[\d\s().+-]*")
# Hosts that are platforms, not a company's own domain: they say nothing about identity.
PLATFORM_DOMAINS = frozenset(
    {
        "facebook.com",
        "linkedin.com",
        "ca.linkedin.com",
        "instagram.com",
        "twitter.com",
        "x.com",
        "google.com",
        "goo.gl",
        "bit.ly",
        "yelp.ca",
        "yelp.com",
        "yellowpages.ca",
        "canada411.ca",
        "youtube.com",
        "gmail.com",
        "hotmail.com",
        "outlook.com",
        "yahoo.com",
        "yahoo.ca",
        "rogers.com",
        "sympatico.ca",
        "bellnet.ca",
        "bell.net",
        "cogeco.ca",
        "live.com",
    }
)


def _phone(text: str, plain: bool = False) -> str | None:
    # a plain cell (digits and punctuation only) has no extension marker to strip
    digits = _NOT_DIGIT.sub("", text if plain else _EXTENSION.sub("", text.strip()))
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    elif len(digits) > 11 and digits[0] == "1":
        digits = digits[1:11]  # an extension written without a marker
    elif len(digits) > 10:
        digits = digits[:10]
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        return None  # NANP: area code and exchange never start with 0 or 1
    return digits


@lru_cache(maxsize=131072)
def parse_phones(raw: str) -> tuple[str, ...]:
    """'+1 (519) 555-1234 ext. 22' -> ('5195551234',); several numbers may share a cell."""
    if _PLAIN_PHONE.fullmatch(raw):  # nothing to split on and no extension marker
        whole = _phone(raw, plain=True)
        return (whole,) if whole else ()
    found = [p for p in (_phone(part) for part in _SPLIT_PHONES.split(raw)) if p]
    if not found:
        whole = _phone(raw)
        return (whole,) if whole else ()
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def parse_local_phones(raw: str) -> tuple[str, ...]:
    """Seven-digit numbers written without an area code: '555-1234' -> ('5551234',).

    Local lists often leave the area code out. Such a number says who the row is only together
    with its town (the same seven digits exist under every area code), so it is kept apart from
    full numbers and compared as weaker evidence (scoring.compare). Empty when the cell holds a
    full number.
    """
    if parse_phones(raw):
        return ()
    found = []
    for part in _SPLIT_PHONES.split(raw):
        digits = _NOT_DIGIT.sub("", _EXTENSION.sub("", part.strip()))
        if len(digits) == 7 and digits[0] not in "01":  # an exchange never starts with 0 or 1
            found.append(digits)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=131072)
def parse_domain(raw: str) -> str | None:
    """'https://www.ApexStamping.ca/about' -> 'apexstamping.ca'; None for platforms and junk."""
    text = raw.strip().lower()
    if not text:
        return None
    if "@" in text and "/" not in text:
        text = text.rsplit("@", 1)[1]  # an e-mail address in the website column
    text = _SCHEME.sub("", text)
    for stop in "/?#:":
        text = text.split(stop, 1)[0]
    text = text.strip(". ")
    if text.startswith("www") and "." in text:
        head, rest = text.split(".", 1)
        if head in ("www", "www1", "www2", "www3") and "." in rest:
            text = rest
    if "." not in text or " " in text or text in PLATFORM_DOMAINS:
        return None
    return text
