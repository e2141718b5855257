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
_PROJECT_ADJ = r"(?:(?![\d$])[\w-]+,?\s+){0,4}?"
_PROJECTS = re.compile(
    rf"(?P<q>{_QUAL})(?P<n>{COUNT})\s+{_PROJECT_ADJ}(?:projects|initiatives|projets|proyectos)\b",
    re.IGNORECASE,
)
_ONE_PROJECT = re.compile(r"\b(?:this|the|a|one)\s+(?:[\w-]+\s+){0,3}project\b", re.IGNORECASE)


def find_jobs(sentence: str) -> int | None:
    """The jobs a sentence says will be created or kept, or None."""
    both = _CREATE_AND_RETAIN.search(sentence)
    if both:
        return as_count(both.group("n"))
    for match in list(_JOBS_AFTER.finditer(sentence)) + list(_JOBS_VERB.finditer(sentence)):
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
