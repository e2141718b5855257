"""Jobs and projects: "about 613 new jobs", "more than 10,000 new jobs", "create or retain
1,200 jobs", "65 industry-led, collaborative projects", "more than 100 projects"."""

from __future__ import annotations

import re

from corridor.intel.extraction.numbers import COUNT, as_count

_QUAL = (
    r"(?:(?:more\s+than|over|nearly|almost|about|approximately|around|roughly|some|up\s+to|"
    r"at\s+least|as\s+many\s+as|an\s+estimated|close\s+to|plus\s+de|environ)\s+)?"
)
_JOB_WORDS = r"(?:jobs?|positions?|employees|workers|roles|emplois|empleos)"
_JOB_ADJECTIVE = (
    r"(?:new|additional|full-time|part-time|permanent|direct|indirect|good|good-paying|"
    r"high-paying|well-paying|high-quality|high-value|quality|skilled|highly-skilled|highly|"
    r"manufacturing|construction|local|union|unionized|engineering|tech|technology|green|"
    r"clean|auto|automotive|and|or|,|nouveaux|directs|nuevos|directos)"
)
_JOBS_AFTER = re.compile(
    rf"(?P<q>{_QUAL})(?P<n>{COUNT})(?:\s*\+)?\s+(?:{_JOB_ADJECTIVE}\s*){{0,4}}{_JOB_WORDS}\b",
    re.IGNORECASE,
)
_JOBS_VERB = re.compile(
    rf"\b(?:hire|hiring|employ|create|creating|add|adding)\s+{_QUAL}(?P<n>{COUNT})\s+"
    r"(?:new\s+|more\s+|additional\s+)?(?:people|staff|workers|employees)\b",
    re.IGNORECASE,
)
# A number of jobs the sentence is about, not the size of the sector.
_CREATION = re.compile(
    r"\b(?:creat|new\b|add|hir|generat|expect|retain|maintain|protect|secur|sustain|"
    r"support|employ|bring|result|lead\s+to|will|would|up\s+to|emplois|empleos)",
    re.IGNORECASE,
)
_NOT_JOBS_AFTER = re.compile(r"^\s*(?:in\s+the\s+sector|across\s+the\s+(?:sector|industry))", re.I)
_EXISTING = re.compile(
    r"\b(?:currently\s+employs|employs|employing|already|existing|sector\s+(?:supports|employs)|"
    r"industry\s+(?:supports|employs)|account(?:s|ed)?\s+for|lost|cut|cutting|laid\s+off|layoffs?|"
    r"eliminat)",
    re.IGNORECASE,
)
_TRAINED = re.compile(
    r"\b(?:train|trains|training|trained|upskill\w*|reskill\w*|teach\w*|help|helps|helping|serve|"
    r"reach|graduate|certify|place)\s+(?:up\s+to\s+|about\s+|more\s+than\s+|over\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_CREATE_AND_RETAIN = re.compile(
    rf"\bcreat\w*\s+{_QUAL}(?P<n>{COUNT})\s+(?:new\s+)?(?:jobs\s+)?and\s+(?:retain|maintain|"
    rf"protect|secur|sustain)\w*\s+{_QUAL}{COUNT}",
    re.IGNORECASE,
)
_RETAIN_VERB = (
    r"(?:retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?|protect(?:s|ed|ing)?|preserv(?:e|es|ed|ing)|"
    r"sustain(?:s|ed|ing)?)"
)
_RETAIN_FR = (
    r"(?:maintenir|maintien\s+de|maintiendra|conserver|conservation\s+de|conservera|préserver|"
    r"protéger|sauvegarder|sauvegarde\s+de)"
)
_COMBINED = re.compile(r"\b(?:creat\w*|add\w*)\s+(?:or|and/or|and)\s+$", re.IGNORECASE)
_RETAINED = [
    re.compile(
        rf"\b{_RETAIN_VERB}\s+(?:the\s+|its\s+|their\s+)?{_QUAL}(?P<n>{COUNT})\s+"
        rf"(?:(?:existing|current|{_JOB_ADJECTIVE})\s*){{0,4}}{_JOB_WORDS}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\bsecur(?:e|es|ed|ing)\s+(?:the\s+)?{_QUAL}(?P<n>{COUNT})\s+"
        rf"(?:(?:{_JOB_ADJECTIVE})\s*){{0,3}}existing\s+(?:(?:{_JOB_ADJECTIVE})\s*){{0,2}}{_JOB_WORDS}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_QUAL}(?P<n>{COUNT})\s+(?:(?:existing|current|{_JOB_ADJECTIVE})\s*){{0,4}}{_JOB_WORDS}\s+"
        r"(?:will\s+be\s+|would\s+be\s+|are\s+|were\s+|being\s+)?(?:retained|maintained|protected|"
        r"preserved|maintenus|conservés|préservés|sauvegardés)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_RETAIN_FR}\s+(?:les\s+|ses\s+|leurs\s+)?{_QUAL}(?P<n>{COUNT})\s+"
        r"(?:postes|emplois)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_QUAL}(?P<n>{COUNT})\s+(?:(?:existing|current|{_JOB_ADJECTIVE})\s*){{0,3}}{_JOB_WORDS}\s+"
        r"(?:(?:that|which)\s+(?:will\s+be|are|were)\s+)?(?:retained|maintained|protected)\b",
        re.IGNORECASE,
    ),
]
# "retaining 300 and creating 40", "maintain 120 jobs while adding 35 new positions"
_RETAIN_THEN_CREATE = re.compile(
    rf"\b{_RETAIN_VERB}\s+(?:the\s+|its\s+)?{_QUAL}(?P<kept>{COUNT})\s+(?:(?:existing|current|"
    rf"{_JOB_ADJECTIVE})\s*){{0,3}}(?:{_JOB_WORDS}\s*)?(?:,\s*)?(?:and|while|as\s+well\s+as|plus)?\s*"
    rf"(?:also\s+)?(?:creat|add|hir)\w*\s+{_QUAL}(?P<new>{COUNT})\b",
    re.IGNORECASE,
)
_CREATE_THEN_RETAIN = re.compile(
    rf"\b(?:creat|add|hir)\w*\s+{_QUAL}(?P<new>{COUNT})\s+(?:(?:{_JOB_ADJECTIVE})\s*){{0,3}}"
    rf"(?:{_JOB_WORDS}\s*)?(?:,\s*(?:and\s+)?|\s+(?:and|while|as\s+well\s+as|plus)\s+)(?:to\s+)?{_RETAIN_VERB}\s+"
    rf"(?:the\s+|its\s+)?{_QUAL}(?P<kept>{COUNT})\b",
    re.IGNORECASE,
)
_FR_CREATE = re.compile(
    rf"\b(?:d'en\s+créer|en\s+créer|créer|création\s+de|créera)\s+{_QUAL}(?P<n>{COUNT})\b(?!\s*(?:%|\$|millions?|milliards?))",
    re.IGNORECASE,
)


