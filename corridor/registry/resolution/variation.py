"""How one true facility gets written in a list: spelling, format and omission noise.

Two independently styled profiles: "standard" (the noise the matcher was designed around) and
"heldout" (other rates plus kinds of noise the matcher was not written for: joined/split words,
dropped words, OCR confusions, province in the town field, P.O. boxes, 7-digit phones,
unlisted hamlets). Report metrics on both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

KEYBOARD = {
    "a": "qwsz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}
OCR = {"o": "0", "l": "1", "i": "1", "s": "5", "b": "8", "e": "c", "rn": "m", "m": "rn"}

WORD_VARIANTS: dict[str, tuple[str, ...]] = {
    "Manufacturing": ("Mfg.", "Mfg", "Manufacturing"),
    "Technologies": ("Tech", "Technology", "Technologies"),
    "Industries": ("Ind.", "Industry", "Industries"),
    "International": ("Intl.", "Int'l", "International"),
    "Engineering": ("Eng.", "Engineering"),
    "&": ("and", "&", "+"),
    "Mould": ("Mold", "Moulds", "Mould"),
    "Moulding": ("Molding", "Mouldings", "Moulding"),
    "Aluminum": ("Aluminium", "Aluminum"),
    "Centre": ("Center", "Centre"),
    "Stamping": ("Stampings", "Stamping"),
    "Stampings": ("Stamping", "Stampings"),
    "Plastics": ("Plastic", "Plastics"),
    "Castings": ("Casting", "Castings"),
    "Fasteners": ("Fastener", "Fasteners"),
    "Springs": ("Spring", "Springs"),
    "Forgings": ("Forging", "Forgings"),
    "Extrusions": ("Extrusion", "Extrusions"),
    "Components": ("Component", "Components"),
    "Assemblies": ("Assembly", "Assemblies"),
    "Products": ("Product", "Prod.", "Products"),
    "Systems": ("System", "Sys.", "Systems"),
    "Coatings": ("Coating", "Coatings"),
}
SUFFIX_LONG = {"Inc.": "Incorporated", "Ltd.": "Limited", "Corp.": "Corporation", "Co.": "Company"}
SUFFIX_SHORT = {"Limited": "Ltd.", "Incorporated": "Inc.", "Corporation": "Corp."}
STREET_ABBR = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Drive": "Dr",
    "Boulevard": "Blvd",
    "Crescent": "Cres",
    "Court": "Crt",
    "Parkway": "Pkwy",
    "Way": "Way",
    "Place": "Pl",
    "North": "N",
    "South": "S",
    "East": "E",
    "West": "W",
    "Highway": "Hwy",
}
PHONE_FORMATS = (
    "({a}) {e}-{n}",
    "{a}-{e}-{n}",
    "{a}.{e}.{n}",
    "+1 {a} {e} {n}",
    "1-{a}-{e}-{n}",
    "{a}{e}{n}",
    "{a} {e} {n}",
    "+1 ({a}) {e}-{n}",
)


@dataclass(frozen=True, slots=True)
class Profile:
    """Rates of each kind of variation; per-source styles are drawn on top of these."""

    name: str
    name_typo: float = 0.06
    second_typo: float = 0.25
    word_variant: float = 0.3
    suffix_drop: float = 0.3
    suffix_swap: float = 0.15
    plant_descriptor: float = 0.45
    numbered_form: float = 0.5
    street_typo: float = 0.02
    number_typo: float = 0.003
    unit_drop: float = 0.15
    local_name: float = 0.5
    hamlet: float = 0.1
    city_typo: float = 0.01
    postal_typo: float = 0.003
    alt_phone: float = 0.08
    hq_phone: float = 0.25
    missing: float = 1.0  # multiplies each source's missing-field rates
    jitter_km: float = 0.15
    extension: float = 0.05
    # kinds of noise only the held-out profile uses
    join_split: float = 0.0
    drop_word: float = 0.0
    ocr: float = 0.0
    province_in_city: float = 0.0
    po_box: float = 0.0
    seven_digit_phone: float = 0.0
    mailing_town: float = 0.0


STANDARD = Profile("standard")
HELDOUT = Profile(
    "heldout",
    name_typo=0.09,
    second_typo=0.35,
    word_variant=0.4,
    suffix_drop=0.4,
    suffix_swap=0.2,
    plant_descriptor=0.3,
    numbered_form=0.6,
    street_typo=0.04,
    number_typo=0.008,
    unit_drop=0.3,
    local_name=0.6,
    hamlet=0.25,
    city_typo=0.02,
    postal_typo=0.008,
    alt_phone=0.12,
    hq_phone=0.35,
    missing=1.3,
    jitter_km=0.4,
    extension=0.1,
    join_split=0.04,
    drop_word=0.04,
    ocr=0.015,
    province_in_city=0.25,
    po_box=0.03,
    seven_digit_phone=0.03,
    mailing_town=0.01,
)
PROFILES = {p.name: p for p in (STANDARD, HELDOUT)}


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip: substitution with a neighbouring key, deletion, doubling or swap."""
    positions = [i for i, c in enumerate(text) if c.isalpha() and i > 0]
    if not positions:
        return text
    i = rng.choice(positions)
    c = text[i]
    op = rng.random()
    if op < 0.35:
        near = KEYBOARD.get(c.lower(), "e")
        new = rng.choice(near)
        return text[:i] + (new.upper() if c.isupper() else new) + text[i + 1 :]
    if op < 0.6:
        return text[:i] + text[i + 1 :]
    if op < 0.8:
        return text[:i] + c + text[i:]
    if i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + c + text[i + 2 :]
    return text[:i] + text[i + 1 :]


def ocr_confusion(text: str, rng: random.Random) -> str:
    """One scanning confusion (o/0, l/1, rn/m)."""
    keys = [k for k in OCR if k in text.lower()]
    if not keys:
        return text
    key = rng.choice(keys)
    i = text.lower().find(key)
    return text[:i] + OCR[key] + text[i + len(key) :]


def apply_case(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "title":
        return " ".join(
            w[:1].upper() + w[1:].lower() if w.isalpha() else w for w in text.split(" ")
        )
    if case == "lower":
        return text.lower()
    return text


def render_phone(digits: str, fmt: str, extension: bool, rng: random.Random) -> str:
    text = fmt.format(a=digits[:3], e=digits[3:6], n=digits[6:])
    if extension:
        text += rng.choice((" ext. ", " x", " Ext ", " #")) + str(rng.randint(10, 499))
    return text


def render_postal(code: str, style: str) -> str:
    if style == "nospace":
        return code.replace(" ", "")
    if style == "lower":
        return code.lower()
    if style == "dash":
        return code.replace(" ", "-")
    return code


def render_website(domain: str, rng: random.Random) -> str:
    form = rng.random()
    if form < 0.35:
        return "www." + domain
    if form < 0.55:
        return "http://www." + domain
    if form < 0.75:
        return "https://" + domain + "/"
    if form < 0.85:
        return "https://www." + domain + rng.choice(("/contact", "/about-us", "/en/"))
    if form < 0.92:
        return "WWW." + domain.upper()
    return domain
