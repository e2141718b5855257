"""The questions of a call template and the answers to them, validated by type.

A template's ``sections`` is a list of ``{"key", "title", "questions": [...]}``;
a question is ``{"key", "label", "type", "choices"?, "help"?}``. Answers are kept
flat, keyed ``"section.question"``. Every question can be skipped: an empty
answer is simply absent. ``parse_answers`` turns what a form or the API sent
(strings, or lists for multiple choice) into typed values and a message per
field that could not be read; nothing is stored unless every field reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

QUESTION_TYPES = (
    "text",
    "longtext",
    "integer",
    "money",
    "yesno",
    "choice",
    "multichoice",
    "rating",
    "date",
    "occupations",
)
YES_NO = (("yes", "Yes"), ("no", "No"), ("unknown", "Don't know"))
RATINGS = tuple((str(n), str(n)) for n in range(1, 6))
_CHOICE_TYPES = {"choice", "multichoice"}
_MAX_TEXT = 5000


class TemplateError(ValueError):
    """A template's sections are not well formed."""


@dataclass(frozen=True, slots=True)
class Question:
    section: str
    key: str
    label: str
    type: str
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}"

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        if self.type == "yesno":
            return YES_NO
        if self.type == "rating":
            return RATINGS
        return self.choices

    def display(self, value: Any) -> str:
        """An answer as a person reads it."""
        if value is None or value == "" or value == []:
            return ""
        labels = dict(self.options)
        if self.type == "multichoice":
            return ", ".join(labels.get(v, v) for v in value)
        if self.type in _CHOICE_TYPES or self.type == "yesno":
            return labels.get(value, str(value))
        if self.type == "money":
            return f"${int(value):,}"
        if self.type == "occupations":
            return "; ".join(f"{o['occupation']}: {o['count']}" for o in value)
        if self.type == "rating":
            return f"{value} of 5"
        return str(value)


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]


def read_sections(raw: Any) -> tuple[Section, ...]:
    """Check a template's sections and return them typed; ``TemplateError`` says what is wrong."""
    if not isinstance(raw, list) or not raw:
        raise TemplateError("A template needs a list of sections.")
    sections: list[Section] = []
    seen: set[str] = set()
    for s_index, section in enumerate(raw, 1):
        if not isinstance(section, dict) or not section.get("key") or not section.get("title"):
            raise TemplateError(f"Section {s_index} needs a key and a title.")
        questions: list[Question] = []
        for q_index, q in enumerate(section.get("questions") or [], 1):
            where = f"section {section['key']!r}, question {q_index}"
            if not isinstance(q, dict) or not q.get("key") or not q.get("label"):
                raise TemplateError(f"{where} needs a key and a label.")
            if q.get("type") not in QUESTION_TYPES:
                raise TemplateError(
                    f"{where}: type {q.get('type')!r} is not one of {', '.join(QUESTION_TYPES)}."
                )
            choices = tuple((str(c[0]), str(c[1])) for c in q.get("choices") or [])
            if q["type"] in _CHOICE_TYPES and not choices:
                raise TemplateError(f"{where}: a {q['type']} question needs choices.")
            question = Question(
                section["key"], q["key"], q["label"], q["type"], choices, q.get("help", "")
            )
            if question.path in seen:
                raise TemplateError(f"{where}: {question.path} appears twice.")
            seen.add(question.path)
            questions.append(question)
        if not questions:
            raise TemplateError(f"Section {section['key']!r} has no questions.")
        sections.append(Section(section["key"], section["title"], tuple(questions)))
    return tuple(sections)


def questions_of(sections: tuple[Section, ...]) -> Iterator[Question]:
    for section in sections:
        yield from section.questions


_OCCUPATION_LINE = re.compile(r"^(?P<occupation>.*?)[\s,:;–-]+(?P<count>\d{1,5})\s*$")


def _integer(text: str, *, money: bool = False) -> int:
    cleaned = text.replace(",", "").replace(" ", "")
    if money:
        cleaned = cleaned.removeprefix("$").removeprefix("C$")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("Enter a whole number" + (" of dollars." if money else ".")) from None
    if not number.is_finite():  # "NaN", "sNaN" (which cannot even be compared), "Infinity"
        raise ValueError("Enter a whole number" + (" of dollars." if money else "."))
    if number != number.to_integral_value() or number < 0:
        raise ValueError("Enter a whole number, 0 or more.")
    if number > 10**12:
        raise ValueError("That number is too large.")
    return int(number)


def _occupations(text: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        found = _OCCUPATION_LINE.match(line)
        if not found or not found["occupation"].strip():
            raise ValueError(f"Line {n}: write the occupation, then the number (e.g. 'Welder, 4').")
        rows.append({"occupation": found["occupation"].strip(), "count": int(found["count"])})
    return rows


def parse_value(question: Question, raw: Any) -> Any:
    """One answer from what was sent: ``None`` if skipped, ``ValueError`` if unreadable."""
    if question.type == "multichoice":
        values = [raw] if isinstance(raw, str) else list(raw or [])
        values = [str(v) for v in values if str(v).strip()]
        allowed = {c for c, _ in question.options}
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ValueError(f"Not a choice of this question: {', '.join(unknown)}.")
        return values or None
    if question.type == "occupations" and isinstance(raw, list):
        return _occupation_list(raw) or None
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if len(text) > _MAX_TEXT:
        raise ValueError(f"Keep this under {_MAX_TEXT} characters.")
    kind = question.type
    if kind in ("text", "longtext"):
        return text
    if kind in ("integer", "money"):
        return _integer(text, money=kind == "money")
    if kind in ("choice", "yesno", "rating"):
        if text not in {c for c, _ in question.options}:
            raise ValueError("Choose one of the options.")
        return int(text) if kind == "rating" else text
    if kind == "date":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError("Enter a date as YYYY-MM-DD.") from None
    return _occupations(text) or None


def _occupation_list(raw: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for item in raw:
        if not isinstance(item, dict) or not str(item.get("occupation", "")).strip():
            raise ValueError("Each occupation needs a name and a count.")
        count = item.get("count")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValueError("Each occupation's count must be a whole number, 0 or more.")
        rows.append({"occupation": str(item["occupation"]).strip(), "count": count})
    return rows


def parse_answers(
    sections: tuple[Section, ...], raw: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Typed answers keyed ``section.question``, and a message per field that did not read."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in questions_of(sections):
        if question.path not in raw:
            continue
        try:
            value = parse_value(question, raw[question.path])
        except ValueError as error:
            errors[question.path] = str(error)
            continue
        if value is not None:
            answers[question.path] = value
    known = {q.path for q in questions_of(sections)}
    for extra in sorted(set(raw) - known):
        errors[extra] = "This template has no such question."
    return answers, errors


def form_value(question: Question, value: Any) -> Any:
    """An answer as a form field shows it back (the inverse of ``parse_value``)."""
    if value is None:
        return [] if question.type == "multichoice" else ""
    if question.type == "occupations" and isinstance(value, list):
        return "\n".join(f"{o['occupation']}, {o['count']}" for o in value)
    return value if question.type == "multichoice" else str(value)
