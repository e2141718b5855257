"""Company names: legal forms, operating names, numbered companies, plant descriptors, spellings."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from .places import is_place, place_key
from .text import data_lines, data_rows, fold, fold_uncached

LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(line.split()) for line in data_lines("legal_forms.txt")), key=len, reverse=True)
)
_LEGAL_SET = frozenset(LEGAL_FORMS)
ABBREVIATIONS: dict[str, str] = {
    row["abbreviation"].replace("'", ""): row["expansion"]
    for row in data_rows("name_abbreviations.csv")
}
GENERIC_TERMS: frozenset[str] = frozenset(data_lines("generic_terms.txt"))

_STOP = frozenset({"and", "the", "of", "les", "la", "le", "et"})
_PLANT_WORDS = frozenset(
    {
        "plant",
        "facility",
        "site",
        "location",
        "campus",
        "operations",
        "ops",
        "division",
        "div",
        "warehouse",
        "branch",
        "works",
        "building",
        "bldg",
        "dc",
        "office",
    }
)
_OPERATING = re.compile(
    r"(?:^|[\s,;])(?:o/a|o\.a\.?|c\.o\.b\.?|cob|d/b/a|d\.b\.a\.?|dba|t/a|a\.k\.a\.?|aka"
    r"|operating as|carrying on business as|doing business as|trading as|also known as)(?=[\s:]|$)"
)
_PARENS = re.compile(r"[(\[]([^)\]]*)[)\]]?")
_DIVISION = re.compile(r",?\s*(?:a\s+)?(?:div(?:ision)?\.?|subsidiary|member)\s+of\s+.*$")
_SEGMENTS = re.compile(r"\s+[-:|/]\s+|\s*,\s+|\s*;\s*")
_PLANT_NUMBER = re.compile(
    r"\b(?:plant|facility|site|location|building|bldg|division|div)\.?\s*(?:no\.?|number|#)?\s*"
    r"(\d+|[ivx]{1,4}|[a-z])\b"
)
_NUMBERED = re.compile(
    r"^(\d{5,10})\s*(?:ontario|ont|canada|nova scotia|ns|alberta|british columbia|bc|quebec"
    r"|delaware|michigan|ohio)?\.?\s*(?:inc|incorporated|ltd|limited|corp|corporation|ulc"
    r"|ltee|limitee|co)?\.?$"
)
_WORD = re.compile(r"[0-9a-z]+")
# A word of letters with a digit or two among them: 'Too1', 'St4mping', 'Preci5ion', 'G0lden'.
_MIXED_WORD = re.compile(r"\b(?=[0-9a-z]*[a-z])[a-z]*[01458][0-9a-z]*\b")
_DIGIT_AS_LETTER = str.maketrans("01458", "olasb")
_DIGIT = re.compile(r"\d")
_SEPARATOR_HINT = re.compile(r"[-:|/,;]")
_PLANT_HINT = re.compile(r"plant|facilit|site|location|building|bldg|div")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7"}


class CompanyName(NamedTuple):
    """A normalised company name and what was peeled off it.

    A named tuple rather than a frozen dataclass: one is built per distinct name written, and
    a tuple is several times cheaper to make.
    """

    core: str  # normalised words: "apex stamping"
    compact: str  # core without spaces: "apexstamping" (catches "North Star" / "Northstar")
    tokens: tuple[str, ...]
    number: str | None = None  # numbered company: "2345678" of "2345678 Ontario Inc."
    plant: str | None = None  # plant/site descriptor: "woodstock", "2"
    alternates: tuple[
        str, ...
    ] = ()  # other names the row carries (legal name beside operating name)
    distinctive: bool = True  # has a word that is not a generic trade word
    trade: tuple[str, ...] = ()  # the generic trade words of the name: ("precision", "stamping")
    numbered_only: bool = False  # the name is just a numbered company: "2345678 Ontario Inc."


def singular(token: str) -> str:
    """Fold plurals: stampings -> stamping, industries -> industry."""
    n = len(token)
    if n > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if n > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


@lru_cache(maxsize=65536)
def _canon_token(token: str) -> str:
    token = ABBREVIATIONS.get(token, token)
    token = singular(token)
    return ABBREVIATIONS.get(token, token)


_LONG_FORMS = ("incorporated", "incorporee", "corporation", "limited", "limitee", "company")
_INNER_FORMS = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "ltee",
        "limitee",
        "ulc",
        "llc",
    }
)


_DOUBLED = re.compile(r"(.)\1+")
_MULTI_WORD_FORMS = tuple(f for f in LEGAL_FORMS if len(f) > 1)
_MULTI_WORD_ENDS = frozenset(f[-1] for f in _MULTI_WORD_FORMS)


@lru_cache(maxsize=65536)
def _is_legal_word(word: str) -> bool:
    """A one-word legal form, allowing a slip: 'Innc', 'Incorporatd', 'Limted', 'Lirnited'."""
    if (word,) in _LEGAL_SET or (_DOUBLED.sub(r"\1", word),) in _LEGAL_SET:
        return True
    if len(word) >= 6:
        if "rn" in word:  # 'rn' read or typed for 'm': 'Lirnited'
            word = word.replace("rn", "m")
        budget = 1 if len(word) < 9 else 2
        return any(OSA.distance(word, form, score_cutoff=budget) <= budget for form in _LONG_FORMS)
    return False


@lru_cache(maxsize=4096)
def _is_country_word(word: str) -> bool:
    """'Canada' ending a name ('Apex Canada Inc.', 'of Canada'), allowing one slip: 'Cannada'."""
    return word == "canada" or (
        len(word) >= 5 and OSA.distance(word, "canada", score_cutoff=1) <= 1
    )


def _strip_legal(tokens: list[str]) -> list[str]:
    """Drop trailing legal forms ('Inc.', 'Canada Inc.', 'of Canada'); keep at least one word.

    Returns a new list ('of' left by 'of Canada' is a stop word, dropped by _tokens).
    """
    end = len(tokens)
    while end > 1:
        last = tokens[end - 1]
        if last in _MULTI_WORD_ENDS:  # "S.A. de C.V."
            for form in _MULTI_WORD_FORMS:
                n = len(form)
                if end > n and tuple(tokens[end - n : end]) == form:
                    end -= n
                    break
            else:
                if _is_country_word(last) or _is_legal_word(last):
                    end -= 1
                else:
                    break
        elif _is_country_word(last) or _is_legal_word(last):
            end -= 1
        else:
            break
    kept = tokens[:end]
    if _INNER_FORMS.isdisjoint(kept):
        return kept
    return kept[:1] + [t for t in kept[1:] if t not in _INNER_FORMS]


def _words(text: str) -> list[str]:
    # "A.B.C." -> "a b c": _tokens joins runs of single letters back into "abc"
    return _WORD.findall(text.replace("'", "") if "'" in text else text)


def _tokens(words: list[str]) -> list[str]:
    """Legal form stripped, abbreviations expanded, plurals folded, initials joined."""
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    words = _strip_legal(words)
    out: list[str] = []
    canon = _canon_token
    initials = False  # "a b c tool" -> "abc tool"
    for word in words:
        if len(word) == 1 and word.isalpha():
            if initials:
                out[-1] += word
            else:
                out.append(word)
                initials = True
        elif word in _STOP:
            initials = False
        else:
            out.append(canon(word))
            initials = False
    return out


def _plant_text(text: str) -> str | None:
    words = [w for w in _words(text) if w not in _PLANT_WORDS and w not in ("no", "number", "the")]
    if not words:
        return None
    if len(words) == 1 and words[0] in _ROMAN:
        return _ROMAN[words[0]]
    return " ".join(words)


def _is_legal_only(text: str) -> bool:
    words = _words(text)
    return words in (["canada"], ["ontario"], ["the"]) or (
        bool(words) and _strip_legal(["x", *words]) == ["x"]
    )


def _is_descriptor(text: str) -> bool:
    words = _words(text)
    return bool(words) and (any(w in _PLANT_WORDS for w in words) or is_place(" ".join(words)))


def _letters_for_digits(found: re.Match[str]) -> str:
    """A digit read (by OCR) or typed for a look-alike letter inside a word: 'too1' -> 'tool'.

    Only in words of at least three letters with at most two such digits; a word with other
    digits, or mostly digits ('3d', '2nd', 'a1', 'k9', 'route401'), is left as written.
    """
    word = found.group(0)
    digits = sum(c.isdigit() for c in word)
    if digits > 2 or len(word) - digits < 3 or any(c in "2367" for c in word):
        return word
    if word.startswith(("plant", "site", "bldg", "unit", "no")) and word[-1].isdigit():
        return word  # 'Plant1': a plant number run into its word
    return word.translate(_DIGIT_AS_LETTER)


@lru_cache(maxsize=131072)
def parse_name(raw: str) -> CompanyName:
    """Normalise a company name as written in a municipal list."""
    text = fold_uncached(raw)
    if _DIGIT.search(text):
        text = _MIXED_WORD.sub(_letters_for_digits, text)
    if "&" in text or "+" in text:
        text = text.replace("&", " and ").replace("+", " and ")
    number: str | None = None
    plant: str | None = None
    alternates: list[str] = []

    # "2345678 Ontario Inc. o/a Apex Stamping": the operating name is the name people use.
    # every form _OPERATING knows has a '/', a '.', " as", "cob", "dba" or "aka" in it
    found = (
        _OPERATING.search(text)
        if "/" in text
        or "." in text
        or " as" in text
        or "cob" in text
        or "dba" in text
        or "aka" in text
        else None
    )
    if found and text[found.end() :].strip(" :"):
        legal, text = text[: found.start()], text[found.end() :].strip(" :")
        legal_number = _numbered(legal)
        if legal_number:
            number = legal_number
        elif legal.strip():
            alternates.append(legal)

    # "(2345678 Ontario Inc.)", "(Canada)", "(Woodstock Plant)", "(formerly Beta Tool)"
    for content in _PARENS.findall(text) if "(" in text or "[" in text else ():
        inner_number = _numbered(content)
        if inner_number:
            number = number or inner_number
        elif not content.strip() or _is_legal_only(content):
            pass
        elif _is_descriptor(content):
            plant = plant or _plant_text(content)
        else:
            alternates.append(content)
    if "(" in text or "[" in text:
        text = _PARENS.sub(" ", text)
    if " of " in text:
        text = _DIVISION.sub("", text)

    # "Apex Stamping - Woodstock Plant", "Apex Stamping, Plant 2"
    if _SEPARATOR_HINT.search(text):
        kept: list[str] = []
        for i, segment in enumerate(s for s in _SEGMENTS.split(text) if s.strip()):
            if i > 0 and _is_descriptor(segment):
                plant = plant or _plant_text(segment)
            else:
                kept.append(segment)
        text = " ".join(kept)
    plant_number = _PLANT_NUMBER.search(text) if _PLANT_HINT.search(text) else None
    if plant_number:
        plant = plant or _ROMAN.get(plant_number.group(1), plant_number.group(1))
        text = text[: plant_number.start()] + " " + text[plant_number.end() :]

    own_number = _numbered(text)
    if own_number:
        number = number or own_number
        tokens = [own_number]
    else:
        words = _words(text)
        if number is None and len(words) > 2 and _DIGIT.search(text):
            # "1234567 Ontario Inc. c/o Smith LLP", "Apex Stamping 1234567 Ontario Inc."
            number = _numbered_part(words)
        while len(words) > 2 and words[-1] in _PLANT_WORDS:  # "Apex Stamping Woodstock Plant"
            words.pop()
            tail = _trailing_place(words)
            if tail:
                plant = plant or place_key(" ".join(words[-tail:]))
                del words[-tail:]
        tokens = _tokens(words) or _words(text) or [fold(raw)]
    core = " ".join(tokens)
    alt_cores = (
        tuple(
            dict.fromkeys(
                c for c in (" ".join(_tokens(_words(a))) for a in alternates) if c and c != core
            )
        )
        if alternates
        else ()
    )
    trade = tuple(t for t in tokens if t in GENERIC_TERMS)
    return CompanyName(
        core=core,
        compact=core.replace(" ", ""),
        tokens=tuple(tokens),
        number=number,
        plant=plant,
        alternates=alt_cores,
        # some word is not a trade word
        distinctive=own_number is None and len(trade) < len(tokens),
        trade=trade,
        numbered_only=own_number is not None,
    )


def _trailing_place(words: list[str]) -> int:
    for n in (3, 2, 1):
        if len(words) > n + 1 and is_place(" ".join(words[-n:])):
            return n
    return 0


# Words a numbered company's name carries besides its number: the jurisdiction that
# incorporated it (a province or territory, "Canada" for the federal registry, a few US states),
# as written or abbreviated ("B.C.", "N.S.", "Sask", "Qc"); legal forms are the other kind.
_JURISDICTION_WORDS = frozenset(
    {
        "ontario", "ont", "on", "canada", "can", "federal",
        "quebec", "que", "qc", "pq",
        "alberta", "alta", "ab",
        "british", "columbia", "bc",
        "saskatchewan", "sask", "sk",
        "manitoba", "man", "mb",
        "new", "brunswick", "nb",
        "nova", "scotia", "ns",
        "newfoundland", "labrador", "nfld", "nl",
        "prince", "edward", "island", "pei", "pe",
        "yukon", "yt", "northwest", "territories", "nwt", "nt", "nunavut", "nu",
        "delaware", "michigan", "ohio",
    }
)  # fmt: skip
_NUMBERED_TAIL = frozenset({w for w in _JURISDICTION_WORDS if len(w) >= 5} | set(_LONG_FORMS))
_NUMBER_WORD = re.compile(r"(\d+)([a-z]*)")
_NUMBERED_FILLER = frozenset({"the", "of", "no", "number", "numbered"})  # "No. 1234567 Ontario"


def _numbered(text: str) -> str | None:
    """The corporation number of a numbered company's name, or None.

    "2345678 Ontario Inc." -> "2345678"; also "1234567 B.C. Ltd.", "101234567 Saskatchewan
    Ltd.", "9123-4567 Quebec inc." (-> "91234567"), "1234567 Ontario L.T.D.", with a slip in
    the words after the number ("2501474 Ontaario Inc"). A name with any other word ("12345
    Apples Inc") is not one.
    """
    if not _DIGIT.search(text):
        return None
    words = _words(text)
    found = _NUMBERED.match(" ".join(words))
    if found:
        return found.group(1)
    return _numbered_words(tuple(words)) if len(words) <= 8 else None


@lru_cache(maxsize=4096)
def _is_numbered_tail_word(word: str) -> bool:
    """A jurisdiction or legal-form word of a numbered company's name, allowing a slip."""
    if word in _JURISDICTION_WORDS or word in _NUMBERED_FILLER or (word,) in _LEGAL_SET:
        return True
    if _is_legal_word(word) or _is_country_word(word):
        return True
    known = _numbered_spelling(word)
    return known != word and (known in _JURISDICTION_WORDS or _is_legal_word(known))


def _numbered_words(words: tuple[str, ...], jurisdiction: bool = False) -> str | None:
    """`_numbered` for the forms its pattern misses: the number in one group of digits or two
    adjacent ones ("9123 4567"), 5 to 10 digits in all, and at least one other word, each a
    jurisdiction or a legal form (with `jurisdiction`, one must be a jurisdiction); runs of
    single letters are joined ("b c" -> "bc")."""
    tokens: list[str] = []
    letters = ""  # a run of single letters: "b c" of "B.C.", "l t d" of "L.T.D."
    for word in words:
        if len(word) == 1 and word.isalpha():
            letters += word
            continue
        if letters:
            tokens.append(letters)
            letters = ""
        if word[0].isdigit():
            found = _NUMBER_WORD.fullmatch(word)
            if found is None:  # "12a34"
                return None
            tokens.append(found.group(1))
            if found.group(2):  # "1234567ontario"
                tokens.append(found.group(2))
        else:
            tokens.append(word)
    if letters:
        tokens.append(letters)
    positions = [i for i, token in enumerate(tokens) if token[0].isdigit()]
    if not positions or len(positions) > 2 or positions[-1] - positions[0] != len(positions) - 1:
        return None
    number = "".join(tokens[i] for i in positions)
    if not 5 <= len(number) <= 10 or len(positions) == len(tokens):
        return None
    if len(positions) == 2 and len(tokens[positions[0]]) < 3:  # "12 34567 ...": not one number
        return None
    others = [t for t in tokens if not t[0].isdigit()]
    if not all(_is_numbered_tail_word(t) for t in others):
        return None
    if jurisdiction and not any(
        t in _JURISDICTION_WORDS or _numbered_spelling(t) in _JURISDICTION_WORDS for t in others
    ):
        return None
    return number


def _numbered_part(words: list[str]) -> str | None:
    """The number of a numbered company's name that begins or ends a longer name, or None.

    "1234567 Ontario Inc. c/o Smith LLP", "1234567 Ontario Inc Holdings", "Apex Stamping
    1234567 B.C. Ltd.". The part must name a jurisdiction ("12345 Apples Inc" and "Apex 12345
    Inc" stay ordinary names) and the part beginning the name is read as far as it goes.
    """
    last = len(words)
    if words[0].isdigit():
        for end in range(min(last - 1, 6), 1, -1):
            found = _numbered_words(tuple(words[:end]), jurisdiction=True)
            if found:
                return found
    for start in range(1, last - 1):
        if words[start].isdigit() and len(words[start]) >= 4:
            found = _numbered_words(tuple(words[start:]), jurisdiction=True)
            if found:
                return found
    return None


@lru_cache(maxsize=4096)
def _numbered_spelling(word: str) -> str:
    """The word a numbered company's name ends with that `word` is one slip from ('Ontaario')."""
    if len(word) >= 5 and word not in _NUMBERED_TAIL:
        for known in sorted(_NUMBERED_TAIL):
            if OSA.distance(word, known, score_cutoff=1) <= 1:
                return known
    return word


@lru_cache(maxsize=4096)
def _last_words(town_keys: frozenset[str]) -> frozenset[str]:
    return frozenset(key.rpartition(" ")[2] for key in town_keys)


def strip_town_suffix(name: CompanyName, town_keys: frozenset[str]) -> CompanyName:
    """'Apex Stamping Woodstock' listed in Woodstock: the trailing town is a plant descriptor."""
    tokens = name.tokens
    # cheap exits: too short, or the last word ends no town name
    if len(tokens) <= 2 or tokens[-1].rpartition(" ")[2] not in _last_words(town_keys):
        return name
    for n in (3, 2, 1):
        if len(tokens) > n + 1 and " ".join(tokens[-n:]) in town_keys:
            kept = tokens[:-n]
            core = " ".join(kept)
            return CompanyName(
                core=core,
                compact=core.replace(" ", ""),
                tokens=kept,
                number=name.number,
                plant=name.plant or " ".join(tokens[-n:]),
                alternates=name.alternates,
                distinctive=any(t not in GENERIC_TERMS for t in kept),
                trade=tuple(t for t in kept if t in GENERIC_TERMS),
            )
    return name