def _is_count(text: str) -> int | None:
    value = as_count(text)
    if value is None or value < 1 or (1900 <= value <= 2100 and "," not in text):
        return None
    return value


def find_retained(sentence: str) -> int | None:
    """The jobs a sentence says will be kept (retained, maintained, protected,
    "secure 500 existing jobs", "maintenir 200 emplois"), or None."""
    for pattern in (_RETAIN_THEN_CREATE, _CREATE_THEN_RETAIN):
        both = pattern.search(sentence)
        if both and _jobs_sentence(sentence):
            return _is_count(both.group("kept"))
    for pattern in _RETAINED:
        for match in pattern.finditer(sentence):
            if _COMBINED.search(sentence[max(0, match.start() - 20) : match.start()]):
                continue  # "create or retain 1,200 jobs": one figure, counted as created
            value = _is_count(match.group("n"))
            if value is not None:
                return value
    return None


def _jobs_sentence(sentence: str) -> bool:
    return bool(re.search(rf"{_JOB_WORDS}|\bones\b|\bpeople\b", sentence, re.IGNORECASE))


def _is_retention(sentence: str, start: int, end: int) -> bool:
    """Is the count at ``start:end`` kept jobs rather than new ones?"""
    before = sentence[max(0, start - 40) : start]
    after = sentence[end : end + 40]
    if re.search(
        rf"\b(?:{_RETAIN_VERB}|{_RETAIN_FR})\s+(?:the\s+|its\s+|les\s+)?{_QUAL}$", before, re.I
    ):
        return not _COMBINED.search(re.sub(rf"{_RETAIN_VERB}\s+\S*\s*$", "", before))
    if re.search(r"\bsecur\w*\s+(?:the\s+)?" + _QUAL + "$", before, re.I) and re.search(
        r"existing", sentence[start:end], re.I
    ):
        return True
    return bool(
        re.match(
            r"\s*(?:will\s+be\s+|would\s+be\s+|are\s+|were\s+)?(?:retained|maintained|"
            r"protected|preserved|maintenus|conservés)\b",
            after,
            re.I,
        )
    )


_PROJECT_ADJ = r"(?:(?![\d$])[\w-]+,?\s+){0,4}?"
_PROJECTS = re.compile(
    rf"(?P<q>{_QUAL})(?P<n>{COUNT})\s+{_PROJECT_ADJ}(?:projects|initiatives|projets|proyectos)\b",
    re.IGNORECASE,
)
_ONE_PROJECT = re.compile(r"\b(?:this|the|a|one)\s+(?:[\w-]+\s+){0,3}project\b", re.IGNORECASE)


def find_jobs(sentence: str) -> int | None:
    """The jobs a sentence says will be created, or None (kept jobs: ``find_retained``)."""
    both = _CREATE_AND_RETAIN.search(sentence)
    if both:
        return as_count(both.group("n"))
    for pattern in (_RETAIN_THEN_CREATE, _CREATE_THEN_RETAIN):
        pair = pattern.search(sentence)
        if pair and _jobs_sentence(sentence):
            return _is_count(pair.group("new"))
    for match in list(_JOBS_AFTER.finditer(sentence)) + list(_JOBS_VERB.finditer(sentence)):
        if _is_retention(sentence, match.start("n"), match.end()):
            continue
        value = as_count(match.group("n"))
        if value is None or value < 1 or (1900 <= value <= 2100 and "," not in match.group("n")):
            continue
        before = sentence[max(0, match.start() - 80) : match.start()]
        after = sentence[match.end() : match.end() + 40]
        if _NOT_JOBS_AFTER.match(after) or _EXISTING.search(before[-45:]):
            continue
        if _TRAINED.search(before[-30:]):
            continue  # people trained or helped are not jobs
        if _CREATION.search(before + match.group(0) + after):
            return value
    french = _FR_CREATE.search(sentence)
    if french and re.search(r"emplois|postes", sentence, re.IGNORECASE):
        return _is_count(french.group("n"))
    return None


def find_projects(sentence: str) -> int | None:
    """How many projects a sentence counts ("65 industry-led, collaborative projects")."""
    for match in _PROJECTS.finditer(sentence):
        value = as_count(match.group("n"))
        text = match.group(0)
        if value is None or re.search(r"[$€£]|\bmillion|\bbillion|%", text, re.IGNORECASE):
            continue
        if 1900 <= value <= 2100 and "," not in match.group("n"):
            continue
        return value
    return None
