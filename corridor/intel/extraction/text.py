"""Splitting a document into paragraphs and sentences.

Text from PDFs and web pages wraps lines in the middle of sentences and puts
blank lines between wrapped lines; a line break only ends a paragraph when the
line before ends a sentence, or is a short heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_DASHES = str.maketrans({"\u2013": "-", "\u2014": " - ", "\u2212": "-", "\u2011": "-"})
_ENDS_SENTENCE = re.compile(r"""[.!?:;"')\]]\s*$""")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\uf0b7\u2023\u25cf]|\d{1,2}[.)])\s+")
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "to",
        "in",
        "a",
        "an",
        "with",
        "by",
        "on",
        "at",
        "from",
        "or",
        "as",
        "that",
        "this",
        "its",
        "their",
        "our",
        "is",
        "are",
        "was",
        "be",
        "will",
        "would",
        "could",
        "has",
        "have",
        "than",
        "into",
    ]
)
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "ste",
        "mt",
        "no",
        "nos",
        "inc",
        "ltd",
        "corp",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "vs",
        "approx",
        "est",
        "dept",
        "gov",
        "govt",
        "hon",
        "ont",
        "que",
        "mich",
        "sr",
        "jr",
        "prof",
        "fig",
        "p.m",
        "a.m",
        "bros",
        "assn",
        "ave",
        "blvd",
    ]
)
_SENTENCE_END = re.compile(r"""([.!?]+["')\]]*)\s+(?=["'(\[]?[A-Z0-9$\u00c0-\u00dd])""")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the document


def normalise(text: str) -> str:
    """Straight quotes, plain dashes, no non-breaking spaces, no control characters."""
    text = text.translate(_QUOTES).translate(_DASHES).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 90 or _ENDS_SENTENCE.search(line):
        return False
    return words[-1].lower() not in _FUNCTION_WORDS and len(words) <= 14


def is_title(line: str) -> bool:
    """A headline in Title Case ("Ontario Investing $2.5 Million to Support Auto Parts")."""
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    if len(words) < 3 or _ENDS_SENTENCE.search(line):
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_DATE_LINE = re.compile(r"^\s*(date\s*:?\s*\d{4}-\d{2}-\d{2})\s+(?=\S)", re.IGNORECASE)


def paragraphs(text: str) -> list[str]:
    """Join wrapped lines back into paragraphs (a leading "date 2021-12-07" is its own line)."""
    text = _DATE_LINE.sub(lambda m: m.group(1) + "\n\n", normalise(text), count=1)
    lines = [line.strip() for line in text.split("\n")]
    result: list[str] = []
    current: list[str] = []
    blank_before = False
    for line in lines:
        if not line:
            blank_before = True
            continue
        if current:
            previous = current[-1]
            starts_upper = line[:1].isupper() or line[:1] in "\"'$("
            breaks = (
                _BULLET.match(line) is not None
                or (blank_before and _ENDS_SENTENCE.search(previous) is not None and starts_upper)
                or (blank_before and _is_heading(previous) and starts_upper)
                or (not blank_before and _is_heading(previous) and len(previous) < 60)
                or (not blank_before and is_title(previous) and starts_upper)
            )
            if breaks:
                result.append(" ".join(current))
                current = []
        current.append(_BULLET.sub("", line))
        blank_before = False
    if current:
        result.append(" ".join(current))
    return [re.sub(r"\s+", " ", p).strip() for p in result if p.strip()]


def _split(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for found in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : found.start()]
        last_word = before.rsplit(" ", 1)[-1].lower().rstrip(".")
        if found.group(1).startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        pieces.append(paragraph[start : found.end()].strip())
        start = found.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def sentences(text: str) -> list[Sentence]:
    result: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(text)):
        for piece in _split(paragraph):
            result.append(Sentence(piece, number, len(result)))
    return result
